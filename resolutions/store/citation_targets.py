"""Citations point at the resolutions they cite once the archive holds them, whichever was loaded first."""

from __future__ import annotations

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Upper

from resolutions.models import Citation, Resolution


def citation_targets_resolve(*, resolution: Resolution) -> None:
    """Link citations to ``resolution`` from anywhere, and its own citations to what the archive holds.

    Two UPDATEs whatever the number of citations (both use the upper-case symbol indexes), in every language.
    """
    Citation.all_languages.annotate(upper_symbol=Upper("target_symbol")).filter(
        upper_symbol=resolution.symbol.upper()
    ).update(target=resolution)
    holder = Resolution.objects.annotate(upper_symbol=Upper("symbol")).filter(
        upper_symbol=Upper(OuterRef("target_symbol"))
    )
    Citation.all_languages.filter(resolution=resolution, kind=Citation.RESOLUTION).update(
        target_id=Subquery(holder.values("pk")[:1])
    )


def citation_targets_resolve_all() -> None:
    """Every citation's target, in one UPDATE (after a bulk load)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE resolutions_citation c SET target_id = r.id
            FROM resolutions_resolution r
            WHERE upper(c.target_symbol) = upper(r.symbol)
            """
        )
