"""Existing data as rows: each vote's Member State string becomes a MemberState; sponsors, SDGs and
subjects are read from each resolution's metadata (which stays as it was) into rows of their own.

A vote string that names no state stops the migration, naming it: nothing is guessed or dropped
silently. Reversed, the votes get their state's name back as a string and the new rows go.
"""

from django.db import migrations
from django.utils.text import slugify

from resolutions.reference.member_states import state_code, state_name
from resolutions.reference.record_metadata import SDG_TITLES, goals_of, sponsors_of, subjects_of


def _state(MemberState, code, cache):
    if code not in cache:
        cache[code], _ = MemberState.objects.get_or_create(code=code, defaults={"name": state_name(code)})
    return cache[code]


def votes_to_states(apps, schema_editor):
    Vote, MemberState = apps.get_model("resolutions", "Vote"), apps.get_model("resolutions", "MemberState")
    names = set(Vote.objects.values_list("member_state", flat=True).distinct())
    unknown = sorted(name for name in names if not state_code(name))
    if unknown:
        raise RuntimeError(
            "these recorded votes name no Member State the archive knows; add their spelling to "
            f"resolutions/reference/member_states.py (UN_SPELLINGS) and migrate again: {', '.join(unknown)}"
        )
    cache = {}
    for name in sorted(names):
        Vote.objects.filter(member_state=name).update(state=_state(MemberState, state_code(name), cache))
    seen = set()
    for vote_id, resolution_id, state_id in Vote.objects.order_by("id").values_list("id", "resolution_id", "state_id"):
        if (resolution_id, state_id) in seen:  # one state printed two ways in one record: the first is kept
            Vote.objects.filter(id=vote_id).delete()
        seen.add((resolution_id, state_id))


def metadata_to_rows(apps, schema_editor):
    get = lambda name: apps.get_model("resolutions", name)  # noqa: E731
    Resolution, MemberState, Sponsor = get("Resolution"), get("MemberState"), get("Sponsor")
    Goal, Subject, ResolutionGoal, ResolutionSubject = (
        get("Goal"),
        get("Subject"),
        get("ResolutionGoal"),
        get("ResolutionSubject"),
    )
    states, goals, subjects = {}, {}, {}
    for resolution in Resolution.objects.exclude(metadata={}).only("id", "metadata").iterator():
        metadata = resolution.metadata
        Sponsor.objects.bulk_create(
            Sponsor(
                resolution_id=resolution.id,
                order=order,
                role=entry.role,
                name=entry.name,
                member_state=_state(MemberState, entry.state, states) if entry.state else None,
            )
            for order, entry in enumerate(sponsors_of(metadata), start=1)
        )
        links = []
        for order, number in enumerate(goals_of(metadata), start=1):
            if number not in goals:
                goals[number], _ = Goal.objects.get_or_create(number=number, defaults={"title": SDG_TITLES[number]})
            links.append(ResolutionGoal(resolution_id=resolution.id, goal=goals[number], order=order))
        ResolutionGoal.objects.bulk_create(links)
        links = []
        for order, (name, thesaurus) in enumerate(subjects_of(metadata), start=1):
            key = (thesaurus, slugify(name)[:220] or "subject")
            if key not in subjects:
                subjects[key], _ = Subject.objects.get_or_create(thesaurus=key[0], slug=key[1], defaults={"name": name})
            links.append(ResolutionSubject(resolution_id=resolution.id, subject=subjects[key], order=order))
        ResolutionSubject.objects.bulk_create(links, ignore_conflicts=True)


def rows_to_metadata_only(apps, schema_editor):
    for name in ("Sponsor", "ResolutionGoal", "ResolutionSubject", "Goal", "Subject"):
        apps.get_model("resolutions", name).objects.all().delete()


def states_to_strings(apps, schema_editor):
    Vote, MemberState = apps.get_model("resolutions", "Vote"), apps.get_model("resolutions", "MemberState")
    for state in MemberState.objects.all():
        Vote.objects.filter(state=state).update(member_state=state.name.upper(), state=None)
    MemberState.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0012_member_states_sponsors_subjects")]

    operations = [
        migrations.RunPython(metadata_to_rows, rows_to_metadata_only, elidable=False),
        migrations.RunPython(votes_to_states, states_to_strings, elidable=False),
    ]
