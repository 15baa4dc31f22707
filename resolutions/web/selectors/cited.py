"""Reads for citations and the citation basket: a paragraph by key, and the paragraphs a basket names."""

from __future__ import annotations

from django.db.models import Q

from resolutions.models import Paragraph, Resolution


def paragraph_get(*, resolution: Resolution, key: str) -> Paragraph | None:
    """The resolution's paragraph of that key, or None."""
    return resolution.paragraphs.filter(key=key).first()


def paragraph_in(*, resolution: Resolution, key: str, language: str) -> Paragraph | None:
    """The resolution's paragraph of that key in ``language``, or None when the archive does not hold it."""
    return Paragraph.all_languages.filter(resolution=resolution, key=key, language=language).first()


def paragraphs_named(*, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], Paragraph]:
    """The paragraphs of the (symbol, key) pairs the archive holds, with their resolution and body, in one
    query; symbols are matched however they are capitalised."""
    if not wanted:
        return {}
    named = Q()
    for symbol, key in wanted:
        named |= Q(resolution__symbol__iexact=symbol, key=key)
    found = Paragraph.objects.filter(named).select_related("resolution__body")
    by_pair = {(paragraph.resolution.symbol.upper(), paragraph.key): paragraph for paragraph in found}
    return {(symbol, key): by_pair[(symbol.upper(), key)] for symbol, key in wanted if (symbol.upper(), key) in by_pair}
