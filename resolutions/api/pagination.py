"""Cursor pagination of the API's lists: opaque ``next``/``previous`` links over a stable, unique ordering.

A cursor names a position in the ordering, not a page number, so a list read page by page sees every
item once even while imports add resolutions. The orderings are by the archive's stable text
identifiers (a resolution's symbol), or by document order within one resolution.
"""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class BySymbol(CursorPagination):
    """Resolutions in the order of their symbols."""

    ordering = ("symbol",)
    page_size_query_param = "page_size"
    max_page_size = 200


class InDocumentOrder(CursorPagination):
    """Paragraphs in the order the resolution prints them."""

    ordering = ("order",)
    page_size_query_param = "page_size"
    max_page_size = 500


class ByCitingResolution(CursorPagination):
    """Citations in the order of the citing resolution's symbol (``citing_symbol``, annotated by the selectors),
    then of their place in its text; the cursor holds the symbol and a count within it."""

    ordering = ("citing_symbol", "paragraph__order", "footnote__order", "start", "id")
    page_size_query_param = "page_size"
    max_page_size = 500


class ByStateCode(CursorPagination):
    """Member States in the order of their ISO codes."""

    ordering = ("code",)
    page_size_query_param = "page_size"
    max_page_size = 200


class ByResolutionSymbol(CursorPagination):
    """A state's votes or sponsorships in the order of the resolution's symbol (``resolution_symbol``, annotated
    by the selectors), then of the listing."""

    ordering = ("resolution_symbol", "id")
    page_size_query_param = "page_size"
    max_page_size = 500
