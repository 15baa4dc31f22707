"""Reads of footnotes: a resolution's notes, those printed in one paragraph, and every place a marker is printed."""

from __future__ import annotations

from django.db.models import Q

from resolutions.models import Footnote, FootnoteReference, Paragraph, Resolution


def footnote_list(
    *, resolution: Resolution, paragraph: Paragraph | None = None, language: str = "en"
) -> list[Footnote]:
    """The resolution's footnotes in ``language``, in order; with ``paragraph``, only those whose marker is
    printed in it."""
    footnotes = Footnote.all_languages.filter(resolution=resolution, language=language)
    if paragraph is not None:
        footnotes = footnotes.filter(Q(paragraph=paragraph) | Q(references__paragraph=paragraph)).distinct()
    return list(footnotes.order_by("order"))


def footnote_places(*, footnotes: list[Footnote]) -> dict[int, list[tuple[int, int | None]]]:
    """(paragraph id, offset) of every place each footnote's marker is printed (by footnote id), in document
    order: where the footnote itself stands first, then the paragraphs that print its marker again."""
    places: dict[int, list[tuple[int, int | None]]] = {
        footnote.id: [(footnote.paragraph_id, footnote.offset)] if footnote.paragraph_id else []
        for footnote in footnotes
    }
    references = FootnoteReference.objects.filter(footnote__in=[f.id for f in footnotes]).order_by(
        "footnote", "paragraph__order", "offset"
    )
    for reference in references.only("footnote_id", "paragraph_id", "offset"):
        places[reference.footnote_id].append((reference.paragraph_id, reference.offset))
    return places
