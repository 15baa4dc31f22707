"""Every hit of a search, in the search's order, as rows for an export: read in batches, never all at once.

The index gives the hits' order a batch at a time (ranked, or newest first); each batch's rows are then
read from PostgreSQL, the record, in two queries (paragraphs, footnotes). Only one batch is held at a time,
so an export of a million hits holds a few thousand rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import tantivy

from resolutions.models import Footnote, Paragraph

BATCH = 5_000  # hits read from the index, and rows from PostgreSQL, at a time

RESOLUTION_FIELDS = (
    "resolution__symbol",
    "resolution__title",
    "resolution__body__code",
    "resolution__session",
    "resolution__adopted_on",
)


@dataclass(frozen=True)
class HitRow:
    """One hit as an export writes it: a paragraph, or a footnote (with the paragraph printing its marker)."""

    type: str  # "paragraph" or "footnote"
    symbol: str
    title: str
    body: str
    session: str
    adopted_on: dt.date | None
    key: str  # the paragraph's key ("" for a footnote printed in no paragraph)
    number: str
    kind: str
    marker: str  # a footnote's marker, else ""
    text: str


def hit_rows(searcher: tantivy.Searcher, query: tantivy.Query, *, sort: str, limit: int, batch: int = BATCH):
    """The first ``limit`` hits of ``query`` in the search's order (``sort``: relevance | date), lazily.

    A hit whose row was deleted since the index was written is left out.
    """
    offset = 0
    while offset < limit:
        size = min(batch, limit - offset)
        addresses = _ranked(searcher, query, sort=sort, limit=size, offset=offset)
        if not addresses:
            return
        yield from _rows_of(searcher, addresses)
        offset += len(addresses)
        if len(addresses) < size:
            return


def _ranked(searcher, query, *, sort: str, limit: int, offset: int) -> list:
    """The addresses of ``limit`` hits from ``offset``, in the search's order."""
    if sort == "date":
        found = searcher.search(
            query, limit, count=False, order_by_field="newest", offset=offset, order=tantivy.Order.Desc
        )
    else:
        found = searcher.search(query, limit, count=False, offset=offset)
    return [address for _, address in found.hits]


def _rows_of(searcher, addresses: list) -> Iterator[HitRow]:
    """The hits' rows from PostgreSQL, in the order of ``addresses``."""
    wanted = []
    for address in addresses:
        document = searcher.doc(address)
        wanted.append((document.get_first("hit"), document.get_first("row_id")))
    paragraphs = _paragraph_rows([row_id for hit, row_id in wanted if hit == "paragraph"])
    footnotes = _footnote_rows([row_id for hit, row_id in wanted if hit == "footnote"])
    for hit, row_id in wanted:
        row = (paragraphs if hit == "paragraph" else footnotes).get(row_id)
        if row is not None:
            yield row


def _paragraph_rows(ids: list[int]) -> dict[int, HitRow]:
    if not ids:
        return {}
    values = Paragraph.all_languages.filter(id__in=ids).values_list(
        "id", "key", "number", "kind", "text", *RESOLUTION_FIELDS
    )
    return {
        row_id: HitRow("paragraph", symbol, title, body, session, adopted_on, key, number, kind, "", text)
        for row_id, key, number, kind, text, symbol, title, body, session, adopted_on in values.order_by()
    }


def _footnote_rows(ids: list[int]) -> dict[int, HitRow]:
    if not ids:
        return {}
    values = Footnote.all_languages.filter(id__in=ids).values_list(
        "id", "marker", "text", "paragraph__key", "paragraph__number", "paragraph__kind", *RESOLUTION_FIELDS
    )
    return {
        row_id: HitRow(
            "footnote", symbol, title, body, session, adopted_on, key or "", number or "", kind or "", marker, text
        )
        for row_id, marker, text, key, number, kind, symbol, title, body, session, adopted_on in values.order_by()
    }
