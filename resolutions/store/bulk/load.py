"""``bulk_load``: replace the archive's content with parsed resolutions, by PostgreSQL COPY.

The one procedure, in named stages:

1. record the schema: check that migrations are applied and record every
   secondary index and non-primary-key constraint of the large tables in a
   marker file (``resolutions.store.bulk.schema``);
2. truncate: in one transaction, TRUNCATE the archive's tables and drop those
   indexes and constraints;
3. copy: COPY the rows on several connections at once
   (``resolutions.store.bulk.copying``);
4. rebuild indexes and constraints: the recorded indexes and unique
   constraints in parallel (longest first, a large ``maintenance_work_mem``
   each), then the foreign keys (validated against the loaded rows); resolve
   citation targets in one UPDATE; move the id sequences past the rows;
5. verify that every recorded definition is back, unchanged, and delete the
   marker; VACUUM ANALYZE the tables;
6. index for search: rebuild the search index from the loaded rows.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Citation, Footnote, FootnoteReference, Vote
from resolutions.search import index
from resolutions.store.bulk.connections import parallel
from resolutions.store.bulk.copying import LOADED_MODELS, ClientIds, rows_copy
from resolutions.store.bulk.schema import (
    SchemaObject,
    build_order,
    marker_path,
    recorded_schema,
    schema_record,
    schema_verify,
    secondary_schema,
)
from resolutions.store.citation_targets import citation_targets_resolve_all

LOADED_TABLES = tuple(model._meta.db_table for model in LOADED_MODELS)


@dataclass
class LoadReport:
    resolutions: int = 0
    paragraphs: int = 0
    footnotes: int = 0
    footnote_places: int = 0
    citations: int = 0
    votes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    index_seconds: dict[str, float] = field(default_factory=dict)  # index/constraint name -> seconds
    rebuilt: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


class _StageClock:
    """Adds the seconds since the last stage ended to ``report.seconds[name]``."""

    def __init__(self, report: LoadReport):
        self.report = report
        self.last = time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = round(self.report.seconds.get(name, 0.0) + now - self.last, 3)
        self.last = now


def bulk_load(
    resolutions: Iterable[ParsedResolution],
    *,
    workers: int = 2,
    maintenance_work_mem: str = "1GB",
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Replace the archive's content with ``resolutions`` by the stages in the module docstring.

    Each resolution must pass ``resolutions.store.validation.validate``; symbols must be unique.
    """
    _check_migrated()
    report = LoadReport()
    clock = _StageClock(report)
    marker = marker_path(connection.settings_dict["NAME"])
    schema = _truncate(_schema_to_rebuild(marker, progress))
    clock.done("prepare")
    ids = _copy(resolutions, report, workers, progress)
    clock.done("copy")
    _rebuild(schema, report, workers, maintenance_work_mem)
    clock.done("indexes")
    citation_targets_resolve_all()
    _sequences_move(ids)
    clock.done("citations")
    with connection.cursor() as cursor:
        schema_verify(cursor=cursor, marker=marker, schema=schema)
    clock.done("verify")
    parallel([_vacuum(table) for table in LOADED_TABLES], workers)
    clock.done("vacuum and analyze")
    index.rebuild()  # the search index is derived from the rows just loaded
    clock.done("search index")
    return report


def _check_migrated() -> None:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("the database has unapplied migrations: run `manage.py migrate` first")


def _schema_to_rebuild(marker, progress: Callable[[str], None]) -> list[SchemaObject]:
    """Record the schema, or take it from an interrupted load's marker."""
    schema = recorded_schema(marker)
    if schema is not None:
        progress(f"an earlier load was interrupted: its recorded schema ({marker.name}) is rebuilt")
        return schema
    with connection.cursor() as cursor:
        schema = secondary_schema(cursor)
    schema_record(marker=marker, schema=schema)
    return schema


def _truncate(schema: list[SchemaObject]) -> list[SchemaObject]:
    """Empty the archive's tables and drop the recorded indexes and constraints still there, in one transaction."""
    with transaction.atomic(), connection.cursor() as cursor:
        present = {item.name for item in secondary_schema(cursor)}
        cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in LOADED_TABLES) + " RESTART IDENTITY CASCADE")
        for item in sorted(schema, key=build_order, reverse=True):
            if item.name in present:
                cursor.execute(item.drop_sql())
    return schema


def _copy(
    resolutions: Iterable[ParsedResolution], report: LoadReport, workers: int, progress: Callable[[str], None]
) -> ClientIds:
    counts = rows_copy(resolutions, workers=workers, progress=progress)
    report.resolutions, report.paragraphs = counts.resolutions, counts.paragraphs
    report.footnotes = counts.ids.taken(Footnote)
    report.footnote_places = counts.ids.taken(FootnoteReference)
    report.citations = counts.ids.taken(Citation)
    report.votes = counts.ids.taken(Vote)
    return counts.ids


def _rebuild(schema: list[SchemaObject], report: LoadReport, workers: int, maintenance_work_mem: str) -> None:
    """Indexes and unique constraints in parallel (longest first), then foreign keys one at a time."""

    def build(item: SchemaObject) -> Callable:
        def run(raw) -> None:
            started = time.perf_counter()
            raw.execute(item.create_sql())
            report.index_seconds[item.name] = round(time.perf_counter() - started, 3)
            report.rebuilt.append(item.name)

        return run

    ordered = sorted(schema, key=build_order)
    per_build = f"SET maintenance_work_mem = '{maintenance_work_mem}'; SET max_parallel_maintenance_workers = 0"
    parallel([build(item) for item in ordered if item.kind != "foreign key"], workers, per_build)
    parallel([build(item) for item in ordered if item.kind == "foreign key"], 1, per_build)


def _sequences_move(ids: ClientIds) -> None:
    """Each table's id sequence continues past the loaded rows, so the per-resolution load can follow."""
    with connection.cursor() as cursor:
        for model in LOADED_MODELS:
            taken = ids.taken(model)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST(%s, 1), %s)",
                [model._meta.db_table, taken, taken > 0],
            )


def _vacuum(table: str) -> Callable:
    return lambda raw: raw.execute(f'VACUUM (ANALYZE) "{table}"')
