"""The one import service: a source (uploaded bytes or a file) parsed, then loaded resolution by resolution.

``manage.py ingest`` and the admin's "Import a source" both call it and
report what it returns. Each resolution is loaded in its own transaction
(``resolutions.store.load``), so one that cannot be loaded is named and the
others of the same source still are; a dry run plans every load and writes
nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, InterfaceError, OperationalError

from resolutions.ingest.document import ParsedDocument, ParseError, SkippedSource
from resolutions.ingest.pipeline import parse_bytes, parse_path
from resolutions.store.lineage import lineage_after_import
from resolutions.store.load import load_resolution, plan_load
from resolutions.store.outcomes import CREATED, SOURCE_ADDED, UNCHANGED, UPDATED, LoadResult
from resolutions.store.validation import LoadError


@dataclass
class SourceImport:
    """What importing one source did (or, in a dry run, would do)."""

    results: list[LoadResult] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # the source's parse error, or each resolution's load error
    warnings: list[str] = field(default_factory=list)  # the parser's, for the whole source and per resolution
    skipped: str = ""  # why the source is deliberately not imported (a language the archive does not take)

    @property
    def problems(self) -> list[str]:
        """What kept the source, or some of its resolutions, out of the archive."""
        return [self.skipped] if self.skipped else self.failures


def source_import(
    *, data: bytes, name: str, format: str | None = None, origin: str, dry_run: bool = False
) -> SourceImport:
    """Parse ``data`` (a file called ``name``; its format detected unless given) and load what it holds."""
    try:
        document = parse_bytes(data, name, format)
    except SkippedSource as reason:
        return SourceImport(skipped=str(reason))
    except ParseError as error:
        return SourceImport(failures=[str(error)])
    return _document_load(document, origin=origin, dry_run=dry_run)


@dataclass
class ImportRun:
    """What one run over many files (``manage.py ingest``) has loaded so far, to refuse conflicts within it:
    two files of the same kind (format) giving different texts for one symbol in one language. Loading both
    would let the later silently replace the earlier, and every re-run would replace it back and forth."""

    # (symbol, language, format) -> (file, hash): one text per language, so the French file is no conflict
    texts: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    # Resolutions whose text the run wrote: their agreed-language lineage is refreshed once, when the run ends
    # (``finish``), not after every file (each refresh re-reads the series of a whole body).
    written: set[int] = field(default_factory=set)

    def finish(self) -> None:
        """Refresh the lineage of every resolution the run wrote."""
        if self.written:
            lineage_after_import(resolution_ids=sorted(self.written))
            self.written.clear()

    def conflict(self, parsed, origin: str) -> str | None:
        """Why ``parsed`` (from the file ``origin``) is refused, or None; remembers it when it is not."""
        key = (parsed.symbol, parsed.language, parsed.source.format)
        text = _text_hash(parsed)
        name = Path(origin).name
        earlier = self.texts.setdefault(key, (name, text))
        if earlier[1] == text or earlier[0] == name:
            return None
        return (
            f"{name}: {parsed.symbol} is also in {earlier[0]}, from the same kind of source ({parsed.source.format}) "
            f"with a different text: refused, {earlier[0]} stands. Keep the right file (or import the correction "
            "in a run of its own, to replace the text on purpose)."
        )


def _text_hash(parsed) -> str:
    digest = hashlib.sha256()
    for paragraph in parsed.paragraphs:
        digest.update(f"{paragraph.key}\t{paragraph.text}\n".encode())
    for footnote in parsed.footnotes:
        digest.update(f"{footnote.marker}\t{footnote.text}\n".encode())
    return digest.hexdigest()


def path_import(
    *,
    path: Path,
    format: str | None = None,
    dry_run: bool = False,
    ocr_language: str | None = None,
    run: ImportRun | None = None,
) -> SourceImport:
    """Parse a source file (with the metadata kept beside it) and load what it holds; its path is its origin.

    ``ocr_language`` (ISO 639-1) is the language a scanned PDF is read in when ``format`` is OCR; ``run``
    refuses a resolution another file of the same run gave a different text.
    """
    try:
        document = parse_path(path, format, ocr_language=ocr_language)
    except SkippedSource as reason:
        return SourceImport(skipped=str(reason))
    except ParseError as error:
        return SourceImport(failures=[str(error)])
    return _document_load(document, origin=str(path.resolve()), dry_run=dry_run, run=run)


def _document_load(
    document: ParsedDocument, *, origin: str, dry_run: bool, run: ImportRun | None = None
) -> SourceImport:
    imported = SourceImport(warnings=document.warnings + [w for r in document.resolutions for w in r.warnings])
    for parsed in document.resolutions:
        refused = run.conflict(parsed, origin) if run is not None else None
        if refused:
            imported.failures.append(refused)
            continue
        try:
            result = plan_load(parsed) if dry_run else load_resolution(parsed, origin=origin)
        except LoadError as error:
            imported.failures.append(_naming_the_file(origin, str(error)))
            continue
        except (OperationalError, InterfaceError):
            raise  # the database is away: every other resolution would fail the same way
        except DatabaseError as error:
            # Content the checks let through and PostgreSQL refused (its transaction rolled back): named, and
            # the run goes on with the next resolution and file.
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            imported.failures.append(
                _naming_the_file(origin, f"{parsed.symbol}: the database refused it ({reason}); nothing of it imported")
            )
            continue
        imported.results.append(result)
        imported.warnings += result.warnings  # paragraphs not aligned across languages
    if not dry_run:
        changed = [r.resolution_id for r in imported.results if r.outcome in (CREATED, UPDATED) and r.resolution_id]
        if run is not None:
            run.written.update(changed)  # refreshed when the run ends
        elif changed:
            lineage_after_import(resolution_ids=changed)  # agreed language is derived from the texts
    return imported


def _naming_the_file(origin: str, message: str) -> str:
    """``message`` led by the name of the file being imported, when it does not name it already (a message
    may name the source a resolution was first parsed from, which is not always the file at hand)."""
    name = Path(origin).name
    return message if not name or name in message else f"{name}: {message}"


@dataclass
class ImportTally:
    """The sum of a run's imports, for its summary line."""

    files: int
    dry_run: bool = False
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    warnings: int = 0
    paragraphs: int = 0

    def add(self, imported: SourceImport) -> None:
        if imported.skipped:
            self.outcomes["skipped"] += 1
        self.failures += imported.failures
        self.warnings += len(imported.warnings)
        for result in imported.results:
            self.outcomes[result.outcome] += 1
            self.paragraphs += result.paragraphs

    def summary(self, seconds: float) -> str:
        """'12 files in 3.1s: 10 created, 1 updated, …; 480 paragraphs, 2 warnings'."""
        counts = self.outcomes
        return (
            ("dry run, nothing written: " if self.dry_run else "")
            + f"{self.files} files in {seconds:.1f}s: {counts[CREATED]} created, {counts[UPDATED]} updated, "
            f"{counts[UNCHANGED]} unchanged, {counts[SOURCE_ADDED]} sources added (text from a source of higher "
            f"precedence), {counts['skipped']} skipped, {len(self.failures)} failed; {self.paragraphs} paragraphs, "
            f"{self.warnings} warnings"
        )
