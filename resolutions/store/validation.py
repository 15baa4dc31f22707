"""What a parsed resolution must satisfy before either writer stores it.

The database would refuse the same content; these checks say why in words a
curator understands, naming the source, the resolution and the paragraph.
"""

from __future__ import annotations

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Citation, Footnote, Paragraph, Resolution
from resolutions.reference.member_states import state_code

# The longest paragraph (or footnote) the archive takes. The longest in the UN's General Assembly corpus are
# a few thousand characters; a source with one of megabytes is damaged or not a resolution, and would make
# a page of that many megabytes.
MAX_PARAGRAPH_CHARS = 100_000
RESOLUTION_TEXT_FIELDS = ("symbol", "session", "number", "meeting", "report", "agenda_item", "committee", "language")


class LoadError(Exception):
    """Parsed content that breaks an invariant (duplicate keys, unknown body…)."""


def validate(parsed: ParsedResolution) -> None:
    """Raise ``LoadError`` for a value longer than its column, or a reference to a paragraph or note not there."""
    where = f"{parsed.source.name} ({parsed.symbol})"
    _check_field_lengths(where, parsed)
    _check_text_lengths(where, parsed)
    if not parsed.paragraphs:
        raise LoadError(f"{where}: no paragraphs")
    keys = _check_paragraph_keys(where, parsed)
    _check_footnote_places(where, parsed, keys)
    _check_citation_places(where, parsed, keys)
    _check_vote_states(where, parsed)


def _check_vote_states(where: str, parsed: ParsedResolution) -> None:
    """Every recorded vote names a Member State the archive can read (its record is the state's)."""
    unknown = sorted({vote.member_state for vote in parsed.votes if not state_code(vote.member_state)})
    if unknown:
        raise LoadError(
            f"{where}: the votes name {', '.join(repr(name) for name in unknown)}, which the archive does not read "
            "as a Member State; add the spelling to UN_SPELLINGS in resolutions/reference/member_states.py"
        )


def _check_lengths(where: str, model, values: dict[str, str]) -> None:
    for name, value in values.items():
        limit = model._meta.get_field(name).max_length
        if value and len(value) > limit:
            raise LoadError(
                f"{where}: {name} is {len(value)} characters, more than the {limit} the archive stores: {value[:60]!r}…"
            )


def _check_field_lengths(where: str, parsed: ParsedResolution) -> None:
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
            {"target_symbol": citation.symbol, "target_paragraph": citation.target_paragraph},
        )


def _check_text_lengths(where: str, parsed: ParsedResolution) -> None:
    """No paragraph or footnote longer than ``MAX_PARAGRAPH_CHARS``."""
    texts = [(f"paragraph {paragraph.key}", paragraph.text) for paragraph in parsed.paragraphs]
    texts += [(f"footnote {footnote.marker}", footnote.text) for footnote in parsed.footnotes]
    for name, text in texts:
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise LoadError(
                f"{where}: {name} is {len(text):,} characters, more than the {MAX_PARAGRAPH_CHARS:,} a paragraph "
                f"may have (a damaged source?): {text[:60]!r}…; nothing of this resolution imported"
            )


def _check_paragraph_keys(where: str, parsed: ParsedResolution) -> set[str]:
    """Keys are unique and every parent comes before its children; return the keys."""
    seen: set[str] = set()
    for paragraph in parsed.paragraphs:
        if paragraph.key in seen:
            raise LoadError(f"{where}: paragraph {paragraph.key!r} appears twice (duplicate paragraph number)")
        seen.add(paragraph.key)
        if paragraph.parent_key and paragraph.parent_key not in seen:
            raise LoadError(f"{where}: paragraph {paragraph.key!r} has unknown parent {paragraph.parent_key!r}")
    return seen


def _check_footnote_places(where: str, parsed: ParsedResolution, keys: set[str]) -> None:
    for footnote in parsed.footnotes:
        if footnote.paragraph_key and footnote.paragraph_key not in keys:
            raise LoadError(
                f"{where}: footnote {footnote.marker} points at unknown paragraph {footnote.paragraph_key!r}"
            )
        for place in footnote.further_places:
            if place.paragraph_key not in keys:
                raise LoadError(
                    f"{where}: footnote {footnote.marker} is printed again in unknown paragraph {place.paragraph_key!r}"
                )


def _check_citation_places(where: str, parsed: ParsedResolution, keys: set[str]) -> None:
    markers = {footnote.marker for footnote in parsed.footnotes}
    for citation in parsed.citations:
        if citation.paragraph_key and citation.paragraph_key not in keys:
            raise LoadError(f"{where}: citation {citation.text!r} in unknown paragraph {citation.paragraph_key!r}")
        if not citation.paragraph_key and citation.footnote_marker not in markers:
            raise LoadError(f"{where}: citation {citation.text!r} is in no paragraph or footnote")
