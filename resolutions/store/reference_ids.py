"""The ids of the records rows point at that are not a resolution's own: Member States, SDGs, subjects.

They are made on first use (as bodies are), from ``resolutions.reference``: a state's
name from its code, a goal's title from its number, a subject's slug from its name.
Both writers take them through one ``ReferenceIds``, so the per-resolution load and the
bulk load store the same rows.
"""

from __future__ import annotations

from django.utils.text import slugify

from resolutions.models import Goal, MemberState, Subject
from resolutions.reference.member_states import state_name
from resolutions.reference.record_metadata import SDG_TITLES


def subject_slug(name: str) -> str:
    """A subject's address in its thesaurus: "Social Development" is ``social-development``."""
    return slugify(name)[:220] or "subject"


class ReferenceIds:
    """Ids of Member States, goals and subjects, created when first named and remembered for the run.

    The first state (or goal) asked for reads every one the archive holds, in one query: a recorded vote
    names some 190 states, which one query each made the slowest part of loading a resolution. One of these
    lives inside one resolution's transaction (or one bulk load's), so an id it remembers is never that of a
    row another transaction rolled back; a state or goal the archive does not hold yet is made on first use.
    """

    def __init__(self):
        self.states: dict[str, int] | None = None
        self.goals: dict[int, int] | None = None
        self.subjects: dict[tuple[str, str], int] = {}

    def state_id(self, code: str) -> int:
        if self.states is None:
            self.states = dict(MemberState.objects.values_list("code", "pk"))
        if code not in self.states:
            state, _ = MemberState.objects.get_or_create(code=code, defaults={"name": state_name(code)})
            self.states[code] = state.pk
        return self.states[code]

    def goal_id(self, number: int) -> int:
        if self.goals is None:
            self.goals = dict(Goal.objects.values_list("number", "pk"))
        if number not in self.goals:
            goal, _ = Goal.objects.get_or_create(number=number, defaults={"title": SDG_TITLES[number]})
            self.goals[number] = goal.pk
        return self.goals[number]

    def subject_id(self, name: str, thesaurus: str) -> int:
        key = (thesaurus, subject_slug(name))
        if key not in self.subjects:
            subject, _ = Subject.objects.get_or_create(thesaurus=thesaurus, slug=key[1], defaults={"name": name})
            self.subjects[key] = subject.pk
        return self.subjects[key]
