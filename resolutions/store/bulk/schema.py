"""The secondary indexes and constraints a bulk load drops and rebuilds, and the marker that records them.

Before a load, every secondary index and non-primary-key constraint of the
paragraph, footnote, citation and vote tables is recorded as PostgreSQL
prints it (``pg_get_indexdef`` / ``pg_get_constraintdef``) in a marker file,
``var/scale-load-<database>.json``. If a load is interrupted, the marker
stays: the next load rebuilds exactly the recorded definitions (the live
schema then lacks them), so the schema always ends as the migrations made it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

# Tables whose secondary indexes and constraints are dropped during the load
# and rebuilt after it; the other tables (a few percent of the rows) keep
# theirs, and every table keeps its primary key and CHECK constraints.
REBUILT_TABLES = ("resolutions_paragraph", "resolutions_footnote", "resolutions_citation", "resolutions_vote")
CONSTRAINT_KINDS = {"u": "unique", "f": "foreign key", "x": "exclusion"}


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


def build_order(item: SchemaObject) -> tuple[int, str]:
    """Indexes and unique constraints first (GIN, the slowest, leading), foreign keys last."""
    rank = {"index": 1, "unique": 1, "exclusion": 1, "foreign key": 2}[item.kind]
    return (rank - (" USING gin " in item.definition), item.name)


def marker_path(database: str) -> Path:
    return Path(settings.BASE_DIR) / "var" / f"scale-load-{database}.json"


def recorded_schema(marker: Path) -> list[SchemaObject] | None:
    """The definitions an interrupted load recorded, or None when no load was interrupted."""
    if not marker.exists():
        return None
    return [SchemaObject(**item) for item in json.loads(marker.read_text())]


def schema_record(*, marker: Path, schema: list[SchemaObject]) -> None:
    """Write the definitions to ``marker`` before anything is dropped."""
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps([dataclasses.asdict(item) for item in schema], indent=1))


def schema_verify(*, cursor, marker: Path, schema: list[SchemaObject]) -> None:
    """Check that every recorded definition is back, unchanged, then forget the marker."""
    rebuilt = secondary_schema(cursor)
    if sorted(rebuilt, key=lambda o: o.name) != sorted(schema, key=lambda o: o.name):
        differing = set(schema) ^ set(rebuilt)
        raise RuntimeError(f"schema differs after the rebuild: {sorted(o.name for o in differing)}")
    marker.unlink()
