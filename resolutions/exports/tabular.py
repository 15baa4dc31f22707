"""Rows written as CSV or JSON Lines, a piece at a time: the writers every tabular export streams through.

``csv_chunks`` and ``jsonl_chunks`` take the field names and an iterable of rows (tuples in that order)
and give the text in chunks of about ``CHUNK_CHARACTERS``: the header first, on its own, then the rows as
they come. Nothing is held but the chunk being filled, so a generator of a million rows is written in
the memory of one chunk; a web response streams the chunks, a command writes them to a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator

CHUNK_CHARACTERS = 64 * 1024


class _Line:
    """A file-like object whose ``write`` returns what it was given: the CSV writer's line, as a value."""

    def write(self, value: str) -> str:
        return value


def csv_value(value) -> str | int | float:
    """A value as CSV writes it: dates in ISO 8601, None empty, lists joined by '; ', objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return value


def json_value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def csv_chunks(fields: Iterable[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """The header line, then the rows, as CSV (RFC 4180: quoted where needed, CR LF line ends)."""
    writer = csv.writer(_Line())
    yield writer.writerow(list(fields))
    yield from _chunked(writer.writerow([csv_value(value) for value in row]) for row in rows)


def jsonl_chunks(fields: Iterable[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """One JSON object per line, its keys ``fields``; the first chunk is empty so a response starts at once."""
    names = list(fields)
    yield ""
    yield from _chunked(
        json.dumps(dict(zip(names, (json_value(value) for value in row), strict=True)), ensure_ascii=False) + "\n"
        for row in rows
    )


def _chunked(lines: Iterable[str]) -> Iterator[str]:
    """The lines joined into chunks of about ``CHUNK_CHARACTERS`` (read at call time, so tests change it)."""
    size = CHUNK_CHARACTERS
    pending, filled = [], 0
    for line in lines:
        pending.append(line)
        filled += len(line)
        if filled >= size:
            yield "".join(pending)
            pending, filled = [], 0
    if pending:
        yield "".join(pending)
