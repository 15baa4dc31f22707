"""A corpus at scale: real resolutions plus generated ones, bulk-loaded.

Two halves:

- ``Recombiner`` generates resolutions from real ones (pure: no ORM). Each
  generated resolution takes the structure of a real one (its paragraph keys,
  kinds, numbers, nesting, title, committee, votes) and fills every slot with
  a real paragraph of the same kind and level, verbatim or spliced at a clause
  boundary with another ("Recalling its resolution 70/1, | and welcoming the
  report…"), as UN resolutions repeat and recombine earlier wording year after
  year. Words therefore keep their real frequencies. Citations and footnotes
  travel with the text they stand in. Generated symbols use the real bodies
  and plausible sessions and years, but serial numbers from
  ``SYNTHETIC_NUMBER_BASE`` up, which no body reaches (the General Assembly
  adopts some 300 a session), so they never collide with real symbols; their
  ``metadata`` says ``"synthetic": true`` and names the real template.

- ``bulk_load`` writes parsed resolutions (real and generated alike) with
  PostgreSQL COPY, following one procedure:

  1. check that migrations are applied and record every secondary index and
     non-primary-key constraint of the paragraph, footnote, citation and vote
     tables (``pg_get_indexdef`` / ``pg_get_constraintdef``) in a marker file,
     ``var/scale-load-<database>.json``;
  2. in one transaction: TRUNCATE the archive's tables, drop those indexes
     and constraints;
  3. COPY the rows on several connections at once (ids assigned here, so
     children point at parents);
  4. recreate the recorded indexes and unique constraints in parallel
     (longest first, a large ``maintenance_work_mem`` each), then the foreign
     keys (validated against the loaded rows); resolve citation targets in
     one UPDATE; move the id sequences past the rows;
  5. verify that every recorded definition is back, unchanged, and delete the
     marker; VACUUM ANALYZE the tables; rebuild the search index from the
     loaded rows (``resolutions.search.index.rebuild``).

  If a load is interrupted, the marker stays: the next run rebuilds exactly
  the recorded definitions (the live schema then lacks them), so the schema
  always ends as the migrations made it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from resolutions.ingest.document import (
    OPERATIVE,
    PREAMBULAR,
    ParsedCitation,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
    SkippedSource,
    SourceInfo,
)
from resolutions.reference.bodies import BODIES

SYNTHETIC_NUMBER_BASE = 10_000
SYNTHETIC_FORMAT = "synthetic"
SPLICE_SHARE = 0.6  # the rest are repeated verbatim, as most UN paragraphs are

# How generated resolutions spread over bodies, and the years each body's
# sessions can fall in (sessions derived from the year as each body numbers them).
BODY_WEIGHTS = {"GA": 50, "ECOSOC": 20, "HRC": 15, "ESCAP": 5, "ECA": 4, "ECLAC": 3, "ESCWA": 3}
FIRST_YEAR = {"GA": 1975, "ECOSOC": 1975, "HRC": 2006, "ESCAP": 1975, "ECA": 1975, "ECLAC": 1975, "ESCWA": 1975}
LAST_YEAR = 2025
SESSION_FROM_YEAR: dict[str, Callable[[int], str]] = {
    "GA": lambda year: str(year - 1945),
    "ECOSOC": str,
    "HRC": lambda year: str((year - 2006) * 3 + 1),
    "ESCAP": lambda year: str(year - 1944),
    "ECA": lambda year: str(year - 1967),
    "ECLAC": lambda year: str((year - 1948) // 2 + 1),
    "ESCWA": lambda year: str((year - 1972) // 2 + 1),
}
CLAUSE_BOUNDARY = re.compile(r"[,;:] ")


def is_synthetic_number(number: str) -> bool:
    """True for a generated resolution's number ("45/10012"): its serial is past any real one."""
    serial = number.rsplit("/", 1)[-1]
    return serial.isdigit() and int(serial) >= SYNTHETIC_NUMBER_BASE


