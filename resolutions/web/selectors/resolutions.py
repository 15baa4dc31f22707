"""Reads of resolutions: by symbol, the latest adopted, the rows of the lists, the nearest to a wrong symbol,
and the sources of a resolution's text."""

from __future__ import annotations

import difflib
import re

from django.db.models import F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce

from resolutions.models import ParagraphVersion, Resolution, ResolutionSource

NEAREST_CANDIDATES = 300  # resolutions compared with a wrong symbol, at most


def resolution_get(*, symbol: str) -> Resolution | None:
    """The resolution whose symbol is exactly ``symbol`` (the canonical spelling), with its body."""
    return Resolution.objects.select_related("body").filter(symbol=symbol).first()


def resolution_find(*, symbol: str) -> Resolution | None:
    """The resolution of that symbol however it is capitalised, with its body."""
    return Resolution.objects.select_related("body").by_symbol(symbol).first()


def _number_as_integer(expression):
    """The resolution's own number as an integer, for sorting: '70/126' -> 126, '75/101 A' -> 101."""
    digits = Func(expression, Value(r"(\d+)[^/\d]*$"), function="substring")
    return Coalesce(Cast(digits, IntegerField()), Value(0))


def resolution_rows() -> QuerySet[Resolution]:
    """The resolution list's one query: what a row shows, and the number to sort by."""
    return (
        Resolution.objects.select_related("body")
        .only(
            "symbol",
            "title",
            "adopted_on",
            "committee",
            "session",
            "session_label",
            "number",
            "body__code",
            "body__name",
        )
        .annotate(number_sort=_number_as_integer(F("number")))
    )


def resolution_latest(*, limit: int) -> QuerySet[Resolution]:
    """The last resolutions adopted, as rows of the resolution list."""
    return resolution_rows().filter(adopted_on__isnull=False).order_by("-adopted_on", "-symbol")[:limit]


def resolution_nearest(*, text: str, limit: int = 8) -> list[Resolution]:
    """Resolutions whose symbol is closest to ``text``: same session or same number, else title words."""
    candidates = _candidates_by_number(text) if re.search(r"\d", text) else _candidates_by_title(text)
    wanted = text.upper()
    candidates.sort(key=lambda item: -difflib.SequenceMatcher(None, wanted, item.symbol.upper()).ratio())
    return candidates[:limit]


def _nearest_rows() -> QuerySet[Resolution]:
    return Resolution.objects.only("symbol", "title", "adopted_on", "committee")


def _candidates_by_number(text: str) -> list[Resolution]:
    """Resolutions of the session or with the number the text ends with ("70/126": session 70, or number 126)."""
    numbers = re.findall(r"\d+", text)
    near = Q(number__endswith=f"/{numbers[-1]}") | Q(session=numbers[-1])
    if len(numbers) > 1:
        near |= Q(session=numbers[-2])
    return list(_nearest_rows().filter(near).order_by("-session_sort")[:NEAREST_CANDIDATES])


def _candidates_by_title(text: str) -> list[Resolution]:
    """Resolutions whose title holds every one of the text's first four long words."""
    words = list(re.findall(r"\w{4,}", text))[:4]
    if not words:
        return []
    title = Q()
    for word in words:
        title &= Q(title__icontains=word)
    return list(_nearest_rows().filter(title)[:NEAREST_CANDIDATES])


def resolution_sources(*, resolution: Resolution) -> list[ResolutionSource]:
    """The resolution's sources, oldest import first, each with ``text_replaced_at``: its text's last
    replacement (one query)."""
    last_replaced = ParagraphVersion.objects.filter(resolution=OuterRef("resolution")).order_by("-replaced_at")
    return list(
        resolution.sources.annotate(text_replaced_at=Subquery(last_replaced.values("replaced_at")[:1])).order_by(
            "imported_at"
        )
    )
