"""The atomic write: one parsed resolution into the database.

``load_resolution`` is the only code that writes a resolution with its
paragraphs, footnotes (and every further place their markers are printed),
citations and votes. It runs in one transaction, so
a failure at any row leaves the database as it was. Re-loading the same
parsed content is a no-op ("unchanged"); changed content replaces the
resolution's rows, keeping paragraph keys (and so every permalink) stable.
Every source is kept (``ResolutionSource``); which one gives the text, and
how metadata from one is never erased by another, is the rule written in
``resolutions.store.provenance``. A text that replaces another keeps every old
paragraph address answering (``ParagraphVersion``: a redirect to the key
the text moved to, or the old text as a dated earlier version).
Citations are resolved on every load, in both directions, so a later import
links the citations that earlier ones made to it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Upper
from django.utils import timezone

from resolutions.ingest.document import ParsedResolution
from resolutions.models import (
    Body,
    Citation,
    Footnote,
    FootnoteReference,
    Paragraph,
    ParagraphVersion,
    Resolution,
    ResolutionSource,
    Vote,
)
from resolutions.reference.bodies import BODIES
from resolutions.search.index import indexing
from resolutions.store.provenance import (
    CHANGED,
    MOVED,
    REMOVED,
    ParagraphChange,
    SourceRef,
    gives_text,
    paragraph_changes,
)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SOURCE_ADDED = "source added"  # kept as one more source; the text still comes from a source of higher precedence
# Metadata a source may lack: never erased by it (``resolutions.store.provenance``).
GAP_FIELDS = ("adopted_on", "meeting", "report", "agenda_item", "committee")


class LoadError(Exception):
    """Parsed content that breaks an invariant (duplicate keys, unknown body…)."""


@dataclass
class LoadResult:
    symbol: str
    outcome: str  # CREATED / UPDATED / UNCHANGED / SOURCE_ADDED
    paragraphs: int = 0
    resolution_id: int | None = None
    gives_text: bool = True  # False: the source was kept, the text comes from one of higher precedence
    kept: list[str] = field(default_factory=list)  # metadata kept from earlier sources (this one lacks it)
    filled: list[str] = field(default_factory=list)  # metadata this source added where the archive had none
    changes: list[ParagraphChange] = field(default_factory=list)  # what the new text does to paragraph addresses

    def describe(self) -> str:
        """One line for the person importing: 'updated (14 paragraphs; kept from earlier sources: votes, committee)'."""
        notes = [f"{self.paragraphs} paragraphs"]
        if not self.gives_text:
            notes.append("text kept from a source of higher precedence")
        if self.filled:
            notes.append("added: " + ", ".join(self.filled))
        if self.kept:
            notes.append("kept from earlier sources: " + ", ".join(self.kept))
        moved = sum(change.kind == MOVED for change in self.changes)
        changed = sum(change.kind in (CHANGED, REMOVED) for change in self.changes)
        if moved:
            notes.append(f"{moved} paragraph address{'es' if moved > 1 else ''} moved (the old ones redirect)")
        if changed:
            notes.append(
                f"{changed} paragraph text{'s' if changed > 1 else ''} changed or removed (kept as earlier versions)"
            )
        return f"{self.outcome} ({'; '.join(notes)})"


def content_hash(parsed: ParsedResolution) -> str:
    """A fingerprint of everything the archive stores from a parsed resolution.

    A footnote printed in one place only leaves out its empty list of further
    places, so a resolution without repeated markers keeps the fingerprint it
    had before the archive stored them (its re-import stays "unchanged"),
    and one with them is updated.
    """
    data = parsed.to_dict()
    data.pop("warnings", None)
    for footnote in data["footnotes"]:
        if not footnote["further_places"]:
            del footnote["further_places"]
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def session_sort_key(session: str) -> int:
    digits = "".join(ch for ch in session if ch.isdigit())
    return int(digits) if digits else 0


def ensure_body(code: str) -> Body:
    info = BODIES.get(code)
    if info is None:
        raise LoadError(f"unknown body {code!r}: add it to resolutions/bodies.py")
    body, _ = Body.objects.get_or_create(
        code=info.code,
        defaults={
            "name": info.name,
            "symbol_prefix": info.symbol_prefix,
            "sessions_are_years": info.sessions_are_years,
            "order": info.order,
        },
    )
    return body


RESOLUTION_TEXT_FIELDS = ("symbol", "session", "number", "meeting", "report", "agenda_item", "committee", "language")


def _check_lengths(where: str, model, values: dict[str, str]) -> None:
    for name, value in values.items():
        limit = model._meta.get_field(name).max_length
        if value and len(value) > limit:
            raise LoadError(
                f"{where}: {name} is {len(value)} characters, more than the {limit} the archive stores: {value[:60]!r}…"
            )


def validate(parsed: ParsedResolution) -> None:
    """Invariants the database would also refuse, reported in words a curator understands."""
    where = f"{parsed.source.name} ({parsed.symbol})"
    _check_lengths(where, Resolution, {name: getattr(parsed, name) for name in RESOLUTION_TEXT_FIELDS})
    for paragraph in parsed.paragraphs:
        _check_lengths(
            f"{where} paragraph {paragraph.key}",
            Paragraph,
            {
                "key": paragraph.key,
                "number": paragraph.number,
                "part": paragraph.part,
                "opening_phrase": paragraph.opening_phrase,
            },
        )
    for footnote in parsed.footnotes:
        _check_lengths(f"{where} footnote {footnote.marker}", Footnote, {"marker": footnote.marker})
    for citation in parsed.citations:
        _check_lengths(
            f"{where} citation {citation.text[:40]!r}",
            Citation,
            {
                "target_symbol": citation.symbol,
                "target_paragraph": citation.target_paragraph,
            },
        )
    if not parsed.paragraphs:
        raise LoadError(f"{where}: no paragraphs")
    seen: set[str] = set()
    for paragraph in parsed.paragraphs:
        if paragraph.key in seen:
            raise LoadError(f"{where}: paragraph {paragraph.key!r} appears twice (duplicate paragraph number)")
        seen.add(paragraph.key)
        if paragraph.parent_key and paragraph.parent_key not in seen:
            raise LoadError(f"{where}: paragraph {paragraph.key!r} has unknown parent {paragraph.parent_key!r}")
    for footnote in parsed.footnotes:
        if footnote.paragraph_key and footnote.paragraph_key not in seen:
            raise LoadError(
                f"{where}: footnote {footnote.marker} points at unknown paragraph {footnote.paragraph_key!r}"
            )
        for place in footnote.further_places:
            if place.paragraph_key not in seen:
                raise LoadError(
                    f"{where}: footnote {footnote.marker} is printed again in unknown paragraph {place.paragraph_key!r}"
                )
    markers = {f.marker for f in parsed.footnotes}
    for citation in parsed.citations:
        if citation.paragraph_key and citation.paragraph_key not in seen:
            raise LoadError(f"{where}: citation {citation.text!r} in unknown paragraph {citation.paragraph_key!r}")
        if not citation.paragraph_key and citation.footnote_marker not in markers:
            raise LoadError(f"{where}: citation {citation.text!r} is in no paragraph or footnote")


def load_resolution(parsed: ParsedResolution, origin: str = "") -> LoadResult:
    """Write one parsed resolution atomically, then index it (``resolutions.search.index``); return what happened.

    ``origin`` says where the source was read from (a path, "admin upload"),
    kept with the source. Inside ``indexing()`` (an import run) the index
    commits about every second; alone, at once. A failed write leaves the
    index as it was.
    """
    validate(parsed)
    with indexing() as session:
        result = _write(parsed, origin)
        if result.outcome != UNCHANGED:
            session.resolution_changed(result.resolution_id)
    return result


def plan_load(parsed: ParsedResolution) -> LoadResult:
    """What ``load_resolution`` would do, written nowhere (``ingest --dry-run``): its outcome and paragraph changes."""
    validate(parsed)
    existing = Resolution.objects.filter(symbol=parsed.symbol).first()
    if existing is None:
        return LoadResult(parsed.symbol, CREATED, len(parsed.paragraphs), gives_text=True)
    if not _gives_text(existing, parsed):
        filled = _gaps_filled(existing, parsed, existing_votes=existing.votes.count())
        known = existing.sources.filter(sha256=parsed.source.sha256).exists()
        outcome = SOURCE_ADDED if filled or not known else UNCHANGED
        return LoadResult(parsed.symbol, outcome, len(parsed.paragraphs), existing.pk, gives_text=False, filled=filled)
    if existing.content_hash == content_hash(parsed):
        return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk, gives_text=True)
    changes = paragraph_changes(_stored_paragraphs(existing), [(p.key, p.text) for p in parsed.paragraphs])
    return LoadResult(parsed.symbol, UPDATED, len(parsed.paragraphs), existing.pk, gives_text=True, changes=changes)


def _gives_text(existing: Resolution, parsed: ParsedResolution) -> bool:
    current = SourceRef(existing.source_format, existing.source_sha256)
    return gives_text(SourceRef(parsed.source.format, parsed.source.sha256), current, existing.source_pin)


def _stored_paragraphs(resolution: Resolution) -> list[tuple[str, str]]:
    return list(resolution.paragraphs.order_by("order").values_list("key", "text"))


def _nonempty(value) -> bool:
    return value not in (None, "", [], {})


def _gaps_filled(existing: Resolution, parsed: ParsedResolution, existing_votes: int) -> list[str]:
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


def _record_source(resolution: Resolution, parsed: ParsedResolution, origin: str, now) -> bool:
    """Keep the source (format, hash, date, where from); False when this resolution already has it."""
    _, created = ResolutionSource.objects.get_or_create(
        resolution=resolution,
        sha256=parsed.source.sha256,
        defaults={
            "name": parsed.source.name,
            "format": parsed.source.format,
            "origin": origin[:500],
            "imported_at": now,
        },
    )
    return created


def _write(parsed: ParsedResolution, origin: str) -> LoadResult:
    fingerprint = content_hash(parsed)
    now = timezone.now()
    with transaction.atomic():
        _lock_symbol(parsed.symbol)
        existing = Resolution.objects.select_for_update().filter(symbol=parsed.symbol).first()
        if existing is not None and not _gives_text(existing, parsed):
            return _add_source(existing, parsed, origin, now)
        if existing is not None and existing.content_hash == fingerprint:
            if _record_source(existing, parsed, origin, now):
                existing.save(update_fields=["updated_at"])  # its page names its sources: cached pages end
                return LoadResult(parsed.symbol, SOURCE_ADDED, len(parsed.paragraphs), existing.pk, gives_text=True)
            return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk, gives_text=True)
        body = ensure_body(parsed.body)
        fields = {
            "body": body,
            "session": parsed.session,
            "session_sort": session_sort_key(parsed.session),
            "session_label": BODIES[parsed.body].session_label(parsed.session),
            "number": parsed.number,
            "title": parsed.title,
            "language": parsed.language,
            "source_name": parsed.source.name,
            "source_format": parsed.source.format,
            "source_sha256": parsed.source.sha256,
            "content_hash": fingerprint,
            **{name: getattr(parsed, name) for name in GAP_FIELDS},
            "metadata": parsed.metadata,
        }
        kept: list[str] = []
        changes: list[ParagraphChange] = []
        if existing is None:
            resolution = Resolution.objects.create(symbol=parsed.symbol, **fields)
            outcome = CREATED
            keep_votes = False
        else:
            resolution = existing
            # Metadata a source lacks is kept from the sources before it, never erased.
            kept = [name for name in GAP_FIELDS if not _nonempty(fields[name]) and _nonempty(getattr(existing, name))]
            for name in kept:
                fields[name] = getattr(existing, name)
            kept_metadata = {
                k: v for k, v in existing.metadata.items() if _nonempty(v) and not _nonempty(parsed.metadata.get(k))
            }
            fields["metadata"] = {**parsed.metadata, **kept_metadata}
            kept += sorted(kept_metadata)
            keep_votes = not parsed.votes and existing.votes.exists()
            if keep_votes:
                kept.append("votes")
            changes = paragraph_changes(_stored_paragraphs(existing), [(p.key, p.text) for p in parsed.paragraphs])
            _keep_replaced_texts(existing, changes, parsed.source.name, now)
            for name, value in fields.items():
                setattr(resolution, name, value)
            resolution.save()
            # Rows are replaced whole; keys (and so URLs) come from the printed text.
            resolution.paragraphs.all().delete()
            resolution.footnotes.all().delete()
            if not keep_votes:
                resolution.votes.all().delete()
            outcome = UPDATED
        _record_source(resolution, parsed, origin, now)
        _write_children(resolution, parsed, write_votes=not keep_votes)
        resolve_citations(resolution)
    return LoadResult(
        parsed.symbol, outcome, len(parsed.paragraphs), resolution.pk, gives_text=True, kept=kept, changes=changes
    )


def _add_source(existing: Resolution, parsed: ParsedResolution, origin: str, now) -> LoadResult:
    """A source below the one giving the text: kept, and it fills what the archive lacks; the text stays."""
    filled = _gaps_filled(existing, parsed, existing_votes=existing.votes.count())
    recorded = _record_source(existing, parsed, origin, now)
    if not filled and not recorded:
        return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk, gives_text=False)
    for name in GAP_FIELDS:
        if name in filled:
            setattr(existing, name, getattr(parsed, name))
    existing.metadata = {
        **{k: v for k, v in parsed.metadata.items() if _nonempty(v)},
        **{k: v for k, v in existing.metadata.items() if _nonempty(v)},
    }
    existing.save()
    if "votes" in filled:
        Vote.objects.bulk_create(
            [Vote(resolution=existing, member_state=v.member_state, vote=v.vote) for v in parsed.votes]
        )
    return LoadResult(parsed.symbol, SOURCE_ADDED, len(parsed.paragraphs), existing.pk, gives_text=False, filled=filled)


def _keep_replaced_texts(resolution: Resolution, changes: list[ParagraphChange], source_name: str, now) -> None:
    """Every address an import changes keeps answering: a moved text redirects, a changed or removed one stays readable."""
    ParagraphVersion.objects.bulk_create(
        ParagraphVersion(
            resolution=resolution,
            key=change.key,
            text=change.old_text,
            successor=change.new_key if change.kind == MOVED else "",
            replaced_at=now,
            replaced_by=source_name[:255],
        )
        for change in changes
        if change.kind in (CHANGED, MOVED, REMOVED)
    )


def _lock_symbol(symbol: str) -> None:
    """Serialise concurrent loads of one symbol (two imports of the same source at once)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [symbol.upper()])


