"""Reads across languages: the languages a resolution is held in, its text in one, a paragraph in each."""

from __future__ import annotations

from django.db.models import Q

from resolutions.models import Expression, Footnote, Paragraph, Resolution
from resolutions.web.languages import ENGLISH, ShownTitle, TextLanguage, current_text_language


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


def titles_in(*, resolution_ids: list[int], language: str) -> dict[int, str]:
    """The titles of the resolutions ``resolution_ids`` in ``language``, of those the archive holds in it, by
    resolution id: one query for a whole list."""
    if not resolution_ids:
        return {}
    rows = Expression.objects.filter(resolution_id__in=set(resolution_ids), language=language).exclude(title="")
    return dict(rows.values_list("resolution_id", "title"))


def with_titles_shown(resolutions, language: str | None = None) -> list[Resolution]:
    """``resolutions`` as a list, each given its ``shown_title`` in ``language`` (the page's text language when
    None) where the archive holds it, else its record's (English): the titles of the whole list in one query."""
    resolutions = list(resolutions)
    wanted = language or current_text_language()
    held = {} if wanted == ENGLISH else titles_in(resolution_ids=[r.pk for r in resolutions], language=wanted)
    for resolution in resolutions:
        if resolution.pk in held:
            resolution.shown_title = ShownTitle(held[resolution.pk], TextLanguage(wanted))
        else:
            resolution.shown_title = ShownTitle(resolution.title, TextLanguage(record_language(resolution)))
    return resolutions


def record_language(resolution: Resolution) -> str:
    """The language of the title on the resolution's record (English whenever the archive holds it); a list that
    did not read the column (``.only()``) takes English rather than a query a row."""
    return ENGLISH if "language" in resolution.get_deferred_fields() else resolution.language or ENGLISH