# ---------------------------------------------------------------- the real corpus


@dataclass
class RealCorpus:
    resolutions: list[ParsedResolution]
    skipped: int  # other languages, by design
    failed: list[str]  # "file: message"
    seconds: float


def _parse_one(path: Path) -> tuple[list[ParsedResolution], str]:
    from resolutions.ingest.pipeline import parse_path

    try:
        return parse_path(path).resolutions, ""
    except SkippedSource:
        return [], "skipped"
    except ParseError as error:
        return [], str(error)


def read_real_corpus(folder: Path, processes: int = 2) -> RealCorpus:
    """Every resolution of ``folder`` parsed by the import pipeline (``parse_path``), in file order."""
    from resolutions.ingest.pipeline import source_paths

    started = time.perf_counter()
    paths = [p for p in source_paths([folder]) if p.suffix.lower() == ".xml"]
    resolutions: list[ParsedResolution] = []
    skipped, failed = 0, []
    with ProcessPoolExecutor(max_workers=processes) as pool:
        for _path, (parsed, problem) in zip(paths, pool.map(_parse_one, paths, chunksize=16), strict=False):
            if problem == "skipped":
                skipped += 1
            elif problem:
                failed.append(problem)
            resolutions.extend(parsed)
    return RealCorpus(resolutions, skipped, failed, time.perf_counter() - started)


# ---------------------------------------------------------------- generation


@dataclass(frozen=True)
class SourceParagraph:
    """A real paragraph with what travels with its text: citations and footnotes (relative spans)."""

    text: str
    opening_phrase: str
    citations: tuple[ParsedCitation, ...]
    footnotes: tuple[tuple[ParsedFootnote, tuple[ParsedCitation, ...]], ...]
    boundaries: tuple[int, ...]  # offsets just after a ", " / "; " / ": "


def _source_paragraphs(resolution: ParsedResolution) -> Iterator[tuple[tuple[str, bool], SourceParagraph]]:
    cites_by_paragraph: dict[str, list[ParsedCitation]] = {}
    cites_by_footnote: dict[str, list[ParsedCitation]] = {}
    for citation in resolution.citations:
        if citation.paragraph_key:
            cites_by_paragraph.setdefault(citation.paragraph_key, []).append(citation)
        else:
            cites_by_footnote.setdefault(citation.footnote_marker, []).append(citation)
    notes_by_paragraph: dict[str, list] = {}
    for footnote in resolution.footnotes:
        if footnote.paragraph_key and footnote.offset is not None:
            notes_by_paragraph.setdefault(footnote.paragraph_key, []).append(
                (footnote, tuple(cites_by_footnote.get(footnote.marker, ())))
            )
    for paragraph in resolution.paragraphs:
        if not paragraph.text.strip():
            continue
        yield (
            (paragraph.kind, bool(paragraph.parent_key)),
            SourceParagraph(
                text=paragraph.text,
                opening_phrase=paragraph.opening_phrase,
                citations=tuple(cites_by_paragraph.get(paragraph.key, ())),
                footnotes=tuple(notes_by_paragraph.get(paragraph.key, ())),
                boundaries=tuple(m.end() for m in CLAUSE_BOUNDARY.finditer(paragraph.text)),
            ),
        )


@dataclass
class GeneratedParagraph:
    text: str
    opening_phrase: str
    citations: list[ParsedCitation]  # spans in text, no key yet
    footnotes: list[tuple[ParsedFootnote, tuple[ParsedCitation, ...]]]  # offsets in text


