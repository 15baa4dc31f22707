"""Bulk data: the whole archive as JSON Lines and CSV files, one pair per table, with a README of the fields.

``write_bulk(folder)`` writes ``resolutions``, ``texts`` (each resolution's title in every language held),
``paragraphs`` and ``footnotes`` (in every language, each row with its ``language``), ``citations`` and
``votes`` as ``NAME.jsonl`` and ``NAME.csv``, then ``README.md`` (every field explained, with the row counts) and
``manifest.json`` (each file's rows, bytes and SHA-256). Rows are read through server-side cursors and
written as they come, so the archive is never held in memory; each file is written beside its final name
and renamed into place, so a reader of the folder never sees half a file. It writes nothing to the archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db.models import QuerySet

from resolutions.exports.search_rows import INTERFACE_LANGUAGES
from resolutions.exports.tabular import csv_chunks, jsonl_chunks
from resolutions.models import Citation, Expression, Footnote, Paragraph, Resolution, Vote
from resolutions.reference import permalinks
from resolutions.reference.languages.official import ENGLISH

CHUNK_ROWS = 2_000  # rows fetched from a server-side cursor at a time
MANIFEST = "manifest.json"
README = "README.md"


@dataclass(frozen=True)
class Table:
    name: str
    about: str
    fields: tuple[tuple[str, str], ...]  # (name, what it holds)
    rows: Callable[[str], Iterator[tuple]]  # site ('' or 'https://host') -> rows in field order

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.fields]


def _values(queryset: QuerySet, *columns: str) -> Iterator[tuple]:
    return queryset.values_list(*columns).iterator(chunk_size=CHUNK_ROWS)


def _resolution_rows(site: str) -> Iterator[tuple]:
    columns = ("symbol", "body__code", "session", "number", "title", "adopted_on", "meeting", "report")
    columns += ("agenda_item", "committee", "language", "metadata", "source_format", "source_sha256")
    for row in _values(Resolution.objects.order_by("body__order", "session_sort", "symbol"), *columns):
        yield (*row, site + permalinks.resolution_url(row[0]))


def _prefix(language: str) -> str:
    """The address prefix of a text in ``language``: '' for English, '/fr', '/zh-hans' (the interface's code)."""
    return "" if language == ENGLISH else "/" + INTERFACE_LANGUAGES.get(language, language)


def _text_rows(site: str) -> Iterator[tuple]:
    columns = ("resolution__symbol", "language", "title", "source_format", "source_sha256")
    for row in _values(Expression.objects.order_by("resolution__symbol", "language"), *columns):
        yield (*row, site + _prefix(row[1]) + permalinks.resolution_url(row[0]))


def _paragraph_rows(site: str) -> Iterator[tuple]:
    columns = ("resolution__symbol", "key", "language", "order", "kind", "number", "part", "heading")
    columns += ("opening_phrase", "parent__key", "text")
    rows = Paragraph.all_languages.order_by("resolution__symbol", "language", "order")
    for row in _values(rows, *columns):
        yield (*row[:9], row[9] or "", row[10], site + _prefix(row[2]) + permalinks.paragraph_url(row[0], row[1]))


def _footnote_rows(site: str) -> Iterator[tuple]:
    columns = ("resolution__symbol", "language", "marker", "order", "paragraph__key", "text")
    rows = Footnote.all_languages.order_by("resolution__symbol", "language", "order")
    for symbol, language, marker, order, key, text in _values(rows, *columns):
        yield (symbol, language, marker, order, key or "", text)


def _citation_rows(site: str) -> Iterator[tuple]:
    columns = ("resolution__symbol", "paragraph__key", "footnote__marker", "kind", "target_symbol")
    columns += ("target_paragraph", "target__symbol", "matched_text", "start", "end")
    for row in _values(Citation.objects.order_by("resolution__symbol", "id"), *columns):
        yield (row[0], row[1] or "", row[2] or "", *row[3:6], bool(row[6]), *row[7:])


def _vote_rows(site: str) -> Iterator[tuple]:
    yield from _values(
        Vote.objects.order_by("resolution__symbol", "member_state__name"),
        "resolution__symbol",
        "member_state__name",
        "member_state__code",
        "vote",
    )


TABLES = (
    Table(
        "resolutions",
        "One row per resolution.",
        (
            ("symbol", "the UN document symbol, as printed: A/RES/70/126"),
            ("body", "the adopting organ's code: GA, ECOSOC, HRC, ESCAP, ECA, ECLAC, ESCWA"),
            ("session", "the session as the body numbers it: 70, 2010, S-24"),
            ("number", "the resolution's number: 70/126"),
            ("title", "the title"),
            ("adopted_on", "the date of adoption, YYYY-MM-DD (empty when unknown)"),
            ("meeting", "the meeting at which it was adopted"),
            ("report", "the committee report it was adopted on"),
            ("agenda_item", "the agenda item"),
            ("committee", "the Main Committee that recommended it"),
            ("language", "the language of the title and source on this record (en whenever the archive holds English)"),
            ("metadata", "sponsors, SDGs, subjects, adoption type: a JSON object (a JSON string in the CSV)"),
            ("source_format", "the format of the source the text comes from: akn, pdf, pdf-text, …"),
            ("source_sha256", "the SHA-256 of that source"),
            ("url", "the resolution's permalink"),
        ),
        _resolution_rows,
    ),
    Table(
        "texts",
        "One row per resolution per language the archive holds its text in.",
        (
            ("symbol", "the resolution's symbol"),
            ("language", "the language, ISO 639-1: ar, zh, en, fr, ru, es"),
            ("title", "the title in that language"),
            ("source_format", "the format of the source the text comes from"),
            ("source_sha256", "the SHA-256 of that source"),
            ("url", "the resolution's permalink in that language"),
        ),
        _text_rows,
    ),
    Table(
        "paragraphs",
        "One row per paragraph per language, in document order; keys are the same in every language.",
        (
            ("symbol", "the resolution's symbol"),
            ("key", "the paragraph's stable key: pp3 (third preambular), op5 (operative 5), op2d, annex-op1"),
            ("language", "the language of the text, ISO 639-1: ar, zh, en, fr, ru, es"),
            ("order", "its place in the resolution, from 1"),
            ("kind", "preambular or operative"),
            ("number", "the number as printed: 5, (d)"),
            ("part", "the part of the document: empty, or annex, annex-ii"),
            ("heading", "the heading printed above it, if any"),
            ("opening_phrase", "the phrase it opens with: Recalling, Calls upon"),
            ("parent", "the key of the paragraph it is a sub-paragraph of, if any"),
            ("text", "the text"),
            ("url", "the paragraph's permalink in its language"),
        ),
        _paragraph_rows,
    ),
    Table(
        "footnotes",
        "One row per footnote per language.",
        (
            ("symbol", "the resolution's symbol"),
            ("language", "the language of the text, ISO 639-1"),
            ("marker", "the footnote's marker as printed: 1, 2, *"),
            ("order", "its place among the resolution's footnotes, from 1"),
            ("paragraph", "the key of the paragraph printing its marker (empty: none)"),
            ("text", "the text"),
        ),
        _footnote_rows,
    ),
    Table(
        "citations",
        "One row per citation of another document found in a paragraph or footnote.",
        (
            ("symbol", "the citing resolution's symbol"),
            ("paragraph", "the key of the citing paragraph (empty when the citation is in a footnote)"),
            ("footnote", "the marker of the citing footnote (empty when in a paragraph)"),
            ("kind", "resolution, report or document"),
            ("target_symbol", "the symbol cited: A/RES/68/131"),
            ("target_paragraph", "the key of the paragraph cited, if one is"),
            ("target_held", "true when the archive holds the cited resolution"),
            ("matched_text", "the citation as printed"),
            ("start", "where it starts in the text (characters from 0)"),
            ("end", "where it ends"),
        ),
        _citation_rows,
    ),
    Table(
        "votes",
        "One row per Member State per resolution adopted by a recorded vote.",
        (
            ("symbol", "the resolution's symbol"),
            ("member_state", "the Member State, as the UN names it"),
            ("member_state_code", "its ISO 3166-1 alpha-3 code (its page: /states/<code>/)"),
            ("vote", "Y (yes), N (no), A (abstention), empty (did not vote)"),
        ),
        _vote_rows,
    ),
)
FORMATS = {"jsonl": jsonl_chunks, "csv": csv_chunks}


def file_names() -> list[str]:
    """Every file a bulk export writes."""
    return [f"{table.name}.{extension}" for table in TABLES for extension in FORMATS] + [README, MANIFEST]


def _write(path: Path, chunks: Iterator[str]) -> dict:
    """The chunks into ``path`` (by way of a file beside it); its bytes and SHA-256."""
    partial = path.with_name(f".{path.name}.partial")
    digest, size = hashlib.sha256(), 0
    with partial.open("wb") as out:
        for chunk in chunks:
            data = chunk.encode("utf-8")
            digest.update(data)
            size += len(data)
            out.write(data)
    os.replace(partial, path)
    return {"bytes": size, "sha256": digest.hexdigest()}


def _counted(rows: Iterator[tuple], tally: list[int]) -> Iterator[tuple]:
    for row in rows:
        tally[0] += 1
        yield row


def write_bulk(folder: Path, site: str = "", progress: Callable[[str], None] = lambda line: None) -> dict:
    """Every table in every format into ``folder``, then the README and the manifest; the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for table in TABLES:
        for extension, writer in FORMATS.items():
            name, tally = f"{table.name}.{extension}", [0]
            written = _write(folder / name, writer(table.names, _counted(table.rows(site), tally)))
            files[name] = {"table": table.name, "format": extension, "rows": tally[0], **written}
            progress(f"{name}: {tally[0]:,} rows, {written['bytes']:,} bytes")
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    manifest = {"generated_at": generated, "site": site, "files": files}
    _write(folder / README, iter([readme(manifest)]))
    _write(folder / MANIFEST, iter([json.dumps(manifest, indent=2) + "\n"]))
    return manifest


def readme(manifest: dict) -> str:
    """The README of the bulk files: what each file holds, field by field, and how many rows."""
    files = manifest["files"]
    lines = [
        "# Resolutions Archive: bulk data",
        "",
        f"Generated {manifest['generated_at']}. Every table comes as JSON Lines (`.jsonl`: one JSON object",
        "per line, UTF-8) and as CSV (`.csv`: UTF-8 without a byte-order mark, a header row, RFC 4180 quoting).",
        "Dates are YYYY-MM-DD; an unknown date is null in JSON Lines, empty in CSV. `manifest.json` gives each file's",
        "rows, bytes and SHA-256. The texts are those of the United Nations' resolutions; the official",
        "documents are at https://undocs.org/.",
        "",
        "A paragraph is named by its resolution's `symbol` and its `key`; its permalink is",
        "`/SYMBOL/KEY/` (a space in a symbol written `_`), e.g. `/A/RES/70/126/op5/`.",
    ]
    for table in TABLES:
        rows = files.get(f"{table.name}.jsonl", {}).get("rows", 0)
        lines += ["", f"## {table.name} ({rows:,} rows)", "", table.about, "", "| field | what it holds |", "|---|---|"]
        lines += [f"| `{name}` | {about.replace('|', '/')} |" for name, about in table.fields]
    return "\n".join(lines) + "\n"
