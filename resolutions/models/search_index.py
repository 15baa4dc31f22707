"""What PostgreSQL has committed that the search index may not hold yet (``resolutions.search.index``).

The index is committed after the database, about every second during an
import; a writer killed in between (``kill -9`` of an import, a machine going
down) leaves the index behind the data it describes. Each write of a
resolution records its id here in the same transaction as its rows, and each
index writer records that it began; the index's commit removes what it now
holds. So what is left says exactly what a dead writer committed and never
indexed, and the next search catches the index up from it.
"""

from __future__ import annotations

from django.db import models


class IndexBacklog(models.Model):
    """A resolution written (or, without one, an index writer's run begun) that the index may not hold yet."""

    # None: a writer's run began; its writes advance the data version, which the index records only when the
    # run commits. Not a foreign key: a deleted resolution's documents must leave the index too.
    resolution_id = models.BigIntegerField(null=True, db_index=True)

    class Meta:
        verbose_name_plural = "index backlog"

    def __str__(self) -> str:
        return f"resolution {self.resolution_id}" if self.resolution_id else "an index writer's run"