def splice(head: SourceParagraph, tail: SourceParagraph, rng: random.Random) -> GeneratedParagraph:
    """``head`` up to one of its clause boundaries, then ``tail`` from one of its own.

    Citations and footnote markers keep their places in each part; with no
    boundary to cut at, ``head`` is repeated whole.
    """
    head_cuts = [b for b in head.boundaries if b < len(head.text) * 0.8]
    tail_cuts = [b for b in tail.boundaries if b > len(tail.text) * 0.2]
    if not head_cuts or not tail_cuts:
        return verbatim(head)
    cut, resume = rng.choice(head_cuts), rng.choice(tail_cuts)
    shift = cut - resume
    citations = [c for c in head.citations if c.end <= cut]
    citations += [
        dataclasses.replace(c, start=c.start + shift, end=c.end + shift) for c in tail.citations if c.start >= resume
    ]
    footnotes = [(f, fc) for f, fc in head.footnotes if f.offset <= cut]
    footnotes += [
        (dataclasses.replace(f, offset=f.offset + shift), fc) for f, fc in tail.footnotes if f.offset >= resume
    ]
    return GeneratedParagraph(head.text[:cut] + tail.text[resume:], head.opening_phrase, citations, footnotes)


def verbatim(source: SourceParagraph) -> GeneratedParagraph:
    return GeneratedParagraph(source.text, source.opening_phrase, list(source.citations), list(source.footnotes))


class Recombiner:
    """Generates resolutions from real ones; deterministic for a given seed and template order."""

    def __init__(self, templates: list[ParsedResolution], seed: int = 0):
        if not templates:
            raise ValueError("no real resolutions to recombine")
        self.templates = templates
        self.rng = random.Random(seed)
        self.seed = seed
        self.pools: dict[tuple[str, bool], list[SourceParagraph]] = {}
        for template in templates:
            for slot, source in _source_paragraphs(template):
                self.pools.setdefault(slot, []).append(source)
        self.serials: dict[tuple[str, str], int] = {}
        self.bodies = list(BODY_WEIGHTS)
        self.weights = [BODY_WEIGHTS[code] for code in self.bodies]

    def _pool(self, kind: str, nested: bool) -> list[SourceParagraph]:
        for slot in ((kind, nested), (kind, not nested), (PREAMBULAR if kind == OPERATIVE else OPERATIVE, nested)):
            if self.pools.get(slot):
                return self.pools[slot]
        return next(pool for pool in self.pools.values() if pool)

    def resolutions(self, paragraphs: int) -> Iterator[ParsedResolution]:
        """Generated resolutions until they hold at least ``paragraphs`` paragraphs."""
        made = 0
        while made < paragraphs:
            resolution = self.resolution()
            made += len(resolution.paragraphs)
            yield resolution

    def resolution(self) -> ParsedResolution:
        rng = self.rng
        template = rng.choice(self.templates)
        body = rng.choices(self.bodies, self.weights)[0]
        year = rng.randint(FIRST_YEAR[body], LAST_YEAR)
        session = SESSION_FROM_YEAR[body](year)
        serial = self.serials[body, session] = self.serials.get((body, session), SYNTHETIC_NUMBER_BASE) + 1
        number = f"{session}/{serial}"
        symbol = BODIES[body].symbol(number)

        paragraphs: list[ParsedParagraph] = []
        footnotes: list[ParsedFootnote] = []
        citations: list[ParsedCitation] = []
        for slot in template.paragraphs:
            pool = self._pool(slot.kind, bool(slot.parent_key))
            head = rng.choice(pool)
            made = splice(head, rng.choice(pool), rng) if rng.random() < SPLICE_SHARE else verbatim(head)
            paragraphs.append(dataclasses.replace(slot, text=made.text, opening_phrase=made.opening_phrase))
            citations += [dataclasses.replace(c, paragraph_key=slot.key, footnote_marker="") for c in made.citations]
            for footnote, footnote_citations in made.footnotes:
                marker = str(len(footnotes) + 1)
                footnotes.append(dataclasses.replace(footnote, marker=marker, paragraph_key=slot.key))
                citations += [
                    dataclasses.replace(c, paragraph_key="", footnote_marker=marker) for c in footnote_citations
                ]

        start = dt.date(year, 1, 1)
        return ParsedResolution(
            symbol=symbol,
            body=body,
            session=session,
            number=number,
            title=template.title,
            source=SourceInfo(name=f"synthetic-{self.seed}-{symbol}", format=SYNTHETIC_FORMAT, sha256="0" * 64),
            adopted_on=start + dt.timedelta(days=rng.randrange(365)),
            meeting=template.meeting,
            report=template.report,
            agenda_item=template.agenda_item,
            committee=template.committee if body == "GA" else "",
            paragraphs=paragraphs,
            footnotes=footnotes,
            citations=citations,
            votes=list(template.votes),
            metadata={**template.metadata, "synthetic": True, "template": template.symbol, "seed": self.seed},
        )


