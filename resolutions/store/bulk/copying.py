"""The COPY stage of a bulk load: parsed resolutions turned into rows here, streamed on several connections.

Row ids are counted on the client (``ClientIds``), so children point at
their parents inside one COPY stream. The rows themselves are those of the
per-resolution load (``resolutions.store.rows``).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from psycopg.types.json import Jsonb

from resolutions.ingest.document import ParsedResolution
from resolutions.models import (
    Citation,
    Expression,
    Footnote,
    FootnoteReference,
    Paragraph,
    Resolution,
    ResolutionGoal,
    ResolutionSource,
    ResolutionSubject,
    Sponsor,
    Vote,
)
from resolutions.reference.languages.official import ENGLISH
from resolutions.store.bodies import body_get_or_create
from resolutions.store.bulk.connections import new_connection
from resolutions.store.reference_ids import ReferenceIds
from resolutions.store.rows import References, child_rows, expression_row, resolution_row, source_row, text_rows
from resolutions.store.validation import validate

# Every table a bulk load fills, parents before the rows pointing at them.
LOADED_MODELS = (
    Resolution,
    Expression,
    ResolutionSource,
    Paragraph,
    Footnote,
    FootnoteReference,
    Citation,
    Vote,
    Sponsor,
    ResolutionGoal,
    ResolutionSubject,
)
BATCH_RESOLUTIONS = 2_000
ORIGIN = "bulk load"


class ClientIds:
    """Row ids counted on the client, from 1 in each table (``resolutions.store.rows.Ids``)."""

    def __init__(self):
        self.next = dict.fromkeys(LOADED_MODELS, 1)

    def take(self, model: type) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value

    def taken(self, model: type) -> int:
        return self.next[model] - 1


@dataclass
class CopyCounts:
    resolutions: int = 0
    paragraphs: int = 0
    ids: ClientIds = field(default_factory=ClientIds)


def rows_copy(resolutions: Iterable[ParsedResolution], *, workers: int, progress: Callable[[str], None]) -> CopyCounts:
    """COPY every resolution's rows: this thread builds batches of rows, ``workers`` connections stream them.

    Each resolution must pass ``resolutions.store.validation.validate``; symbols must be unique.
    """
    counts = CopyCounts()
    batches: queue.Queue = queue.Queue(maxsize=workers * 2)
    failed: list[BaseException] = []
    threads = [threading.Thread(target=_copier, args=(batches, failed)) for _ in range(workers)]
    for thread in threads:
        thread.start()
    try:
        for rows in _batches(resolutions, counts, progress):
            if failed:
                break
            batches.put(rows)
    finally:
        for _ in threads:
            batches.put(None)
        for thread in threads:
            thread.join()
    if failed:
        raise failed[0]
    return counts


def _batches(
    resolutions: Iterable[ParsedResolution], counts: CopyCounts, progress: Callable[[str], None]
) -> Iterator[dict[type, list[dict]]]:
    """The rows of every table, ``BATCH_RESOLUTIONS`` resolutions at a time.

    A resolution's texts in other languages follow its first text in the stream (the English one, when the
    stream has it): each adds its language's rows to the resolution already made.
    """
    now = dt.datetime.now(dt.UTC)
    body_ids: dict[str, int] = {}
    loaded: dict[str, tuple[int, set[str]]] = {}  # symbol (upper case) -> (resolution id, languages written)
    rows: dict[type, list[dict]] = {model: [] for model in LOADED_MODELS}
    refs = ReferenceIds()  # Member States, goals, subjects: made on this connection before the COPY needs them
    for parsed in resolutions:
        validate(parsed)
        symbol = parsed.symbol.upper()
        if symbol in loaded:
            resolution_id, languages = loaded[symbol]
            if parsed.language in languages:
                raise ValueError(f"{parsed.symbol} appears twice in the language {parsed.language!r}")
            if parsed.language == ENGLISH:
                raise ValueError(f"{parsed.symbol}: its English text comes after another language; give it first")
            languages.add(parsed.language)
            _add_text_rows(rows, parsed, resolution_id=resolution_id, ids=counts.ids, now=now)
            counts.paragraphs += len(parsed.paragraphs)
            continue
        if parsed.body not in body_ids:
            body_ids[parsed.body] = body_get_or_create(code=parsed.body).pk
        resolution_id = _add_rows(rows, parsed, body_id=body_ids[parsed.body], ids=counts.ids, refs=refs, now=now)
        loaded[symbol] = (resolution_id, {parsed.language})
        counts.resolutions += 1
        counts.paragraphs += len(parsed.paragraphs)
        if len(rows[Resolution]) >= BATCH_RESOLUTIONS:
            yield rows
            progress(f"{counts.resolutions:,} resolutions, {counts.paragraphs:,} paragraphs")
            rows = {model: [] for model in LOADED_MODELS}
    yield rows


def _add_rows(
    rows: dict[type, list[dict]],
    parsed: ParsedResolution,
    *,
    body_id: int,
    ids: ClientIds,
    refs: References,
    now: dt.datetime,
) -> int:
    """Append one resolution's rows to ``rows``, with what the archive keeps itself (ids, dates, an empty pin);
    return its id."""
    resolution_id = ids.take(Resolution)
    archive_own = {"created_at": now, "updated_at": now, "source_pin": ""}  # a curator's pin: never the loader's
    rows[Resolution].append({"id": resolution_id, **resolution_row(parsed, body_id=body_id), **archive_own})
    expression = {"id": ids.take(Expression), "resolution_id": resolution_id, **expression_row(parsed)}
    rows[Expression].append({**expression, "created_at": now, "updated_at": now})
    source = source_row(parsed, origin=ORIGIN, imported_at=now)
    rows[ResolutionSource].append({"id": ids.take(ResolutionSource), "resolution_id": resolution_id, **source})
    for model, model_rows in child_rows(parsed, resolution_id=resolution_id, ids=ids, refs=refs).by_model().items():
        rows[model] += model_rows
    return resolution_id


def _add_text_rows(
    rows: dict[type, list[dict]], parsed: ParsedResolution, *, resolution_id: int, ids: ClientIds, now: dt.datetime
) -> None:
    """Append a text in another language of a resolution already in ``rows``: its expression, source and text."""
    expression = {"id": ids.take(Expression), "resolution_id": resolution_id, **expression_row(parsed)}
    rows[Expression].append({**expression, "created_at": now, "updated_at": now})
    source = source_row(parsed, origin=ORIGIN, imported_at=now)
    rows[ResolutionSource].append({"id": ids.take(ResolutionSource), "resolution_id": resolution_id, **source})
    for model, model_rows in text_rows(parsed, resolution_id=resolution_id, ids=ids).by_model().items():
        rows[model] += model_rows


def _copier(batches: queue.Queue, failed: list[BaseException]) -> None:
    """Stream batches on a connection of its own until told to stop (None); on an error, drain the queue."""
    try:
        with new_connection("SET synchronous_commit = off") as raw, raw.cursor() as cursor:
            while (rows := batches.get()) is not None:
                for model in LOADED_MODELS:
                    _copy_table(cursor, model._meta.db_table, rows[model])
    except BaseException as error:
        failed.append(error)
        while batches.get() is not None:  # drain, so the producer never blocks
            pass


def _copy_table(cursor, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{name}"' for name in columns)
    with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_copy_value(row[name]) for name in columns])


def _copy_value(value):
    """A JSON column's value (a resolution's metadata, a footnote's italics) as JSON; every other value as it is."""
    return Jsonb(value) if isinstance(value, dict | list) else value
