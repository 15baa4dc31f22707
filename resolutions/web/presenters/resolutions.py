"""What the pages print about a resolution: its date, its one-line description, its official document,
the date of its text, and the citations of a paragraph ready to copy."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.formats import date_format

from resolutions.models import Resolution, ResolutionSource
from resolutions.reference import permalinks

UNDOCS = "https://undocs.org/"
DESCRIPTION_LENGTH = 297  # characters of a text kept in a page's description, before the ellipsis


def official_url(symbol: str) -> str:
    """The official document at undocs.org, for any symbol (the archive need not hold it)."""
    return UNDOCS + quote(symbol)


def date_text(day: dt.date | None) -> str:
    """'17 December 2015' (in another interface language as it writes a date: '17 décembre 2015',
    '2015年12月17日', '17 декабря 2015 г.'), or "" when the date is unknown."""
    if not day:
        return ""
    if translation.get_language() in (None, "en"):
        return format_date(day, "j F Y")
    return date_format(day, "DATE_FORMAT")


def adopted_text(resolution: Resolution) -> str:
    return date_text(resolution.adopted_on)


def resolution_description(resolution: Resolution) -> str:
    """'General Assembly resolution 70/126 of 17 December 2015' (the date left out when unknown)."""
    adopted = adopted_text(resolution)
    return f"{resolution.body.name} resolution {resolution.number}" + (f" of {adopted}" if adopted else "")


def text_description(text: str) -> str:
    """The start of a paragraph's text, for the page's description, with an ellipsis when it was cut."""
    return text[:DESCRIPTION_LENGTH] + ("…" if len(text) > DESCRIPTION_LENGTH else "")


def text_as_of(resolution: Resolution, sources: list[ResolutionSource]) -> dt.datetime:
    """When the resolution's text last changed: its last replaced paragraph, else the import of the source
    giving it (``sources`` as ``resolution_sources`` reads them)."""
    moments = [source.imported_at for source in sources if source.sha256 == resolution.source_sha256]
    moments += [sources[0].text_replaced_at] if sources and sources[0].text_replaced_at else []
    return max(moments) if moments else resolution.created_at


def ready_citations(resolution: Resolution, key: str, permalink: str) -> list[tuple[str, str, str]]:
    """(element id, label, text) of each way to cite the paragraph that its page offers to copy."""
    return [
        ("cite-un", "UN style", permalinks.un_style_citation(resolution.body.name, resolution.number, key)),
        (
            "cite-symbol",
            "With symbol and date",
            permalinks.symbol_citation(resolution.symbol, adopted_text(resolution), key),
        ),
        ("cite-link", "Permalink", permalink),
    ]
