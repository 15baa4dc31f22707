"""What the search index holds: one document per paragraph and per footnote, in each language held.

Text fields come in pairs, stemmed (BM25-scored words) and exact (phrases,
prefixes), and one pair per language, analysed by that language's rules
(``analysis``): English in ``text``/``text_exact``, French in
``text_fr``/``text_fr_exact``, …; Chinese in one field of bigrams,
``text_zh``. A document fills only its own language's fields; its
``language`` is a filter and facet value, and the words shown (the text, the
title) are kept apart as stored bytes (``shown``, ``shown_title``): the
Chinese fields hold bigrams, not the text. ``CONTENT`` are the fields a hit's own words must match in, each
with its BM25 weight; the resolution's title adds to the score of its
paragraphs without being enough to make one a hit. Filter and facet values
are raw (untokenised) fast fields, so counts over every match come from
Tantivy's aggregations. Everything a hit displays is stored, so a page of
results needs no database query. One more document, the *state* document,
records the database data version that the index reflects.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import tantivy

from resolutions.search.analysis import ALL_LANGUAGES, CHINESE, DEFAULT_LANGUAGE, cjk_terms, exact_name, stemmed_name


@dataclass(frozen=True)
class TextField:
    base: str  # the English stemmed field's name; ``exact`` holds the same text's exact terms
    weight: float

    @property
    def name(self) -> str:
        return self.base

    @property
    def exact(self) -> str:
        return f"{self.base}_exact"

    def stemmed_in(self, language: str) -> str:
        """'text', 'text_fr', 'text_zh': the field of the text's words in ``language``."""
        return self.base if language == DEFAULT_LANGUAGE else f"{self.base}_{language}"

    def exact_in(self, language: str) -> str:
        """'text_exact', 'text_fr_exact'; Chinese has one field of bigrams for both."""
        stemmed = self.stemmed_in(language)
        return stemmed if language == CHINESE else f"{stemmed}_exact"


OPENING = TextField("opening", 2.0)  # the opening phrase ("Calls upon"): what the paragraph does
TEXT = TextField("text", 1.0)  # a paragraph's text
FOOTNOTE = TextField("footnote", 0.6)  # a footnote's text: usually a reference rather than the point
TITLE = TextField("title", 0.4)  # the resolution's title: lifts its paragraphs, never matches alone
CONTENT = (OPENING, TEXT, FOOTNOTE)
# Names a query may put before a colon, and the text fields each one searches.
QUERY_FIELDS = {"title": (TITLE,), "opening": (OPENING,), "text": (TEXT, FOOTNOTE)}

STATE, STATE_VALUE = "state", "current"  # the state document's marker
# Filter and facet values, as stored for display; committee and opening phrase are also kept lower-cased
# (``*_key``) because their filters ignore case.
RAW_FIELDS = (
    "hit",
    "symbol",
    "body",
    "session",
    "committee",
    "committee_key",
    "kind",
    "opening_value",
    "opening_key",
    "language",
    "cites",
    "facet_key",
    "adoption",
    "state_vote",
    "record_facet",
    STATE,
)
# Facet counts: the values of a hit's resolution and kind, joined into one key (``facet_key``) so that one
# aggregation over one column counts five facets (a few thousand distinct keys); the opening phrase apart.
FACET_KEY_PARTS = ("body", "session", "year", "committee", "kind", "adoption")
FACET_SEPARATOR = "\x1f"
FAST_RAW_FIELDS = ("facet_key", "opening_value", "language", "record_facet")
# The resolution's record (``resolutions.search.record``): filtered and counted, never shown from the index.
UNSTORED_RAW_FIELDS = ("adoption", "state_vote", "record_facet")
STORED_ONLY = ("key", "number", "marker", "adopted_on", "data_version")