# ---------------------------------------------------------------- bulk loading

# Tables whose secondary indexes and constraints are dropped during the load
# and rebuilt after it; the resolution table (a few percent of the rows) keeps
# its indexes, and every table keeps its primary key and CHECK constraints.
REBUILT_TABLES = ("resolutions_paragraph", "resolutions_footnote", "resolutions_citation", "resolutions_vote")
LOADED_TABLES = ("resolutions_resolution", *REBUILT_TABLES)
BATCH_RESOLUTIONS = 2_000
RESOLUTION_COLUMNS = (
    "id",
    "symbol",
    "body_id",
    "session",
    "session_sort",
    "session_label",
    "number",
    "title",
    "adopted_on",
    "meeting",
    "report",
    "agenda_item",
    "committee",
    "language",
    "metadata",
    "source_name",
    "source_format",
    "source_sha256",
    "content_hash",
    "created_at",
    "updated_at",
    "source_pin",
)
PARAGRAPH_COLUMNS = (
    "id",
    "resolution_id",
    "key",
    "kind",
    "number",
    "order",
    "parent_id",
    "part",
    "heading",
    "opening_phrase",
    "text",
)
FOOTNOTE_COLUMNS = ("id", "resolution_id", "marker", "order", "text", "paragraph_id", "offset")
CITATION_COLUMNS = (
    "id",
    "resolution_id",
    "paragraph_id",
    "footnote_id",
    "target_symbol",
    "target_paragraph",
    "matched_text",
    "start",
    "end",
    "kind",
)
VOTE_COLUMNS = ("id", "resolution_id", "member_state", "vote")


@dataclass(frozen=True)
class SchemaObject:
    """A secondary index or a constraint, as PostgreSQL prints its definition."""

    table: str
    name: str
    kind: str  # "index", "unique", "foreign key", "exclusion"
    definition: str

    def drop_sql(self) -> str:
        if self.kind == "index":
            return f'DROP INDEX "{self.name}"'
        return f'ALTER TABLE "{self.table}" DROP CONSTRAINT "{self.name}"'

    def create_sql(self) -> str:
        if self.kind == "index":
            return self.definition
        return f'ALTER TABLE "{self.table}" ADD CONSTRAINT "{self.name}" {self.definition}'


CONSTRAINT_KINDS = {"u": "unique", "f": "foreign key", "x": "exclusion"}


def secondary_schema(cursor, tables: Iterable[str] = REBUILT_TABLES) -> list[SchemaObject]:
    """Indexes not backing a constraint, and unique/foreign-key/exclusion constraints, of ``tables``."""
    tables = list(tables)
    cursor.execute(
        """
        SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE c.relname = ANY(%s) AND k.contype IN ('u', 'f', 'x')
        ORDER BY c.relname, k.conname
        """,
        [tables],
    )
    objects = [
        SchemaObject(table, name, CONSTRAINT_KINDS[kind], definition)
        for table, name, kind, definition in cursor.fetchall()
    ]
    cursor.execute(
        """
        SELECT c.relname, x.relname, pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
        WHERE c.relname = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
        ORDER BY c.relname, x.relname
        """,
        [tables],
    )
    objects += [SchemaObject(table, name, "index", definition) for table, name, definition in cursor.fetchall()]
    return objects


