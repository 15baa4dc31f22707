"""Paragraph texts an import replaces are kept, so every address it changes keeps answering."""

from __future__ import annotations

import datetime as dt

from resolutions.models import ParagraphVersion, Resolution
from resolutions.store.provenance import CHANGED, MOVED, REMOVED, ParagraphChange


def paragraph_versions_create(
    *,
    resolution: Resolution,
    language: str,
    changes: list[ParagraphChange],
    source_name: str,
    replaced_at: dt.datetime,
) -> None:
    """A moved text redirects to its new key; a changed or removed one stays readable as a dated earlier version.

    ``changes`` are those of one language's text, and its versions are kept in that language.
    """
    ParagraphVersion.all_languages.bulk_create(
        ParagraphVersion(
            resolution=resolution,
            language=language,
            key=change.key,
            text=change.old_text,
            successor=change.new_key if change.kind == MOVED else "",
            replaced_at=replaced_at,
            replaced_by=source_name[:255],
        )
        for change in changes
        if change.kind in (CHANGED, MOVED, REMOVED)
    )
