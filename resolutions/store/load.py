"""The atomic write: one parsed resolution into the database.

``load_resolution`` writes a resolution with its paragraphs, footnotes (and
every further place their markers are printed), citations and votes, taking
the rows from ``resolutions.store.rows`` as the bulk load does. It runs in one
transaction, so a failure at any row leaves the database as it was.
Re-loading the same parsed content is a no-op ("unchanged"); changed content
replaces the resolution's rows, keeping paragraph keys (and so every
permalink) stable. Every source is kept (``ResolutionSource``); which one
gives the text, and how metadata from one is never erased by another, is the
rule written in ``resolutions.store.provenance`` and applied by
``resolutions.store.merging``. A text that replaces another keeps every old
paragraph address answering (``ParagraphVersion``: a redirect to the key the
text moved to, or the old text as a dated earlier version). Citations are
resolved on every load, in both directions, so a later import links the
citations that earlier ones made to it.

Languages: a resolution (the work) has one text per language (``Expression``).
The English text gives the work its record (title, source, votes, metadata);
until the archive holds it, the first language imported does. A source in
another language writes only that language's text (paragraphs, footnotes,
their citations, its ``Expression``), by the same precedence and version
rules applied within the language, and never touches the work, its votes or
another language's text; an English source replaces only the English text.
Where a language's paragraph keys differ from the English ones, the load
warns, naming the keys missing and extra (``resolutions.store.alignment``).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Expression, Footnote, Paragraph, Resolution, Vote
from resolutions.reference.languages.official import ENGLISH
from resolutions.search.index import backlog_record, data_version_advance, indexing
from resolutions.store.alignment import alignment_warnings
from resolutions.store.bodies import body_get_or_create
from resolutions.store.children import SequenceIds, children_create, record_rows_replace, text_children_create
from resolutions.store.citation_targets import citation_targets_resolve
from resolutions.store.merging import earlier_kept, gaps_fill, gaps_filled, source_gives_text
from resolutions.store.outcomes import CREATED, SOURCE_ADDED, UNCHANGED, UPDATED, LoadResult
from resolutions.store.provenance import SourceRef, gives_text, paragraph_changes
from resolutions.store.reference_ids import ReferenceIds
from resolutions.store.rows import content_hash, expression_row, resolution_row, vote_rows
from resolutions.store.sources import resolution_source_record
from resolutions.store.validation import validate
from resolutions.store.versions import paragraph_versions_create


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
    if not _gives_record(existing, parsed):
        return _plan_expression(existing, parsed)
    if existing.language != parsed.language:
        changes = paragraph_changes([], _parsed_paragraphs(parsed))
        return LoadResult(parsed.symbol, UPDATED, len(parsed.paragraphs), existing.pk, gives_text=True, changes=changes)
    if not source_gives_text(existing, parsed):
        filled = gaps_filled(existing, parsed, existing_votes=existing.votes.count())
        known = existing.sources.filter(sha256=parsed.source.sha256).exists()
        outcome = SOURCE_ADDED if filled or not known else UNCHANGED
        return LoadResult(parsed.symbol, outcome, len(parsed.paragraphs), existing.pk, gives_text=False, filled=filled)
    if existing.content_hash == content_hash(parsed):
        return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk, gives_text=True)
    changes = paragraph_changes(_stored_paragraphs(existing, parsed.language), _parsed_paragraphs(parsed))
    return LoadResult(parsed.symbol, UPDATED, len(parsed.paragraphs), existing.pk, gives_text=True, changes=changes)


def _plan_expression(existing: Resolution, parsed: ParsedResolution) -> LoadResult:
    """What loading a text in a language other than the record's would do."""
    expression = existing.expressions.filter(language=parsed.language).first()
    count, warnings = len(parsed.paragraphs), alignment_warnings(existing, parsed)
    if expression is None:
        changes = paragraph_changes([], _parsed_paragraphs(parsed))
        return LoadResult(parsed.symbol, UPDATED, count, existing.pk, changes=changes, warnings=warnings)
    if not _expression_given_by(expression, parsed, existing.source_pin):
        known = existing.sources.filter(sha256=parsed.source.sha256).exists()
        outcome = UNCHANGED if known else SOURCE_ADDED
        return LoadResult(parsed.symbol, outcome, count, existing.pk, gives_text=False, warnings=warnings)
    if expression.content_hash == content_hash(parsed):
        return LoadResult(parsed.symbol, UNCHANGED, count, existing.pk, warnings=warnings)
    changes = paragraph_changes(_stored_paragraphs(existing, parsed.language), _parsed_paragraphs(parsed))
    return LoadResult(parsed.symbol, UPDATED, count, existing.pk, changes=changes, warnings=warnings)


