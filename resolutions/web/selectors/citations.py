"""Reads of citations: those a resolution or a paragraph makes, and those that cite a resolution."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from resolutions.models import Citation, Footnote, Paragraph, Resolution


def _with_paragraph_held(citations: QuerySet[Citation]) -> QuerySet[Citation]:
    """Citations annotated with whether the archive holds the paragraph they name (``paragraph_held``),
    in the same query."""
    held = Paragraph.objects.filter(resolution_id=OuterRef("target_id"), key=OuterRef("target_paragraph"))
    return citations.annotate(paragraph_held=Exists(held))


def citation_list(*, resolution: Resolution, language: str = "en") -> list[Citation]:
    """The citations the resolution's text in ``language`` makes, in its paragraphs and notes: what their links
    need."""
    citations = Citation.all_languages.filter(resolution=resolution, language=language)
    citations = citations.select_related("target").only(
        "paragraph_id", "footnote_id", "start", "end", "target_symbol", "target_paragraph", "target__symbol"
    )
    return list(_with_paragraph_held(citations))


def citation_list_in_paragraph(*, paragraph: Paragraph, footnotes: list[Footnote]) -> list[Citation]:
    """The citations made in the paragraph and in the notes printed in it."""
    citations = Citation.all_languages.filter(Q(paragraph=paragraph) | Q(footnote__in=footnotes))
    citations = citations.select_related("target")
    return list(_with_paragraph_held(citations))


def citing_list(*, resolution: Resolution, key: str | None = None) -> QuerySet[Citation]:
    """The citations elsewhere of the resolution (of its paragraph ``key`` when given), with the citing
    resolution and the paragraph or note they stand in."""
    citations = Citation.objects.citing(resolution).select_related("resolution__body", "footnote__paragraph")
    return citations if key is None else citations.filter(target_paragraph=key)


def citing_whole_count(*, resolution: Resolution) -> int:
    """How many resolutions cite the resolution as a whole (naming no paragraph of it)."""
    return (
        Citation.objects.citing(resolution)
        .filter(target_paragraph="")
        .order_by()
        .values("resolution")
        .distinct()
        .count()
    )