def _write_children(resolution: Resolution, parsed: ParsedResolution, write_votes: bool = True) -> None:
    by_key: dict[str, Paragraph] = {}
    # Parents come before their children in document order; write level by level.
    pending = list(parsed.paragraphs)
    while pending:
        ready = [p for p in pending if not p.parent_key or p.parent_key in by_key]
        if not ready:
            raise LoadError(f"{parsed.symbol}: paragraph parents form a cycle")
        rows = Paragraph.objects.bulk_create(
            [
                Paragraph(
                    resolution=resolution,
                    key=p.key,
                    kind=p.kind,
                    number=p.number,
                    order=p.order,
                    parent=by_key.get(p.parent_key) if p.parent_key else None,
                    part=p.part,
                    heading=p.heading,
                    opening_phrase=p.opening_phrase,
                    text=p.text,
                )
                for p in ready
            ]
        )
        by_key.update({row.key: row for row in rows})
        ready_keys = {p.key for p in ready}
        pending = [p for p in pending if p.key not in ready_keys]

    footnotes = Footnote.objects.bulk_create(
        [
            Footnote(
                resolution=resolution,
                marker=f.marker,
                order=index,
                text=f.text,
                paragraph=by_key.get(f.paragraph_key),
                offset=f.offset,
            )
            for index, f in enumerate(parsed.footnotes, start=1)
        ]
    )
    FootnoteReference.objects.bulk_create(
        FootnoteReference(footnote=row, paragraph=by_key[place.paragraph_key], offset=place.offset)
        for row, f in zip(footnotes, parsed.footnotes, strict=False)
        for place in f.further_places
    )
    footnote_by_marker = {f.marker: f for f in footnotes}
    Citation.objects.bulk_create(
        [
            Citation(
                resolution=resolution,
                paragraph=by_key.get(c.paragraph_key) if c.paragraph_key else None,
                footnote=None if c.paragraph_key else footnote_by_marker[c.footnote_marker],
                target_symbol=c.symbol,
                target_paragraph=c.target_paragraph,
                matched_text=c.text,
                start=c.start,
                end=c.end,
                kind=c.kind,
            )
            for c in parsed.citations
        ]
    )
    if write_votes:
        Vote.objects.bulk_create(
            [Vote(resolution=resolution, member_state=v.member_state, vote=v.vote) for v in parsed.votes]
        )


def resolve_citations(resolution: Resolution) -> None:
    """Link citations to ``resolution`` from anywhere, and its own citations to what the archive holds.

    Two UPDATEs whatever the number of citations (both use the upper-case symbol indexes).
    """
    Citation.objects.annotate(upper_symbol=Upper("target_symbol")).filter(
        upper_symbol=resolution.symbol.upper()
    ).update(target=resolution)
    holder = Resolution.objects.annotate(upper_symbol=Upper("symbol")).filter(
        upper_symbol=Upper(OuterRef("target_symbol"))
    )
    Citation.objects.filter(resolution=resolution, kind=Citation.RESOLUTION).update(
        target_id=Subquery(holder.values("pk")[:1])
    )
