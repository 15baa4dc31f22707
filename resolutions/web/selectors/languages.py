"""Reads across languages: the languages a resolution is held in, its text in one, a paragraph in each."""

from __future__ import annotations

from django.db.models import Q

from resolutions.models import Expression, Footnote, Paragraph, Resolution


def languages_held(*, resolution: Resolution) -> list[str]:
    """The codes of the languages the archive holds the resolution's text in, in the UN's order."""
    return Expression.objects.languages_of(resolution)


def expression_get(*, resolution: Resolution, language: str) -> Expression | None:
    return Expression.objects.filter(resolution=resolution, language=language).first()


def paragraph_list_in(*, resolution: Resolution, language: str) -> list[Paragraph]:
    """The resolution's paragraphs in ``language``, in document order."""
    return list(Paragraph.all_languages.of(resolution, language))


def footnote_list_in(*, resolution: Resolution, language: str) -> list[Footnote]:
    return list(Footnote.all_languages.of(resolution, language).select_related("paragraph"))


def paragraph_in_every_language(*, resolution: Resolution, key: str) -> dict[str, Paragraph]:
    """The paragraph ``key`` in each language held, by language code."""
    return Paragraph.all_languages.aligned(resolution, key)


def aligned_paragraphs(*, pairs: list[tuple[int, str]], language: str) -> list[Paragraph]:
    """The paragraphs of (resolution id, key) ``pairs`` in ``language`` (those held): a page of search hits in
    another language, in one query."""
    if not pairs:
        return []
    wanted = Q()
    for resolution_id, key in pairs:
        wanted |= Q(resolution_id=resolution_id, key=key)
    return list(Paragraph.all_languages.filter(wanted, language=language).select_related("resolution"))


def side_by_side_pairs(*, resolution: Resolution, first: str, second: str):
    """(key, first language's paragraph, second's) aligned by key, as ``Paragraph.side_by_side`` orders them."""
    return Paragraph.all_languages.side_by_side(resolution, first, second)
