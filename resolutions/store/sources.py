"""Every source a resolution was imported from is kept beside the others (``ResolutionSource``)."""

from __future__ import annotations

import datetime as dt

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Resolution, ResolutionSource
from resolutions.store.rows import source_row


def resolution_source_record(
    *, resolution: Resolution, parsed: ParsedResolution, origin: str, imported_at: dt.datetime
) -> bool:
    """Keep the source (format, hash, date, where from); False when this resolution already has it."""
    row = source_row(parsed, origin=origin, imported_at=imported_at)
    sha256 = row.pop("sha256")
    _, created = ResolutionSource.objects.get_or_create(resolution=resolution, sha256=sha256, defaults=row)
    return created