def _build_order(item: SchemaObject) -> tuple[int, str]:
    """Indexes and unique constraints first (GIN, the slowest, leading), foreign keys last."""
    rank = {"index": 1, "unique": 1, "exclusion": 1, "foreign key": 2}[item.kind]
    return (rank - (" USING gin " in item.definition), item.name)


@dataclass
class LoadReport:
    resolutions: int = 0
    synthetic_resolutions: int = 0
    paragraphs: int = 0
    footnotes: int = 0
    citations: int = 0
    votes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # phase -> seconds
    index_seconds: dict[str, float] = field(default_factory=dict)  # index/constraint name -> seconds
    rebuilt: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


class _Ids:
    """Row ids assigned on the client, so children can point at parents inside one COPY stream."""

    def __init__(self):
        self.next = dict.fromkeys(LOADED_TABLES, 1)

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


def _resolution_rows(parsed: ParsedResolution, ids: _Ids, body_ids: dict[str, int], now: dt.datetime, rows: dict):
    """Append the rows of one parsed resolution to ``rows`` (one list per table); return its paragraph rows."""
    from resolutions.store.load import content_hash, session_sort_key

    resolution_id = ids.take("resolutions_resolution")
    rows["resolutions_resolution"].append(
        (
            resolution_id,
            parsed.symbol,
            body_ids[parsed.body],
            parsed.session,
            session_sort_key(parsed.session),
            BODIES[parsed.body].session_label(parsed.session),
            parsed.number,
            parsed.title,
            parsed.adopted_on,
            parsed.meeting,
            parsed.report,
            parsed.agenda_item,
            parsed.committee,
            parsed.language,
            json.dumps(parsed.metadata, ensure_ascii=False),
            parsed.source.name,
            parsed.source.format,
            parsed.source.sha256,
            content_hash(parsed),
            now,
            now,
            "",  # a curator's pin: never the loader's
        )
    )
    paragraph_ids: dict[str, int] = {}
    paragraph_rows = []
    for paragraph in parsed.paragraphs:
        paragraph_id = paragraph_ids[paragraph.key] = ids.take("resolutions_paragraph")
        paragraph_rows.append(
            (
                paragraph_id,
                resolution_id,
                paragraph.key,
                paragraph.kind,
                paragraph.number,
                paragraph.order,
                paragraph_ids[paragraph.parent_key] if paragraph.parent_key else None,
                paragraph.part,
                paragraph.heading,
                paragraph.opening_phrase,
                paragraph.text,
            )
        )
    footnote_ids: dict[str, int] = {}
    for order, footnote in enumerate(parsed.footnotes, start=1):
        footnote_id = footnote_ids[footnote.marker] = ids.take("resolutions_footnote")
        rows["resolutions_footnote"].append(
            (
                footnote_id,
                resolution_id,
                footnote.marker,
                order,
                footnote.text,
                paragraph_ids.get(footnote.paragraph_key),
                footnote.offset,
            )
        )
    for citation in parsed.citations:
        rows["resolutions_citation"].append(
            (
                ids.take("resolutions_citation"),
                resolution_id,
                paragraph_ids[citation.paragraph_key] if citation.paragraph_key else None,
                None if citation.paragraph_key else footnote_ids[citation.footnote_marker],
                citation.symbol,
                citation.target_paragraph,
                citation.text,
                citation.start,
                citation.end,
                citation.kind,
            )
        )
    for vote in parsed.votes:
        rows["resolutions_vote"].append((ids.take("resolutions_vote"), resolution_id, vote.member_state, vote.vote))
    return paragraph_rows


COLUMNS = {
    "resolutions_resolution": RESOLUTION_COLUMNS,
    "resolutions_paragraph": PARAGRAPH_COLUMNS,
    "resolutions_footnote": FOOTNOTE_COLUMNS,
    "resolutions_citation": CITATION_COLUMNS,
    "resolutions_vote": VOTE_COLUMNS,
}


