"""The rows of a search export: every hit, in the search's order, with its paragraph's permalink.

One row per hit (a paragraph, or a footnote with the paragraph printing its marker); the columns are
``FIELDS``: a hit's text, title and permalink are in the language searched (``language``: ISO 639-1, the
permalink under that language's prefix, the title the record's English where the archive holds no other).
When the export stops at its ceiling before the last match, a last row of type ``notice``
says so in its ``text``, so a file never looks complete when it is not.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from django.utils import translation

from resolutions.exports.tabular import csv_chunks, jsonl_chunks
from resolutions.reference import permalinks

FIELDS = (
    "rank",
    "type",
    "symbol",
    "body",
    "session",
    "adopted_on",
    "paragraph",
    "number",
    "kind",
    "footnote",
    "text",
    "url",
    "title",
    "language",
)
# The interface language whose address prefix shows a text: Chinese is written in simplified characters
INTERFACE_LANGUAGES = {"zh": "zh-hans"}
FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_chunks),
    "jsonl": ("application/jsonl; charset=utf-8", jsonl_chunks),
}


def cut_notice(written: int, total: int) -> str:
    return (
        f"This export stops at {written:,} rows of {total:,} matches (the archive's EXPORT_MAX_ROWS); "
        "narrow the search with filters to export the rest."
    )


def rows(hits: Iterable, site: str, *, total: int, limit: int) -> Iterator[tuple]:
    """Each hit as a tuple of ``FIELDS``, ranked from 1; ``site`` ('https://host') makes the URLs absolute.

    After the hits, the notice row when ``total`` matches were more than the ``limit`` written.
    """

    @functools.lru_cache(maxsize=4096)
    def resolution_address(symbol: str, language: str) -> str:
        with translation.override(INTERFACE_LANGUAGES.get(language, language)):
            return site + permalinks.resolution_url(symbol)

    rank = 0
    for rank, hit in enumerate(hits, start=1):  # the last rank counts the rows written
        url = resolution_address(hit.symbol, hit.language) + (f"{hit.key}/" if hit.key else "")
        yield (
            rank,
            hit.type,
            hit.symbol,
            hit.body,
            hit.session,
            hit.adopted_on,
            hit.key,
            hit.number,
            hit.kind,
            hit.marker,
            hit.text,
            url,
            hit.title,
            hit.language,
        )
    if total > limit:
        yield (rank + 1, "notice", *[""] * 8, cut_notice(rank, total), "", "", "")


def chunks(extension: str, hits: Iterable, site: str, *, total: int, limit: int) -> Iterator[str]:
    """The export in ``extension`` ('csv' or 'jsonl'), chunk by chunk."""
    _, writer = FORMATS[extension]
    return writer(FIELDS, rows(hits, site, total=total, limit=limit))
