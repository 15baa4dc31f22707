"""What curators do to a resolution's text: pin the source that gives it, or correct a paragraph.

Both go through the one writer (``resolutions.store.load``), so a changed
text keeps every old paragraph address answering (an earlier version, dated)
and the search index follows; the agreed-language lineage is refreshed after. Neither reads a file again: every source keeps
what it gave, as parsed (``ResolutionSource.parsed``). A correction is a
source of its own (format ``correction``), made from the text as it stands,
pinned when it is made; unpinning it gives the text back to the sources by
the rule of ``resolutions.store.provenance``.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from resolutions.citations.extract import find_citations
from resolutions.ingest.document import ParsedResolution
from resolutions.models import Resolution, ResolutionSource
from resolutions.store.lineage import lineage_after_import
from resolutions.store.load import load_resolution
from resolutions.store.outcomes import LoadResult
from resolutions.store.provenance import CORRECTION_FORMAT, SourceRef, text_source
from resolutions.store.validation import LoadError


@dataclass
class TextSelection:
    """What applying the source rule did: the source now giving the text, and the load (None: no change)."""

    source: ResolutionSource | None
    result: LoadResult | None = None
    unkept: list[str] | None = None  # sources the rule would prefer whose content the archive never kept

    def describe(self) -> str:
        if self.source is None:
            return "no source of this resolution has its content kept; import one again to choose its text"
        line = f"text from {self.source.name} ({self.source.format})"
        line += f": {self.result.describe()}" if self.result else ": already so, nothing changed"
        if self.unkept:
            line += "; not applied (imported before the archive kept sources' content, import again): "
            line += ", ".join(self.unkept)
        return line


def resolution_text_select(*, resolution: Resolution) -> TextSelection:
    """Give ``resolution`` the text of the source the rule chooses (its pin first), from that source's kept content.

    A source whose content was never kept (imported before the archive kept
    it) cannot be applied without its file; it is named, and the best source
    with kept content gives the text meanwhile.
    """
    sources = list(resolution.sources.filter(language=resolution.language))  # the record's text's sources
    kept = [source for source in sources if source.parsed is not None]
    chosen_ref = text_source([(SourceRef(s.format, s.sha256), s.imported_at) for s in kept], resolution.source_pin)
    best_ref = text_source([(SourceRef(s.format, s.sha256), s.imported_at) for s in sources], resolution.source_pin)
    unkept = [s.name for s in sources if best_ref and s.sha256 == best_ref.sha256 and s.parsed is None]
    if chosen_ref is None:
        return TextSelection(None, unkept=unkept)
    chosen = next(source for source in kept if source.sha256 == chosen_ref.sha256)
    if chosen.sha256 == resolution.source_sha256:
        return TextSelection(chosen, unkept=unkept)
    result = load_resolution(ParsedResolution.from_dict(chosen.parsed), origin=chosen.origin)
    lineage_after_import(resolution_ids=[resolution.pk])
    return TextSelection(chosen, result, unkept)


def resolution_source_pin(*, resolution: Resolution, sha256: str) -> TextSelection:
    """Pin the source with ``sha256`` ("" to unpin) and give the resolution the text the rule now chooses."""
    if sha256 and not resolution.sources.filter(sha256=sha256, language=resolution.language).exists():
        raise LoadError(f"{resolution.symbol}: no source of this resolution has the SHA-256 {sha256}")
    with transaction.atomic():
        Resolution.objects.filter(pk=resolution.pk).update(source_pin=sha256)
        resolution.refresh_from_db()
        return resolution_text_select(resolution=resolution)


def paragraph_correct(*, resolution: Resolution, key: str, text: str, curator: str, reason: str) -> TextSelection:
    """Correct paragraph ``key``'s text: a correction source made from the text as it stands, pinned, applied.

    The paragraph's footnote markers keep their places in the edited words;
    its citations are read again from the new text. Refused (``LoadError``)
    when the text's source has no kept content, the key is not there, the
    text is empty or unchanged, or no reason is given.
    """
    text, reason = " ".join(text.split()), " ".join(reason.split())
    current = resolution.sources.filter(sha256=resolution.source_sha256).first()
    if current is None or current.parsed is None:
        raise LoadError(
            f"{resolution.symbol}: its text's source was imported before the archive kept sources' content; "
            "import it again, then correct it"
        )
    if not reason:
        raise LoadError(f"{resolution.symbol}: say why the text is corrected (what the correction was checked against)")
    corrected = corrected_content(current.parsed, key=key, text=text, symbol=resolution.symbol)
    now = timezone.now()
    corrected["source"] = {
        "name": f"correction of {key} by {curator}, {now:%Y-%m-%d %H:%M} UTC",
        "format": CORRECTION_FORMAT,
        "sha256": hashlib.sha256(json.dumps(corrected, sort_keys=True, ensure_ascii=False).encode()).hexdigest(),
    }
    parsed = ParsedResolution.from_dict(corrected)
    with transaction.atomic():
        Resolution.objects.filter(pk=resolution.pk).update(source_pin=parsed.source.sha256)
        result = load_resolution(parsed, origin=f"{curator}: {reason}")
        resolution.refresh_from_db()
        source = resolution.sources.get(sha256=parsed.source.sha256)
    lineage_after_import(resolution_ids=[resolution.pk])
    return TextSelection(source, result)


def corrected_content(content: dict, *, key: str, text: str, symbol: str) -> dict:
    """A copy of a source's parsed content with paragraph ``key`` reading ``text`` (pure).

    Footnote markers in the paragraph move with the words around them; the
    paragraph's citations are found again in the new text.
    """
    corrected = copy.deepcopy(content)
    paragraph = next((item for item in corrected["paragraphs"] if item["key"] == key), None)
    if paragraph is None:
        raise LoadError(f"{symbol}: no paragraph {key} to correct")
    if not text:
        raise LoadError(f"{symbol} {key}: a corrected paragraph cannot be empty")
    old = paragraph["text"]
    if old == text:
        raise LoadError(f"{symbol} {key}: the text is unchanged")
    paragraph["text"] = text
    places = [note for note in corrected["footnotes"] if note["paragraph"] == key]
    places += [
        place for note in corrected["footnotes"] for place in note["further_places"] if place["paragraph"] == key
    ]
    for place in places:
        if place["offset"] is not None:
            place["offset"] = moved_offset(old, text, place["offset"])
    corrected["citations"] = [item for item in corrected["citations"] if item["paragraph"] != key]
    for citation in find_citations(text, context_body=corrected["body"]):
        if citation.symbol.upper() != symbol.upper():
            found = dataclasses.asdict(citation)
            del found["paragraph_key"]
            corrected["citations"].append({**found, "paragraph": key})
    return corrected


def moved_offset(old: str, new: str, offset: int) -> int:
    """Where a position between characters of ``old`` stands in ``new``: with the words around it (pure)."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if i1 <= offset < i2 or (offset == i2 and tag == "equal"):
            return j1 + (offset - i1) if tag == "equal" else (j2 if offset > i1 else j1)
    return len(new)
