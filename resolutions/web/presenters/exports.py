"""Links to the exports from the pages that offer them."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

EXPORTED_FORMATS = (("csv", "CSV"), ("jsonl", "JSON Lines"))


def search_export_urls(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(format name, address) of every hit of the search ``params`` as each export format: the page's
    parameters less the page and the view, which an export of every hit does not need."""
    kept = urlencode([(name, value) for name, value in params if name not in ("page", "view")])
    return [
        (label, f"{reverse('search-export', kwargs={'extension': name})}?{kept}") for name, label in EXPORTED_FORMATS
    ]
