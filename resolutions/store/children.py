"""A resolution's paragraphs, footnotes, footnote places, citations and votes, written through the ORM.

The rows come from ``resolutions.store.rows``; their ids are reserved from
the tables' own sequences first, so each table is one INSERT whose rows
already point at their parents (the foreign keys are checked at commit).
"""

from __future__ import annotations

from django.db import connection

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Resolution
from resolutions.store.rows import child_rows, row_counts


class SequenceIds:
    """Ids reserved from each table's sequence, handed out in order (``resolutions.store.rows.Ids``)."""

    def __init__(self, counts: dict[type, int]):
        self.reserved = {model: iter(_next_values(model, count)) for model, count in counts.items()}

    def take(self, model: type) -> int:
        return next(self.reserved[model])


def _next_values(model: type, count: int) -> list[int]:
    if not count:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s) ORDER BY 1",
            [model._meta.db_table, count],
        )
        return [value for (value,) in cursor.fetchall()]


def children_create(*, resolution: Resolution, parsed: ParsedResolution, with_votes: bool = True) -> None:
    """Write every row that hangs from ``resolution``, table by table, parents first."""
    ids = SequenceIds(row_counts(parsed, with_votes=with_votes))
    rows = child_rows(parsed, resolution_id=resolution.pk, ids=ids, with_votes=with_votes)
    for model, table_rows in rows.by_model().items():
        model.objects.bulk_create([model(**row) for row in table_rows])
