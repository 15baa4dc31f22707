"""A resolution's series as its page lists it: the resolutions of the same title before and after it,
the ones the archive does not hold included, in order of session and number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.models import Resolution
from resolutions.reference import permalinks
from resolutions.web.presenters.resolutions import date_text, official_url


@dataclass(frozen=True)
class SeriesEntry:
    """A resolution of a series: one the archive holds, or one its members cite that it does not."""

    symbol: str
    url: str
    adopted_text: str  # "19 December 2011", or ""
    adopted_iso: str  # "2011-12-19" when the archive holds it, else ""
    held: bool
    order: tuple[int, int]  # (session, number): 66/122 before 68/131


def series_order(symbol: str) -> tuple[int, int]:
    """'A/RES/66/122' -> (66, 122); 'A/RES/75/101 A' -> (75, 101); (0, 0) for other shapes."""
    numbers = re.findall(r"(\d+)/(\d+)", symbol)
    return (int(numbers[-1][0]), int(numbers[-1][1])) if numbers else (0, 0)


def _held_entry(resolution: Resolution) -> SeriesEntry:
    adopted_on = resolution.adopted_on
    return SeriesEntry(
        resolution.symbol,
        permalinks.resolution_url(resolution.symbol),
        date_text(adopted_on),
        adopted_on.isoformat() if adopted_on else "",
        True,
        series_order(resolution.symbol),
    )


def _missing_entry(symbol: str, adopted_text: str) -> SeriesEntry:
    return SeriesEntry(symbol, official_url(symbol), adopted_text, "", False, series_order(symbol))


def series_entries(
    resolution: Resolution, same_title: list[Resolution], missing: dict[str, str]
) -> tuple[list[SeriesEntry], list[SeriesEntry]]:
    """The series before and after ``resolution``: ``same_title`` as ``series_list`` reads it, ``missing``
    as ``series_missing`` does (those the archive holds after all are left out of it)."""
    entries = [_held_entry(other) for other in same_title]
    held = {other.symbol.upper() for other in same_title} | {resolution.symbol.upper()}
    entries += [_missing_entry(symbol, text) for symbol, text in missing.items() if symbol.upper() not in held]
    entries.sort(key=lambda entry: (entry.order, entry.symbol))
    here = series_order(resolution.symbol)
    return [entry for entry in entries if entry.order < here], [entry for entry in entries if entry.order >= here]
