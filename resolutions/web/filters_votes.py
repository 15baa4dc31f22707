"""The filters of a Member State's votes (django-filter): session, committee, the vote it cast."""

from __future__ import annotations

import django_filters

from resolutions.models import Vote
from resolutions.web.filters import committee_choices

VOTE_CHOICES = [("Y", "Yes"), ("N", "No"), ("A", "Abstained")]


def session_choices():
    sessions = (
        Vote.objects.order_by("-resolution__session_sort")
        .values_list("resolution__session", "resolution__session_label")
        .distinct()
    )
    return list(dict.fromkeys(sessions))


class StateVoteFilter(django_filters.FilterSet):
    session = django_filters.ChoiceFilter(
        field_name="resolution__session", choices=session_choices, label="Session", empty_label="Every session"
    )
    committee = django_filters.ChoiceFilter(
        field_name="resolution__committee", choices=committee_choices, label="Committee", empty_label="Any committee"
    )
    vote = django_filters.ChoiceFilter(choices=VOTE_CHOICES, label="Its vote", empty_label="Any vote")

    class Meta:
        model = Vote
        fields = ["session", "committee", "vote"]
