"""Cursor pagination of the API's lists: opaque ``next``/``previous`` links over a stable, unique ordering.

A cursor names a position in the ordering, not a page number, so a list read page by page sees every
item once even while imports add resolutions. The orderings are by the archive's stable text
identifiers (a resolution's symbol), or by document order within one resolution.
"""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination


class CheckedPageSize(CursorPagination):
    """``page_size`` as the description says it: a whole number from 1 to ``max_page_size``, else 400 (DRF
    would quietly serve its default page for ``page_size=0`` or ``page_size=abc``)."""

    page_size_query_param = "page_size"

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not value.isdigit() or not 1 <= int(value) <= self.max_page_size:
            raise ValidationError({"page_size": [f"a whole number from 1 to {self.max_page_size}"]})
        return int(value)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters


class BySymbol(CheckedPageSize):
    """Resolutions in the order of their symbols."""

    ordering = ("symbol",)
    page_size_query_param = "page_size"
    max_page_size = 200


class InDocumentOrder(CheckedPageSize):
    """Paragraphs in the order the resolution prints them."""

    ordering = ("order",)
    page_size_query_param = "page_size"
    max_page_size = 500


class ByCitingResolution(CheckedPageSize):
    """Citations in the order of the citing resolution's symbol (``citing_symbol``, annotated by the selectors),
    then of their place in its text; the cursor holds the symbol and a count within it."""

    ordering = ("citing_symbol", "paragraph__order", "footnote__order", "start", "id")
    page_size_query_param = "page_size"
    max_page_size = 500


class ByStateCode(CheckedPageSize):
    """Member States in the order of their ISO codes."""

    ordering = ("code",)
    page_size_query_param = "page_size"
    max_page_size = 200


class ByResolutionSymbol(CheckedPageSize):
    """A state's votes or sponsorships in the order of the resolution's symbol (``resolution_symbol``, annotated
    by the selectors), then of the listing."""

    ordering = ("resolution_symbol", "id")
    page_size_query_param = "page_size"
    max_page_size = 500