def _gives_record(existing: Resolution, parsed: ParsedResolution) -> bool:
    """Whether the parsed text is in the language that gives the work its record: English, else the first held."""
    return parsed.language in (existing.language, ENGLISH)


def _write(parsed: ParsedResolution, origin: str) -> LoadResult:
    """In one transaction: the stage that fits what the archive already holds of this symbol, and (when it
    changed anything) the index backlog's entry, so an import killed before its index commit is caught up."""
    with transaction.atomic():
        transaction.on_commit(data_version_advance)  # pages read between the writes and the commit end too
        result = _write_stage(parsed, origin, timezone.now())
        if result.outcome != UNCHANGED:
            backlog_record([result.resolution_id])
    return result


def _write_stage(parsed: ParsedResolution, origin: str, now: dt.datetime) -> LoadResult:
    """The stage that fits what the archive already holds of this symbol (inside ``_write``'s transaction)."""
    _lock_symbol(parsed.symbol)
    existing = Resolution.objects.select_for_update().filter(symbol=parsed.symbol).first()
    if existing is not None and not _gives_record(existing, parsed):
        return _write_expression(existing, parsed, origin, now)
    taking_over = existing is not None and existing.language != parsed.language  # English after another
    if existing is not None and not taking_over and not source_gives_text(existing, parsed):
        return _add_source(existing, parsed, origin, now)
    row = resolution_row(parsed, body_id=body_get_or_create(code=parsed.body).pk)
    if existing is not None and not taking_over and existing.content_hash == row["content_hash"]:
        return _same_content(existing, parsed, origin, now)
    keep_votes = existing is not None and not parsed.votes and existing.votes.exists()
    if existing is None:
        resolution = Resolution.objects.create(**row)
        result = LoadResult(parsed.symbol, CREATED, len(parsed.paragraphs), resolution.pk, gives_text=True)
    else:
        resolution, result = existing, _replace(existing, parsed, row, now, keep_votes=keep_votes)
    _expression_record(resolution, parsed)
    resolution_source_record(resolution=resolution, parsed=parsed, origin=origin, imported_at=now)
    children_create(resolution=resolution, parsed=parsed, with_votes=not keep_votes)
    citation_targets_resolve(resolution=resolution)
    result.warnings = alignment_warnings(resolution, parsed)
    return result


def _write_expression(existing: Resolution, parsed: ParsedResolution, origin: str, now: dt.datetime) -> LoadResult:
    """A text in another language than the record's: that language's rows only; the work stays as it is."""
    count, warnings = len(parsed.paragraphs), alignment_warnings(existing, parsed)
    expression = existing.expressions.filter(language=parsed.language).first()
    recorded = resolution_source_record(resolution=existing, parsed=parsed, origin=origin, imported_at=now)
    if expression is not None and not _expression_given_by(expression, parsed, existing.source_pin):
        outcome = SOURCE_ADDED if recorded else UNCHANGED
        return LoadResult(parsed.symbol, outcome, count, existing.pk, gives_text=False, warnings=warnings)
    if expression is not None and expression.content_hash == content_hash(parsed):
        if recorded:
            existing.save(update_fields=["updated_at"])  # its page names its sources: cached pages end
        outcome = SOURCE_ADDED if recorded else UNCHANGED
        return LoadResult(parsed.symbol, outcome, count, existing.pk, warnings=warnings)
    changes = paragraph_changes(_stored_paragraphs(existing, parsed.language), _parsed_paragraphs(parsed))
    paragraph_versions_create(
        resolution=existing,
        language=parsed.language,
        changes=changes,
        source_name=parsed.source.name,
        replaced_at=now,
    )
    _text_delete(existing, parsed.language)
    _expression_record(existing, parsed)
    text_children_create(resolution=existing, parsed=parsed)
    citation_targets_resolve(resolution=existing)
    existing.save(update_fields=["updated_at"])  # cached pages of the resolution end
    return LoadResult(parsed.symbol, UPDATED, count, existing.pk, changes=changes, warnings=warnings)


