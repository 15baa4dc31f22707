"""Reads of paragraphs: a resolution's paragraphs, the keys it holds or held, and the texts an address held before."""

from __future__ import annotations

from resolutions.models import Paragraph, ParagraphVersion, Resolution

MAX_EARLIER_VERSIONS = 20  # earlier texts listed on a paragraph's page, latest first


def paragraph_count() -> int:
    return Paragraph.objects.count()


def paragraph_list(*, resolution: Resolution) -> list[Paragraph]:
    """The resolution's paragraphs in document order."""
    return list(Paragraph.objects.of(resolution))


def paragraph_keys(*, resolution: Resolution) -> list[str]:
    """The keys of the resolution's paragraphs in document order."""
    return list(resolution.paragraphs.order_by("order").values_list("key", flat=True))


def paragraph_keys_held(*, resolution: Resolution, keys: list[str]) -> set[str]:
    """Those of ``keys`` that name a paragraph of the resolution."""
    return set(resolution.paragraphs.filter(key__in=keys).values_list("key", flat=True))


def paragraph_address_held(*, resolution: Resolution, key: str) -> bool:
    """Does the key name a paragraph, now or before an import replaced it (its address answers for ever)?"""
    return (
        resolution.paragraphs.filter(key=key).exists()
        or ParagraphVersion.objects.filter(resolution=resolution, key=key).exists()
    )


def paragraph_history(*, resolution: Resolution, key: str) -> list[ParagraphVersion]:
    """The texts the address held before, latest first (the latest ``MAX_EARLIER_VERSIONS``)."""
    return list(ParagraphVersion.objects.of_key(resolution, key)[:MAX_EARLIER_VERSIONS])


def paragraph_retired(*, resolution: Resolution, key: str, live_keys: set[str]) -> tuple[str, ParagraphVersion | None]:
    """Where an address no live paragraph holds answers: (the live key its text moved to, None),
    or ("", its latest earlier text), or ("", None) when it never held one."""
    return ParagraphVersion.objects.address_answer(resolution, key, live_keys)