def _copy_statement(table: str) -> str:
    columns = ", ".join(f'"{name}"' for name in COLUMNS[table])
    return f'COPY "{table}" ({columns}) FROM STDIN'


def _copy_rows(cursor, table: str, rows: list[tuple]) -> None:
    if not rows:
        return
    with cursor.copy(_copy_statement(table)) as copy:
        for row in rows:
            copy.write_row(row)


def _marker_path(database: str) -> Path:
    from django.conf import settings

    return Path(settings.BASE_DIR) / "var" / f"scale-load-{database}.json"


def _new_connection(settings: str = ""):
    """A raw psycopg connection to the same database as Django's, for one worker thread."""
    from django.db import connection

    raw = connection.get_new_connection(connection.get_connection_params())
    raw.autocommit = True
    if settings:
        raw.execute(settings)
    return raw


def _parallel(tasks: list[Callable], workers: int, settings: str = "") -> None:
    """Run ``task(raw_connection)`` for every task on ``workers`` connections; the first error is raised."""
    import queue
    import threading

    pending: queue.Queue = queue.Queue()
    for task in tasks:
        pending.put(task)
    errors: list[BaseException] = []

    def work() -> None:
        with _new_connection(settings) as raw:
            while not errors:
                try:
                    task = pending.get_nowait()
                except queue.Empty:
                    return
                try:
                    task(raw)
                except BaseException as error:
                    errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(max(1, min(workers, len(tasks))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def bulk_load(
    resolutions: Iterable[ParsedResolution],
    *,
    workers: int = 2,
    maintenance_work_mem: str = "1GB",
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Replace the archive's content with ``resolutions`` by the procedure in the module docstring.

    Each resolution must pass ``resolutions.store.load.validate``; symbols must be unique.
    """
    import queue
    import threading

    from django.db import connection, transaction
    from django.db.migrations.executor import MigrationExecutor

    from resolutions.store.load import ensure_body, validate

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("the database has unapplied migrations: run `manage.py migrate` first")

    report = LoadReport()
    clock = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.seconds[name] = round(report.seconds.get(name, 0.0) + now - clock, 3)
        clock = now

    # 1-2. Record the definitions (or take them from an interrupted load's marker), empty, drop.
    marker = _marker_path(connection.settings_dict["NAME"])
    with transaction.atomic(), connection.cursor() as cursor:
        if marker.exists():
            schema = [SchemaObject(**item) for item in json.loads(marker.read_text())]
            progress(f"an earlier load was interrupted: its recorded schema ({marker.name}) is rebuilt")
        else:
            schema = secondary_schema(cursor)
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(json.dumps([dataclasses.asdict(item) for item in schema], indent=1))
        present = {item.name for item in secondary_schema(cursor)}
        cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in LOADED_TABLES) + " RESTART IDENTITY CASCADE")
        for item in sorted(schema, key=_build_order, reverse=True):
            if item.name in present:
                cursor.execute(item.drop_sql())
    phase("prepare")

    # 3. COPY: this thread turns resolutions into rows, ``workers`` connections stream them.
    now = dt.datetime.now(dt.UTC)
    ids = _Ids()
    batches: queue.Queue = queue.Queue(maxsize=workers * 2)
    failed: list[BaseException] = []

    def copier() -> None:
        try:
            with _new_connection("SET synchronous_commit = off") as raw, raw.cursor() as cursor:
                while (rows := batches.get()) is not None:
                    for table in LOADED_TABLES:
                        _copy_rows(cursor, table, rows[table])
        except BaseException as error:
            failed.append(error)
            while batches.get() is not None:  # drain, so the producer never blocks
                pass

    threads = [threading.Thread(target=copier) for _ in range(workers)]
    for thread in threads:
        thread.start()
    try:
        body_ids: dict[str, int] = {}
        symbols: set[str] = set()
        rows: dict[str, list] = {table: [] for table in LOADED_TABLES}
        in_batch = 0
        for parsed in resolutions:
            if failed:
                break
            validate(parsed)
            key = parsed.symbol.upper()
            if key in symbols:
                raise ValueError(f"{parsed.symbol} appears twice")
            symbols.add(key)
            if parsed.body not in body_ids:
                body_ids[parsed.body] = ensure_body(parsed.body).pk
            report.resolutions += 1
            report.synthetic_resolutions += parsed.source.format == SYNTHETIC_FORMAT
            report.paragraphs += len(parsed.paragraphs)
            rows["resolutions_paragraph"] += _resolution_rows(parsed, ids, body_ids, now, rows)
            in_batch += 1
            if in_batch >= BATCH_RESOLUTIONS:
                batches.put(rows)
                progress(f"{report.resolutions:,} resolutions, {report.paragraphs:,} paragraphs")
                rows, in_batch = {table: [] for table in LOADED_TABLES}, 0
        batches.put(rows)
    finally:
        for _ in threads:
            batches.put(None)
        for thread in threads:
            thread.join()
    if failed:
        raise failed[0]
    report.footnotes = ids.next["resolutions_footnote"] - 1
    report.citations = ids.next["resolutions_citation"] - 1
    report.votes = ids.next["resolutions_vote"] - 1
    phase("copy")

    # 4. Rebuild: indexes and unique constraints in parallel (longest first), then foreign keys.
    def build(item: SchemaObject) -> Callable:
        def run(raw) -> None:
            started = time.perf_counter()
            raw.execute(item.create_sql())
            report.index_seconds[item.name] = round(time.perf_counter() - started, 3)
            report.rebuilt.append(item.name)

        return run

    ordered = sorted(schema, key=_build_order)
    per_build = f"SET maintenance_work_mem = '{maintenance_work_mem}'; SET max_parallel_maintenance_workers = 0"
    _parallel([build(item) for item in ordered if item.kind != "foreign key"], workers, per_build)
    _parallel([build(item) for item in ordered if item.kind == "foreign key"], 1, per_build)
    phase("indexes")

    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE resolutions_citation c SET target_id = r.id
            FROM resolutions_resolution r
            WHERE upper(c.target_symbol) = upper(r.symbol)
            """
        )
        for table in LOADED_TABLES:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST(%s, 1), %s)",
                [table, ids.next[table] - 1, ids.next[table] > 1],
            )
        phase("citations")

        # 5. Verify, then forget the marker.
        rebuilt = secondary_schema(cursor)
        if sorted(rebuilt, key=lambda o: o.name) != sorted(schema, key=lambda o: o.name):
            differing = set(schema) ^ set(rebuilt)
            raise RuntimeError(f"schema differs after the rebuild: {sorted(o.name for o in differing)}")
        marker.unlink()
        phase("verify")

    def vacuum(table: str) -> Callable:
        return lambda raw: raw.execute(f'VACUUM (ANALYZE) "{table}"')

    _parallel([vacuum(table) for table in LOADED_TABLES], workers)
    phase("vacuum and analyze")
    from resolutions.search import index

    index.rebuild()  # the search index is derived from the rows just loaded
    phase("search index")
    return report


