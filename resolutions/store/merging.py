"""How one more source meets what the archive holds: whether it gives the text, what it fills, what is kept.

The ranking of sources is ``resolutions.store.provenance``'s; here is what
follows from it for a resolution's fields. Metadata a source lacks is never
erased by it: a source that gives the text keeps what earlier sources gave,
and one that does not fills only what the archive lacks.
"""

from __future__ import annotations

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Resolution
from resolutions.store.provenance import SourceRef, gives_text

# Metadata a source may lack: never erased by it.
GAP_FIELDS = ("adopted_on", "meeting", "report", "agenda_item", "committee")


def source_gives_text(existing: Resolution, parsed: ParsedResolution) -> bool:
    """Whether ``parsed``'s source outranks (or is) the one that gives ``existing`` its text."""
    current = SourceRef(existing.source_format, existing.source_sha256)
    return gives_text(SourceRef(parsed.source.format, parsed.source.sha256), current, existing.source_pin)


def _nonempty(value) -> bool:
    return value not in (None, "", [], {})


def gaps_filled(existing: Resolution, parsed: ParsedResolution, existing_votes: int) -> list[str]:
    """What a source that does not give the text adds: the fields and metadata the archive lacks."""
    filled = [name for name in GAP_FIELDS if not getattr(existing, name) and _nonempty(getattr(parsed, name))]
    filled += [
        name
        for name, value in parsed.metadata.items()
        if _nonempty(value) and not _nonempty(existing.metadata.get(name))
    ]
    if parsed.votes and not existing_votes:
        filled.append("votes")
    return filled


def gaps_fill(existing: Resolution, parsed: ParsedResolution, filled: list[str]) -> None:
    """Copy into ``existing`` the fields named in ``filled``, and every metadata key it lacks (not saved)."""
    for name in GAP_FIELDS:
        if name in filled:
            setattr(existing, name, getattr(parsed, name))
    existing.metadata = {
        **{k: v for k, v in parsed.metadata.items() if _nonempty(v)},
        **{k: v for k, v in existing.metadata.items() if _nonempty(v)},
    }


def earlier_kept(existing: Resolution, parsed: ParsedResolution, row: dict) -> list[str]:
    """Keep in ``row`` what ``existing`` has and the new source lacks; return the names kept.

    Fields first, then metadata keys (sorted); votes are the caller's (they are rows of their own).
    """
    kept = [name for name in GAP_FIELDS if not _nonempty(row[name]) and _nonempty(getattr(existing, name))]
    for name in kept:
        row[name] = getattr(existing, name)
    kept_metadata = {
        k: v for k, v in existing.metadata.items() if _nonempty(v) and not _nonempty(parsed.metadata.get(k))
    }
    row["metadata"] = {**parsed.metadata, **kept_metadata}
    return kept + sorted(kept_metadata)