@functools.cache
def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for language in ALL_LANGUAGES:
        for field in (*CONTENT, TITLE):
            builder.add_text_field(field.stemmed_in(language), tokenizer_name=stemmed_name(language))
            if language != CHINESE:
                builder.add_text_field(field.exact_in(language), tokenizer_name=exact_name(language))
    builder.add_bytes_field("shown", stored=True, indexed=False)  # the paragraph's or footnote's text
    builder.add_bytes_field("shown_title", stored=True, indexed=False)
    for name in RAW_FIELDS:
        builder.add_text_field(
            name,
            stored=not name.endswith("_key") and name != STATE and name not in UNSTORED_RAW_FIELDS,
            fast=name in FAST_RAW_FIELDS,
            tokenizer_name="raw",
        )
    builder.add_integer_field("row_id", stored=True, fast=True)  # fast: an export reads a batch's ids at once
    builder.add_integer_field("resolution_id", stored=True, indexed=True, fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_integer_field("newest", fast=True)
    for name in STORED_ONLY:
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


# ``newest``: one integer that orders hits newest first and is unique per hit, so that pages sorted by
# date never repeat or skip a hit (equal sort values would come back in any order): the adoption day,
# then the resolution, paragraphs before footnotes, then document order.
EPOCH = dt.date(1900, 1, 1)
ORDER_BITS, RESOLUTION_BITS = 17, 24


def newest_key(adopted_on: dt.date | None, resolution_id: int, is_paragraph: bool, order: int) -> int:
    day = (adopted_on - EPOCH).days + 1 if adopted_on else 0  # no date: last
    position = (1 << ORDER_BITS) - 1 - min(order, (1 << ORDER_BITS) - 1)
    return (
        (((day << RESOLUTION_BITS) | (resolution_id % (1 << RESOLUTION_BITS))) << (ORDER_BITS + 1))
        | (int(is_paragraph) << ORDER_BITS)
        | position
    )


@dataclass(frozen=True)
class IndexedRow:
    """A paragraph or footnote with what the index needs of its resolution (``resolutions.search.source``)."""

    hit: str  # "paragraph" or "footnote"
    row_id: int
    resolution_id: int
    symbol: str
    title: str
    body: str
    session: str
    committee: str
    language: str
    adopted_on: dt.date | None
    key: str  # the paragraph's (a footnote's: that of the paragraph carrying its marker, or "")
    number: str
    kind: str
    opening: str
    marker: str
    text: str
    order: int
    cites: tuple[str, ...]
    adoption: str = ""  # its resolution's: "recorded", "without" or ""
    state_votes: tuple[str, ...] = ()  # ``record.state_vote_term`` of each recorded vote
    record_values: tuple[str, ...] = ()  # ``record.record_term`` of each sponsoring state, SDG and subject


def document(row: IndexedRow) -> tantivy.Document:
    """The index document of one row (pure)."""
    is_paragraph = row.hit == "paragraph"
    content = TEXT if is_paragraph else FOOTNOTE
    language = row.language
    fields = {
        "hit": row.hit,
        "row_id": row.row_id,
        "resolution_id": row.resolution_id,
        "symbol": row.symbol.upper(),
        "shown": row.text.encode(),
        "shown_title": row.title.encode(),
        **_text_fields(TITLE, row.title, language),
        **_text_fields(content, row.text, language),
        "body": row.body,
        "session": row.session,
        "language": row.language,
        "newest": newest_key(row.adopted_on, row.resolution_id, is_paragraph, row.order),
        "key": row.key,
        "number": row.number,
        "marker": row.marker,
        "adopted_on": row.adopted_on.isoformat() if row.adopted_on else "",
    }
    # Every document has every fast field ("" or 0 when the row has no value): dense columns are read
    # several times faster than sparse ones when counting facets over a quarter of a million matches.
    year = row.adopted_on.year if row.adopted_on else 0
    fields.update(
        year=year,
        committee=row.committee,
        committee_key=row.committee.lower(),
        kind=row.kind,
        opening_value=row.opening,
        opening_key=row.opening.lower(),
        facet_key=FACET_SEPARATOR.join((row.body, row.session, str(year or ""), row.committee, row.kind, row.adoption)),
        adoption=row.adoption,
    )
    if row.opening and is_paragraph:
        # A footnote is filtered and counted by the opening phrase of the paragraph carrying its marker,
        # but only a paragraph's own opening phrase is text to match and score.
        fields.update(_text_fields(OPENING, row.opening, language))
    doc = tantivy.Document(**fields)
    for symbol in row.cites:
        doc.add_text("cites", symbol.upper())
    for term in row.state_votes:
        doc.add_text("state_vote", term)
    for term in row.record_values or ("",):  # "" keeps the fast column dense
        doc.add_text("record_facet", term)
    return doc


def _text_fields(field: TextField, text: str, language: str) -> dict[str, str]:
    """The field pair of ``text`` in ``language`` (Chinese: its one field of bigrams)."""
    if language == CHINESE:
        return {field.stemmed_in(language): cjk_terms(text)}
    return {field.stemmed_in(language): text, field.exact_in(language): text}


def state_document(data_version: str) -> tantivy.Document:
    """The index's record of the data version it reflects (with empty fast fields, to keep them dense)."""
    empty = dict.fromkeys(FAST_RAW_FIELDS, "")
    return tantivy.Document(
        **empty, **{STATE: STATE_VALUE, "data_version": data_version}, year=0, newest=0, resolution_id=0
    )
