"""The atomic write: one parsed resolution into the database.

``load_resolution`` is the only code that writes a resolution with its
paragraphs, footnotes, citations and votes. It runs in one transaction, so
a failure at any row leaves the database as it was. Re-loading the same
parsed content is a no-op ("unchanged"); changed content replaces the
resolution's rows, keeping paragraph keys (and so every permalink) stable.
Citations are resolved on every load, in both directions, so a later import
links the citations that earlier ones made to it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Upper

from resolutions.bodies import BODIES
from resolutions.ingest.document import ParsedResolution
from resolutions.models import Body, Citation, Footnote, Paragraph, Resolution, Vote
from resolutions.search.index import indexing

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class LoadError(Exception):
    """Parsed content that breaks an invariant (duplicate keys, unknown body…)."""


@dataclass
class LoadResult:
    symbol: str
    outcome: str  # CREATED / UPDATED / UNCHANGED
    paragraphs: int = 0
    resolution_id: int | None = None


def content_hash(parsed: ParsedResolution) -> str:
    """A fingerprint of everything the archive stores from a parsed resolution."""
    data = parsed.to_dict()
    data.pop("warnings", None)
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
            raise LoadError(f"{where}: {name} is {len(value)} characters, more than the {limit} the archive stores: {value[:60]!r}…")


def validate(parsed: ParsedResolution) -> None:
    """Invariants the database would also refuse, reported in words a curator understands."""
    where = f"{parsed.source.name} ({parsed.symbol})"
    _check_lengths(where, Resolution, {name: getattr(parsed, name) for name in RESOLUTION_TEXT_FIELDS})
    for paragraph in parsed.paragraphs:
        _check_lengths(f"{where} paragraph {paragraph.key}", Paragraph, {
            "key": paragraph.key, "number": paragraph.number, "part": paragraph.part,
            "opening_phrase": paragraph.opening_phrase,
        })
    for footnote in parsed.footnotes:
        _check_lengths(f"{where} footnote {footnote.marker}", Footnote, {"marker": footnote.marker})
    for citation in parsed.citations:
        _check_lengths(f"{where} citation {citation.text[:40]!r}", Citation, {
            "target_symbol": citation.symbol, "target_paragraph": citation.target_paragraph,
        })
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
            raise LoadError(f"{where}: footnote {footnote.marker} points at unknown paragraph {footnote.paragraph_key!r}")
    markers = {f.marker for f in parsed.footnotes}
    for citation in parsed.citations:
        if citation.paragraph_key and citation.paragraph_key not in seen:
            raise LoadError(f"{where}: citation {citation.text!r} in unknown paragraph {citation.paragraph_key!r}")
        if not citation.paragraph_key and citation.footnote_marker not in markers:
            raise LoadError(f"{where}: citation {citation.text!r} is in no paragraph or footnote")


def load_resolution(parsed: ParsedResolution) -> LoadResult:
    """Write one parsed resolution atomically, then index it (``resolutions.search.index``); return what happened.

    Inside ``indexing()`` (an import run) the index commits about every
    second; alone, at once. A failed write leaves the index as it was.
    """
    validate(parsed)
    with indexing() as session:
        result = _write(parsed)
        if result.outcome != UNCHANGED:
            session.resolution_changed(result.resolution_id)
    return result


def _write(parsed: ParsedResolution) -> LoadResult:
    fingerprint = content_hash(parsed)
    with transaction.atomic():
        _lock_symbol(parsed.symbol)
        existing = Resolution.objects.select_for_update().filter(symbol=parsed.symbol).first()
        if existing is not None and existing.content_hash == fingerprint:
            return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk)
        body = ensure_body(parsed.body)
        fields = {
            "body": body,
            "session": parsed.session,
            "session_sort": session_sort_key(parsed.session),
            "session_label": BODIES[parsed.body].session_label(parsed.session),
            "number": parsed.number,
            "title": parsed.title,
            "adopted_on": parsed.adopted_on,
            "meeting": parsed.meeting,
            "report": parsed.report,
            "agenda_item": parsed.agenda_item,
            "committee": parsed.committee,
            "language": parsed.language,
            "metadata": parsed.metadata,
            "source_name": parsed.source.name,
            "source_format": parsed.source.format,
            "source_sha256": parsed.source.sha256,
            "content_hash": fingerprint,
        }
        if existing is None:
            resolution = Resolution.objects.create(symbol=parsed.symbol, **fields)
            outcome = CREATED
        else:
            resolution = existing
            for name, value in fields.items():
                setattr(resolution, name, value)
            resolution.save()
            # Rows are replaced whole; keys (and so URLs) come from the printed text.
            resolution.paragraphs.all().delete()
            resolution.footnotes.all().delete()
            resolution.votes.all().delete()
            outcome = UPDATED
        _write_children(resolution, parsed)
        resolve_citations(resolution)
    return LoadResult(parsed.symbol, outcome, len(parsed.paragraphs), resolution.pk)


def _lock_symbol(symbol: str) -> None:
    """Serialise concurrent loads of one symbol (two imports of the same source at once)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [symbol.upper()])


def _write_children(resolution: Resolution, parsed: ParsedResolution) -> None:
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
