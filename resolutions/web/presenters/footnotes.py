"""Footnotes as the pages show them: a marker at every place a note is printed, each with its own anchor,
and the notes list, each note linking back to every place of its marker."""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.models import Citation, Footnote, Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.web.presenters.citations import links_by
from resolutions.web.rendering import Marker, annotate


@dataclass(frozen=True)
class MarkerPlace:
    """One place a footnote's marker is printed, with the id its marker carries there."""

    paragraph_id: int
    offset: int | None
    anchor: str  # "fnref-1" for the first place, "fnref-1-2" for the second…


def marker_places(
    footnotes: list[Footnote], places: dict[int, list[tuple[int, int | None]]]
) -> dict[int, list[MarkerPlace]]:
    """The places of each footnote's marker (``places`` as ``footnote_places`` reads them), with their anchors.

    Anchors are numbered along all of a footnote's places, so a place has
    the same id on the resolution page and on its paragraph's page.
    """
    orders = {footnote.id: footnote.order for footnote in footnotes}
    return {
        footnote_id: [
            MarkerPlace(paragraph_id, offset, f"fnref-{orders[footnote_id]}" + (f"-{index}" if index > 1 else ""))
            for index, (paragraph_id, offset) in enumerate(found, start=1)
        ]
        for footnote_id, found in places.items()
    }


def footnote_markers(footnotes: list[Footnote], places: dict[int, list[MarkerPlace]]) -> dict[int, list[Marker]]:
    """The markers to print in each paragraph (by paragraph id): every place of every footnote."""
    markers: dict[int, list[Marker]] = {}
    for footnote in footnotes:
        for place in places.get(footnote.id, ()):
            markers.setdefault(place.paragraph_id, []).append(
                Marker(place.offset, footnote.marker, f"#fn-{footnote.order}", place.anchor)
            )
    return markers


@dataclass(frozen=True)
class BackLink:
    """From a footnote back to one place its marker is printed."""

    href: str  # "#fnref-1-2", or another paragraph's page and its anchor
    label: str  # the paragraph's key as in the margin: "pp2"
    title: str  # "Preambular paragraph 2"


def shown_footnotes(
    resolution: Resolution,
    footnotes: list[Footnote],
    citations: list[Citation],
    places: dict[int, list[MarkerPlace]],
    paragraphs: list[Paragraph],
    here: Paragraph | None = None,
):
    """(footnote, annotated text, back links to each place of its marker) for the notes list.

    On a paragraph's page (``here``) a place in another paragraph links to
    that paragraph's page.
    """
    links = links_by(citations, "footnote_id")
    keys = {paragraph.id: paragraph.key for paragraph in paragraphs}

    def back(place: MarkerPlace) -> BackLink:
        key = keys[place.paragraph_id]
        page = "" if here is None or place.paragraph_id == here.id else permalinks.paragraph_url(resolution.symbol, key)
        return BackLink(f"{page}#{place.anchor}", permalinks.short_key(key), permalinks.paragraph_title(key))

    return [
        (
            footnote,
            annotate(footnote.text, emphasis=footnote.emphasis, links=links.get(footnote.id, [])),
            [back(place) for place in places.get(footnote.id, ())],
        )
        for footnote in footnotes
    ]
