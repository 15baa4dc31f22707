"""Reads of a resolution's record: its recorded votes, sponsors, SDGs and subjects, and the resolutions
that share one of them (a Member State's votes and sponsorships, an SDG's, a subject's)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from resolutions.models import Goal, MemberState, Resolution, Sponsor, Subject, Vote


def vote_list(*, resolution: Resolution) -> list[Vote]:
    """Every recorded vote of the resolution, with its Member State, by the state's name."""
    return list(resolution.votes.select_related("member_state").order_by("member_state__name"))


def sponsor_list(*, resolution: Resolution) -> list[Sponsor]:
    return list(resolution.sponsors.select_related("member_state").order_by("order"))


def goal_list(*, resolution: Resolution) -> list[Goal]:
    return list(Goal.objects.filter(resolution_links__resolution=resolution).order_by("resolution_links__order"))


def subject_list(*, resolution: Resolution) -> list[Subject]:
    return list(Subject.objects.filter(resolution_links__resolution=resolution).order_by("resolution_links__order"))


def member_state_list() -> QuerySet[MemberState]:
    """Every Member State the archive knows, with how many recorded votes it cast and resolutions it sponsored."""
    return MemberState.objects.annotate(
        vote_count=Count("votes", distinct=True),
        sponsored_count=Count("sponsorships__resolution", distinct=True),
    ).order_by("name")


def member_state_get(*, code: str) -> MemberState | None:
    return MemberState.objects.filter(code=code).first()


def state_votes(*, state: MemberState) -> QuerySet[Vote]:
    """The state's recorded votes, newest resolution first, with the resolution (for the FilterSet to narrow)."""
    return (
        Vote.objects.filter(member_state=state)
        .select_related("resolution", "resolution__body")
        .order_by("-resolution__adopted_on", "-resolution__session_sort", "resolution__symbol")
    )


def vote_counts_by_resolution(*, resolution_ids: list[int]) -> dict[int, dict[str, int]]:
    """For each resolution, how many states voted yes, no and abstained."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Vote.objects.filter(resolution_id__in=resolution_ids)
        .values_list("resolution_id", "vote")
        .annotate(n=Count("id"))
        .order_by()
    )
    for resolution_id, vote, n in rows:
        counts.setdefault(resolution_id, {})[vote] = n
    return counts


def state_sponsored(*, state: MemberState) -> QuerySet[Resolution]:
    """The resolutions the state sponsored (or joined as an additional sponsor), newest first."""
    return (
        Resolution.objects.filter(sponsors__member_state=state)
        .annotate(as_additional=Count("sponsors", filter=Q(sponsors__member_state=state, sponsors__role="additional")))
        .annotate(as_sponsor=Count("sponsors", filter=Q(sponsors__member_state=state, sponsors__role="sponsor")))
        .select_related("body")
        .distinct()
        .order_by("-adopted_on", "-session_sort", "symbol")
    )


def goal_get(*, number: int) -> Goal | None:
    return Goal.objects.filter(number=number).first()


def goal_list_all() -> QuerySet[Goal]:
    return Goal.objects.annotate(resolution_count=Count("resolution_links")).order_by("number")


def subject_get(*, slug: str) -> Subject | None:
    return Subject.objects.filter(slug=slug).order_by("thesaurus").first()


def resolutions_sharing(*, goal: Goal | None = None, subject: Subject | None = None) -> QuerySet[Resolution]:
    """The resolutions filed under an SDG or a subject, newest first."""
    queryset = Resolution.objects.select_related("body")
    if goal is not None:
        queryset = queryset.filter(goal_links__goal=goal)
    if subject is not None:
        queryset = queryset.filter(subject_links__subject=subject)
    return queryset.order_by("-adopted_on", "-session_sort", "symbol")


def record_names(*, state_codes=(), goal_numbers=(), subject_slugs=()) -> dict[tuple[str, str], str]:
    """What people read for codes, SDG numbers and subject addresses a search shows: ``("state", "FRA")`` ->
    "France", ``("sdg", "10")`` -> "SDG 10: Reduced inequalities", ``("subject", "human-rights")`` -> its name."""
    names: dict[tuple[str, str], str] = {}
    if state_codes:
        for code, name in MemberState.objects.filter(code__in=set(state_codes)).values_list("code", "name"):
            names["state", code] = name
    if goal_numbers:
        for goal in Goal.objects.filter(number__in={int(number) for number in goal_numbers}):
            names["sdg", str(goal.number)] = str(goal)
    if subject_slugs:
        for slug, name in (
            Subject.objects.filter(slug__in=set(subject_slugs)).order_by("thesaurus").values_list("slug", "name")
        ):
            names.setdefault(("subject", slug), name)
    return names


def member_state_choices() -> list[tuple[str, str]]:
    """(code, name) of every Member State, by name: the search form's lists of states."""
    return list(MemberState.objects.order_by("name").values_list("code", "name"))