def _expression_given_by(expression: Expression, parsed: ParsedResolution, pin: str) -> bool:
    """Whether ``parsed``'s source outranks (or is) the one giving this language's text (``store.provenance``)."""
    current = SourceRef(expression.source_format, expression.source_sha256)
    return gives_text(SourceRef(parsed.source.format, parsed.source.sha256), current, pin)


def _expression_record(resolution: Resolution, parsed: ParsedResolution) -> None:
    """The resolution's text in the parsed language now comes from the parsed source."""
    row = expression_row(parsed)
    Expression.objects.update_or_create(resolution=resolution, language=row.pop("language"), defaults=row)


def _text_delete(resolution: Resolution, language: str) -> None:
    """Every paragraph and footnote of one language (their citations and marker places go with them)."""
    Paragraph.all_languages.filter(resolution=resolution, language=language).delete()
    Footnote.all_languages.filter(resolution=resolution, language=language).delete()


def _lock_symbol(symbol: str) -> None:
    """Serialise concurrent loads of one symbol (two imports of the same source at once)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [symbol.upper()])


def _add_source(existing: Resolution, parsed: ParsedResolution, origin: str, now: dt.datetime) -> LoadResult:
    """A source below the one giving the text: kept, and it fills what the archive lacks; the text stays."""
    filled = gaps_filled(existing, parsed, existing_votes=existing.votes.count())
    recorded = resolution_source_record(resolution=existing, parsed=parsed, origin=origin, imported_at=now)
    if not filled and not recorded:
        return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk, gives_text=False)
    metadata_before = existing.metadata
    gaps_fill(existing, parsed, filled)
    existing.save()
    if existing.metadata != metadata_before:
        record_rows_replace(resolution=existing)
    if "votes" in filled:
        ids = SequenceIds({Vote: len(parsed.votes)})
        rows = vote_rows(parsed, resolution_id=existing.pk, ids=ids, refs=ReferenceIds())
        Vote.objects.bulk_create(Vote(**row) for row in rows)
    return LoadResult(parsed.symbol, SOURCE_ADDED, len(parsed.paragraphs), existing.pk, gives_text=False, filled=filled)


def _same_content(existing: Resolution, parsed: ParsedResolution, origin: str, now: dt.datetime) -> LoadResult:
    """Content the archive already holds: at most one more source to keep."""
    warnings = alignment_warnings(existing, parsed)
    if resolution_source_record(resolution=existing, parsed=parsed, origin=origin, imported_at=now):
        existing.save(update_fields=["updated_at"])  # its page names its sources: cached pages end
        return LoadResult(
            parsed.symbol, SOURCE_ADDED, len(parsed.paragraphs), existing.pk, gives_text=True, warnings=warnings
        )
    return LoadResult(parsed.symbol, UNCHANGED, len(parsed.paragraphs), existing.pk, gives_text=True, warnings=warnings)


def _replace(
    existing: Resolution, parsed: ParsedResolution, row: dict, now: dt.datetime, *, keep_votes: bool
) -> LoadResult:
    """New content for a stored resolution: its fields updated, its old texts kept, its rows cleared for new ones.

    Rows of the parsed language are replaced whole (the other languages' stay); keys (and so URLs) come
    from the printed text. Votes stay when the new source records none.
    """
    kept = earlier_kept(existing, parsed, row) + (["votes"] if keep_votes else [])
    changes = paragraph_changes(_stored_paragraphs(existing, parsed.language), _parsed_paragraphs(parsed))
    paragraph_versions_create(
        resolution=existing, language=parsed.language, changes=changes, source_name=parsed.source.name, replaced_at=now
    )
    for name, value in row.items():
        setattr(existing, name, value)
    existing.save()
    _text_delete(existing, parsed.language)
    for related in (existing.sponsors, existing.goal_links, existing.subject_links):
        related.all().delete()  # rebuilt from the merged metadata
    if not keep_votes:
        existing.votes.all().delete()
    return LoadResult(
        parsed.symbol, UPDATED, len(parsed.paragraphs), existing.pk, gives_text=True, kept=kept, changes=changes
    )


def _stored_paragraphs(resolution: Resolution, language: str) -> list[tuple[str, str]]:
    return list(Paragraph.all_languages.of(resolution, language).values_list("key", "text"))


def _parsed_paragraphs(parsed: ParsedResolution) -> list[tuple[str, str]]:
    return [(paragraph.key, paragraph.text) for paragraph in parsed.paragraphs]
