"""The resolution list's filters in the API: the browse pages' own (``resolutions.web.filters``), less ``sort``.

The API's lists are cursor-paginated in one stable order (by symbol), so the browse pages' choice of
order is not offered; every other filter reads and validates as on the pages.
"""

from __future__ import annotations

from resolutions.web.filters import ResolutionFilter


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
