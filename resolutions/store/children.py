"""A resolution's paragraphs, footnotes, footnote places, citations, votes, sponsors, SDGs and subjects,
written through the ORM.

The rows come from ``resolutions.store.rows``; their ids are reserved from
the tables' own sequences first, so each table is one INSERT whose rows
already point at their parents (the foreign keys are checked at commit).
"""

from __future__ import annotations

from django.db import connection

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Resolution
from resolutions.store.reference_ids import ReferenceIds
from resolutions.store.rows import child_rows, record_row_counts, record_rows, row_counts, text_row_counts, text_rows


class SequenceIds:
    """Ids reserved from each table's sequence, handed out in order (``resolutions.store.rows.Ids``)."""

    def __init__(self, counts: dict[type, int]):
        reserved = _next_values({model._meta.db_table: count for model, count in counts.items() if count})
        self.reserved = {model: iter(reserved.get(model._meta.db_table, [])) for model in counts}

    def take(self, model: type) -> int:
        return next(self.reserved[model])


def _next_values(counts: dict[str, int]) -> dict[str, list[int]]:
    """``count`` values of each table's id sequence, in one query."""
    if not counts:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT wanted.name, nextval(pg_get_serial_sequence(wanted.name, 'id'))
            FROM unnest(%s::text[], %s::int[]) AS wanted(name, count), generate_series(1, wanted.count)
            ORDER BY 1, 2
            """,
            [list(counts), list(counts.values())],
        )
        values: dict[str, list[int]] = {}
        for table, value in cursor.fetchall():
            values.setdefault(table, []).append(value)
        return values


def children_create(*, resolution: Resolution, parsed: ParsedResolution, with_votes: bool = True) -> None:
    """Write every row that hangs from ``resolution``, table by table, parents first.

    Sponsors, SDGs and subjects come from the resolution's stored metadata: what every source gave.
    """
    ids = SequenceIds(row_counts(parsed, with_votes=with_votes, metadata=resolution.metadata))
    rows = child_rows(
        parsed,
        resolution_id=resolution.pk,
        ids=ids,
        refs=ReferenceIds(),
        with_votes=with_votes,
        metadata=resolution.metadata,
    )
    for model, table_rows in rows.by_model().items():
        model.objects.bulk_create([model(**row) for row in table_rows])


def text_children_create(*, resolution: Resolution, parsed: ParsedResolution) -> None:
    """Write the text of the parsed language only: paragraphs, footnotes, their places, citations."""
    ids = SequenceIds(text_row_counts(parsed))
    for model, table_rows in text_rows(parsed, resolution_id=resolution.pk, ids=ids).by_model().items():
        model.objects.bulk_create([model(**row) for row in table_rows])


def record_rows_replace(*, resolution: Resolution) -> None:
    """Sponsors, SDGs and subjects rebuilt from the resolution's metadata (after a source filled some of it)."""
    for related in (resolution.sponsors, resolution.goal_links, resolution.subject_links):
        related.all().delete()
    ids = SequenceIds(record_row_counts(resolution.metadata))
    rows = record_rows(resolution.metadata, resolution_id=resolution.pk, ids=ids, refs=ReferenceIds())
    for model, table_rows in rows.by_model().items():
        model.objects.bulk_create([model(**row) for row in table_rows])
