"""The API's list filters: the resolution list's are the browse pages' own (``resolutions.web.filters``), less
``sort``; a Member State's votes are filtered by session, committee and the vote, named as the API writes it.

The API's lists are cursor-paginated in one stable order (by symbol), so the browse pages' choice of
order is not offered; every other filter reads and validates as on the pages.
"""

from __future__ import annotations

import django_filters

from resolutions.models import Vote
from resolutions.search.filters import YearFilter, YearRangeForm
from resolutions.web.filters import ResolutionFilter

# The vote as ``VoteSerializer`` writes it -> as ``Vote.vote`` stores it.
API_VOTES = {"yes": Vote.YES, "no": Vote.NO, "abstention": Vote.ABSTAIN, "non-voting": Vote.NON_VOTING}


class ResolutionApiFilter(ResolutionFilter):
    """Body, session, years, committee and title, as on /resolutions/."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("sort", None)

    @property
    def qs(self):
        """Filtered only: the pagination orders the rows."""
        return super(ResolutionFilter, self).qs


ResolutionApiFilter.base_filters.pop("sort", None)


class StateVoteApiFilter(django_filters.FilterSet):
    """A Member State's votes: session, committee (any case), years of adoption, and the vote it cast."""

    session = django_filters.CharFilter(field_name="resolution__session", label="Session", max_length=16)
    committee = django_filters.CharFilter(
        field_name="resolution__committee", lookup_expr="iexact", label="Committee", max_length=120
    )
    year_from = YearFilter(field_name="resolution__adopted_on", lookup_expr="year__gte", label="Adopted from (year)")
    year_to = YearFilter(field_name="resolution__adopted_on", lookup_expr="year__lte", label="to (year)")
    vote = django_filters.ChoiceFilter(
        choices=[(name, name) for name in API_VOTES], method="filter_vote", label="The vote it cast"
    )

    class Meta:
        model = Vote
        fields = ["session", "committee", "year_from", "year_to", "vote"]
        form = YearRangeForm

    def filter_vote(self, queryset, name, value):
        return queryset.filter(vote=API_VOTES[value])
