"""Every hit of a search, in the search's order, as rows for an export: read in batches, never all at once.

The index gives the hits' order (ranked once over every match, or newest first by keyset) a batch at a
time; each batch's rows are then read from PostgreSQL, the record, in two queries (paragraphs, footnotes).
Only one batch of rows is held at a time, so an export of a million hits holds a few thousand rows (and,
ranked, the order: 8 bytes a hit).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

import tantivy

from resolutions.models import Expression, Footnote, Paragraph
from resolutions.reference.languages.official import ENGLISH
from resolutions.search.schema import ORDER_BITS, schema

BATCH = 5_000  # hits read from the index, and rows from PostgreSQL, at a time

RESOLUTION_FIELDS = (
    "resolution__symbol",
    "resolution__title",
    "resolution__body__code",
    "resolution__session",
    "resolution__adopted_on",
    "resolution_id",
    "language",
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
    language: str = "en"  # of the text, and of the title where the archive holds the title in it


def hit_rows(searcher: tantivy.Searcher, query: tantivy.Query, *, sort: str, limit: int, batch: int = BATCH):
    """The first ``limit`` hits of ``query`` in the search's order (``sort``: relevance | date), lazily.

    A hit whose row was deleted since the index was written is left out.
    """
    for addresses in _address_batches(searcher, query, sort=sort, limit=limit, batch=batch):
        yield from _rows_of(searcher, addresses)


def _address_batches(searcher, query, *, sort: str, limit: int, batch: int) -> Iterator[list]:
    """The hits' index addresses in the search's order, ``batch`` at a time, each hit once.

    Newest first: by keyset, each batch the next hits older than the last one written (``newest`` is unique
    per hit), so no batch ranks the hits before it again. By relevance: every match is ranked once, in one
    pass, and the order kept as two compact integer arrays (8 bytes a hit) that the batches are cut from.
    """
    if sort == "date":
        yield from _newest_first(searcher, query, limit=limit, batch=batch)
        return
    segments, documents = array("I"), array("I")
    found = searcher.search(query, limit, count=False) if limit > 0 else None
    for _, address in found.hits if found else ():
        segments.append(address.segment_ord)
        documents.append(address.doc)
    del found  # the ranked list of Python objects: only the arrays are kept while the rows are written
    for start in range(0, len(documents), batch):
        yield [
            tantivy.DocAddress(segment, document)
            for segment, document in zip(segments[start : start + batch], documents[start : start + batch], strict=True)
        ]


def _newest_first(searcher, query, *, limit: int, batch: int) -> Iterator[list]:
    older_than, written = None, 0
    while written < limit:
        size = min(batch, limit - written)
        narrowed = query
        if older_than is not None:
            before = tantivy.Query.range_query(
                schema(), "newest", tantivy.FieldType.Integer, None, older_than, include_upper=False
            )
            narrowed = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, before)])
        hits = searcher.search(narrowed, size, count=False, order_by_field="newest", order=tantivy.Order.Desc).hits
        if not hits:
            return
        yield [address for _, address in hits]
        older_than, written = hits[-1][0], written + len(hits)
        if len(hits) < size:
            return


def _rows_of(searcher, addresses: list) -> Iterator[HitRow]:
    """The hits' rows from PostgreSQL, in the order of ``addresses`` (their ids read from the index's fast
    fields: whether each is a paragraph is a bit of its ``newest`` key)."""
    row_ids = searcher.fast_field_values("row_id", addresses)
    paragraph_bits = [(key >> ORDER_BITS) & 1 for key in searcher.fast_field_values("newest", addresses)]
    wanted = [("paragraph" if bit else "footnote", row_id) for bit, row_id in zip(paragraph_bits, row_ids, strict=True)]
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
    rows = list(values.order_by())
    titles = _titles([(row[-2], row[-1]) for row in rows])
    return {
        row_id: HitRow(
            "paragraph",
            symbol,
            titles.get((rid, lang), title),
            body,
            session,
            adopted_on,
            key,
            number,
            kind,
            "",
            text,
            lang,
        )
        for row_id, key, number, kind, text, symbol, title, body, session, adopted_on, rid, lang in rows
    }


def _footnote_rows(ids: list[int]) -> dict[int, HitRow]:
    if not ids:
        return {}
    values = Footnote.all_languages.filter(id__in=ids).values_list(
        "id", "marker", "text", "paragraph__key", "paragraph__number", "paragraph__kind", *RESOLUTION_FIELDS
    )
    rows = list(values.order_by())
    titles = _titles([(row[-2], row[-1]) for row in rows])
    return {
        row_id: HitRow(
            "footnote",
            symbol,
            titles.get((rid, lang), title),
            body,
            session,
            adopted_on,
            key or "",
            number or "",
            kind or "",
            marker,
            text,
            lang,
        )
        for row_id, marker, text, key, number, kind, symbol, title, body, session, adopted_on, rid, lang in rows
    }


def _titles(pairs: list[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """The titles of (resolution id, language) ``pairs`` other than English, in one query: a hit in French is
    exported with the French title (the record's, English, where the archive holds no French title)."""
    wanted = {(rid, lang) for rid, lang in pairs if lang != ENGLISH}
    if not wanted:
        return {}
    rows = Expression.objects.filter(
        resolution_id__in={rid for rid, _ in wanted}, language__in={lang for _, lang in wanted}
    ).exclude(title="")
    return {
        (rid, lang): title
        for rid, lang, title in rows.values_list("resolution_id", "language", "title")
        if (rid, lang) in wanted
    }