# ---------------------------------------------------------------- the whole build, and what it measures

COMMON_WORDS = ("social", "development")


@dataclass
class ScaleCorpusReport:
    database: str
    paragraphs_wanted: int
    seed: int
    real_resolutions: int
    real_paragraphs: int
    skipped_sources: int
    failed_sources: list[str]
    parse_seconds: float
    load: LoadReport
    load_seconds: float  # generation + COPY + indexes + VACUUM ANALYZE + the search index
    sizes: dict[str, int] = field(default_factory=dict)  # bytes
    word_shares: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def build(
    corpus: Path | None,
    paragraphs: int,
    *,
    seed: int = 0,
    templates: list[ParsedResolution] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> ScaleCorpusReport:
    """Real resolutions of ``corpus`` (or the given ``templates``) plus generated ones, to ``paragraphs``."""
    from django.db import connection

    if templates is None:
        if corpus is None:
            raise ValueError("give a corpus folder or templates")
        progress(f"parsing {corpus} …")
        real = read_real_corpus(corpus)
        problems = {id(parsed): loadable(parsed) for parsed in real.resolutions}
        real.failed += [problem for problem in problems.values() if problem]
        real.resolutions = [parsed for parsed in real.resolutions if not problems[id(parsed)]]
        if not real.resolutions:
            raise ValueError(f"no resolutions parsed from {corpus}")
    else:
        real = RealCorpus(templates, 0, [], 0.0)
    real_paragraphs = sum(len(r.paragraphs) for r in real.resolutions)
    progress(f"{len(real.resolutions):,} real resolutions, {real_paragraphs:,} paragraphs ({real.seconds:.1f} s)")

    recombiner = Recombiner(real.resolutions, seed)
    everything = _chain(real.resolutions, recombiner.resolutions(max(0, paragraphs - real_paragraphs)))
    started = time.perf_counter()
    load = bulk_load(everything, progress=progress)
    load_seconds = time.perf_counter() - started

    report = ScaleCorpusReport(
        database=connection.settings_dict["NAME"],
        paragraphs_wanted=paragraphs,
        seed=seed,
        real_resolutions=len(real.resolutions),
        real_paragraphs=real_paragraphs,
        skipped_sources=real.skipped,
        failed_sources=real.failed,
        parse_seconds=round(real.seconds, 3),
        load=load,
        load_seconds=round(load_seconds, 3),
    )
    report.sizes = database_sizes()
    report.word_shares = word_shares(COMMON_WORDS)
    return report


def loadable(parsed: ParsedResolution) -> str:
    """Why ``parsed`` cannot be loaded ("" when it can): the loader's own checks, invariants and lengths."""
    from resolutions.store.load import LoadError, validate

    try:
        validate(parsed)
    except LoadError as error:
        return str(error)
    return ""


def _chain(first: Iterable, second: Iterable) -> Iterator:
    yield from first
    yield from second


def database_sizes() -> dict[str, int]:
    """Bytes: the whole database, each loaded table (heap + TOAST), and each of their indexes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        sizes = {"database": cursor.fetchone()[0]}
        cursor.execute(
            """
            SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid)
            FROM pg_class c WHERE c.relname = ANY(%s)
            """,
            [list(LOADED_TABLES)],
        )
        for table, table_bytes, index_bytes in cursor.fetchall():
            sizes[f"table {table}"] = table_bytes
            sizes[f"indexes {table}"] = index_bytes
        cursor.execute(
            """
            SELECT x.relname, pg_relation_size(x.oid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
            WHERE c.relname = ANY(%s) ORDER BY pg_relation_size(x.oid) DESC
            """,
            [list(LOADED_TABLES)],
        )
        for index, index_bytes in cursor.fetchall():
            sizes[f"index {index}"] = index_bytes
    return sizes


def word_shares(words: Iterable[str]) -> dict[str, float]:
    """The share of paragraphs that hold each word (stemmed), as the search index counts them."""
    import tantivy

    from resolutions.models import Paragraph
    from resolutions.search import compile, execute, index, query
    from resolutions.search.schema import schema

    searcher, total = index.searcher(), Paragraph.objects.count() or 1
    paragraphs = tantivy.Query.term_query(schema(), "hit", "paragraph")
    shares = {}
    for word in words:
        matches = compile.plan(query.parse(word)).matches
        both = tantivy.Query.boolean_query([(tantivy.Occur.Must, matches), (tantivy.Occur.Must, paragraphs)])
        shares[word] = round(execute.total(searcher, both) / total, 4)
    return shares
