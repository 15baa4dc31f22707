"""Paragraphs as printed: annotated text, number as printed, depth of indentation, annex headings, permalink."""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.models import Citation, Footnote, Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.web.presenters.citations import links_by
from resolutions.web.presenters.footnotes import MarkerPlace, footnote_markers
from resolutions.web.rendering import Link, Marker, annotate

MAX_DEPTH = 3  # deeper sub-paragraphs are indented as much as this


@dataclass
class ShownParagraph:
    paragraph: Paragraph
    html: str
    url: str
    depth: int
    printed_number: str
    title: str
    short_key: str
    part_heading: str = ""  # "Annex", shown before the first paragraph of an annex


def _printed_number(paragraph: Paragraph) -> str:
    """'5' -> '5.'; '(a)', '5.' and '5)' as they are."""
    number = paragraph.number.strip()
    if not number or number.startswith("(") or number.endswith((".", ")")):
        return number
    return number + "."


def _part_heading(part: str) -> str:
    """'annex' -> 'Annex', 'annex-ii' -> 'Annex II'."""
    name, _, numeral = part.partition("-")
    return f"{name.capitalize()} {numeral.upper()}".strip()


def _part_headings(paragraphs: list[Paragraph]) -> list[str]:
    """For each paragraph, the heading of the part it opens ("Annex II"), else ""."""
    headings, current = [], ""
    for paragraph in paragraphs:
        opens = paragraph.part != current
        current = paragraph.part
        headings.append(_part_heading(current) if opens and current else "")
    return headings


def _depths(paragraphs: list[Paragraph]) -> list[int]:
    """For each paragraph, how deep it is among sub-paragraphs (0: a top-level paragraph)."""
    depth: dict[int, int] = {}
    for paragraph in paragraphs:
        depth[paragraph.id] = depth.get(paragraph.parent_id, -1) + 1 if paragraph.parent_id else 0
    return [depth[paragraph.id] for paragraph in paragraphs]


def shown_paragraphs(
    resolution: Resolution,
    paragraphs: list[Paragraph],
    footnotes: list[Footnote],
    citations: list[Citation],
    places: dict[int, list[MarkerPlace]] | None = None,
) -> list[ShownParagraph]:
    """The paragraphs as printed: annotated text (a marker at every place of ``places``), depth of indentation,
    annex headings."""
    markers = footnote_markers(footnotes, places or {})
    links = links_by(citations, "paragraph_id")
    return [
        _shown(resolution, paragraph, links.get(paragraph.id, []), markers.get(paragraph.id, []), depth, heading)
        for paragraph, depth, heading in zip(paragraphs, _depths(paragraphs), _part_headings(paragraphs), strict=True)
    ]


def _shown(
    resolution: Resolution, paragraph: Paragraph, links: list[Link], markers: list[Marker], depth: int, heading: str
) -> ShownParagraph:
    return ShownParagraph(
        paragraph=paragraph,
        html=annotate(paragraph.text, opening_phrase=paragraph.opening_phrase, links=links, markers=markers),
        url=permalinks.paragraph_url(resolution.symbol, paragraph.key),
        depth=min(depth, MAX_DEPTH),
        printed_number=_printed_number(paragraph),
        title=permalinks.paragraph_title(paragraph.key),
        short_key=permalinks.short_key(paragraph.key),
        part_heading=heading,
    )
