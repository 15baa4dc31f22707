"""Footnote markers taken out of paragraph texts: each footnote gets the paragraph and offset of its marker.

Explicit markers (``<sup>1</sup>``, ¹, ``[^1]``) printed again later (a paragraph referring to the same
note) become the footnote's further places. Plain digits printed again are taken only where the layout
leaves no doubt: glued to the end of a lower-case word or to the punctuation closing one ("Agenda,1",
"goals1"), and the number of a footnote already placed before; a digit after a space, or after a
capital or a figure ("G20", "CO2", "70/1"), may as well be a number of the text, and is left alone.
"""

from __future__ import annotations

import re

from resolutions.ingest.document import FootnotePlace, ParsedFootnote, ParsedParagraph
from resolutions.ingest.text.markers import next_plain_marker, strip_explicit_markers
from resolutions.ingest.text.segments import RawFootnote
from resolutions.reference.languages.base import Language


def place_footnotes(
    paragraphs: list[ParsedParagraph],
    footnotes: list[RawFootnote],
    marker_style: str,
    warnings: list[str],
    language: Language,
) -> list[ParsedFootnote]:
    """The footnotes with their places; paragraph texts lose their markers. ``marker_style``: "explicit" or "plain"."""
    if marker_style == "explicit":
        placed = place_explicit_markers(paragraphs, {f.marker for f in footnotes}, warnings)
    else:
        placed = place_plain_markers(paragraphs, footnotes, language)
        place_repeated_plain_markers(paragraphs, placed)
    result = []
    for footnote in footnotes:
        found = placed.get(footnote.marker) or ParsedFootnote(footnote.marker, "")
        if not found.paragraph_key:
            warnings.append(f"line {footnote.line}: footnote {footnote.marker} has no marker in the text")
        result.append(
            ParsedFootnote(
                footnote.marker,
                footnote.text,
                found.paragraph_key,
                found.offset,
                list(found.further_places),
                footnote.emphasis,
            )
        )
    return result


def place_explicit_markers(
    paragraphs: list[ParsedParagraph], markers_with_text: set[str], warnings: list[str]
) -> dict[str, ParsedFootnote]:
    """Every explicit marker, in every paragraph: the first is the footnote's place, the others further ones."""
    placed: dict[str, ParsedFootnote] = {}
    for paragraph in paragraphs:
        clean, markers = strip_explicit_markers(paragraph.text)
        paragraph.text = clean
        for marker, offset in markers:
            if marker not in markers_with_text:
                warnings.append(f"footnote marker {marker} in {paragraph.key} has no footnote text")
                continue
            first = placed.setdefault(marker, ParsedFootnote(marker, "", paragraph.key, offset))
            place = FootnotePlace(paragraph.key, offset)
            if (first.paragraph_key, first.offset) != (paragraph.key, offset) and place not in first.further_places:
                first.further_places.append(place)
    return placed


def place_plain_markers(
    paragraphs: list[ParsedParagraph], footnotes: list[RawFootnote], language: Language
) -> dict[str, ParsedFootnote]:
    """Markers printed as digits, looked for in footnote order from where the last one stood.

    A marker whose only candidate comes after the next marker's first
    candidate is left unplaced (with a warning) rather than taken: a
    false find far ahead would push every later marker out of reach.
    """
    placed: dict[str, ParsedFootnote] = {}
    numbered = [f for f in footnotes if f.marker.isdigit()]
    index, position = 0, 0
    for number, footnote in enumerate(numbered):
        found = next_plain_marker(paragraphs, int(footnote.marker), index, position, language)
        if found is None:
            continue
        if number + 1 < len(numbered):
            following = next_plain_marker(paragraphs, int(numbered[number + 1].marker), index, position, language)
            if following is not None and following < found:
                continue
        candidate, start, end = found
        paragraph = paragraphs[candidate]
        paragraph.text, offset = _without_span(paragraph.text, start, end)
        placed[footnote.marker] = ParsedFootnote(footnote.marker, "", paragraph.key, offset)
        index, position = candidate, offset
    return placed


# Digits glued to a lower-case word or to the punctuation closing one, and followed by no word, figure or unit.
REPEATED_PLAIN_MARKER_RE = re.compile(
    r"(?<=[a-z][a-z]|[a-z][,;:.)\]”’\"]|[)\]”’\"][,;:.])(?P<marker>[1-9]\d{0,2})(?![\w%‰‑–/-]|[.,]\d)"
)


def place_repeated_plain_markers(paragraphs: list[ParsedParagraph], placed: dict[str, ParsedFootnote]) -> None:
    """Further places of plain-digit markers printed again after their footnote's first place (see the module)."""
    order = {paragraph.key: index for index, paragraph in enumerate(paragraphs)}
    for index, paragraph in enumerate(paragraphs):
        position = 0
        while match := REPEATED_PLAIN_MARKER_RE.search(paragraph.text, position):
            footnote = placed.get(match.group("marker"))
            if footnote is None or (order[footnote.paragraph_key], footnote.offset) >= (index, match.start()):
                position = match.end()
                continue
            paragraph.text, offset = _without_span(paragraph.text, match.start(), match.end())
            _shift_places_after(placed, paragraph.key, offset, match.end() - match.start())
            footnote.further_places.append(FootnotePlace(paragraph.key, offset))
            position = offset


def _shift_places_after(placed: dict[str, ParsedFootnote], key: str, offset: int, removed: int) -> None:
    """Places in a paragraph after a span just removed from its text move back by the span's length."""
    for footnote in placed.values():
        if footnote.paragraph_key == key and footnote.offset > offset:
            footnote.offset -= removed
        footnote.further_places[:] = [
            FootnotePlace(p.paragraph_key, p.offset - removed) if p.paragraph_key == key and p.offset > offset else p
            for p in footnote.further_places
        ]


def _without_span(text: str, start: int, end: int) -> tuple[str, int]:
    """The text without a marker's span, one space kept between the words around it; and the marker's offset."""
    before, after = text[:start].rstrip(" ") if text[start] == " " else text[:start], text[end:]
    if before.endswith(" ") and after.startswith(" "):
        before = before.rstrip(" ")
    elif after.startswith(" ") and not before:
        after = after.lstrip(" ")
    return before + after, len(before)
