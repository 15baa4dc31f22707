"""The pages of what resolutions share: the Member States (their votes and sponsorships), an SDG, a subject."""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from resolutions.reference.member_states import is_state_code
from resolutions.reference.record_metadata import SDG_TITLES
from resolutions.web.filters_votes import StateVoteFilter
from resolutions.web.presenters.state_votes import majority_record
from resolutions.web.selectors import record
from resolutions.web.selectors.languages import with_titles_shown

PAGE_SIZE = 50


def state_list(request):
    """Every Member State the archive knows, with its recorded votes and sponsorships counted."""
    return render(request, "resolutions/state_list.html", {"states": record.member_state_list()})


def state_detail(request, code):
    """A Member State: how often it voted with the majority, its votes filtered, the resolutions it sponsored."""
    if code != code.upper() and is_state_code(code.upper()):
        return redirect("state-detail", code=code.upper(), permanent=True)
    state = record.member_state_get(code=code)
    if state is None:
        return _not_found(request, f"The archive holds no votes or sponsorships of a state with the code “{code}”.")
    filterset = StateVoteFilter(request.GET, queryset=record.state_votes(state=state))
    context = {"state": state, "filter": filterset, "sponsored": with_titles_shown(record.state_sponsored(state=state))}
    if not filterset.is_valid():
        return render(request, "resolutions/state_detail.html", {**context, "invalid": True}, status=400)
    votes = list(filterset.qs)
    with_titles_shown(vote.resolution for vote in votes)
    counts = record.vote_counts_by_resolution(resolution_ids=[vote.resolution_id for vote in votes])
    return render(request, "resolutions/state_detail.html", {**context, **majority_record(votes, counts)})


def goal_detail(request, number):
    """The resolutions filed under one Sustainable Development Goal."""
    goal = record.goal_get(number=number) if number in SDG_TITLES else None
    if goal is None:
        return _not_found(request, f"The archive holds no resolution filed under SDG {number}.")
    heading = f"SDG {goal.number}: {goal.title}"
    return _sharing(request, heading, record.resolutions_sharing(goal=goal))


def subject_detail(request, slug):
    """The resolutions filed under one thesaurus subject."""
    subject = record.subject_get(slug=slug)
    if subject is None:
        return _not_found(request, f"The archive holds no resolution filed under the subject “{slug}”.")
    return _sharing(request, f"{subject.name} ({subject.thesaurus})", record.resolutions_sharing(subject=subject))


def _sharing(request, heading, resolutions):
    paginator = Paginator(resolutions, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return _not_found(request, "That page of the list does not exist.")
    page.object_list = with_titles_shown(page.object_list)
    return render(request, "resolutions/sharing.html", {"heading": heading, "page": page, "paginator": paginator})


def _not_found(request, message):
    return render(
        request,
        "resolutions/message.html",
        {"title": "Not found", "message": message, "back": (reverse("state-list"), "Member States")},
        status=404,
    )
