"""Reads of a resolution's series: the resolutions of the same title the archive holds, and those its members
cite as of the series that it does not."""

from __future__ import annotations

import re

from resolutions.models import Citation, Resolution
from resolutions.reference.bodies import body_for_symbol
from resolutions.reference.dates import MONTHS_PATTERN

_CITED_DATE_RE = re.compile(rf",?\s+of\s+(?P<date>\d{{1,2}}\s+(?:{MONTHS_PATTERN})\s+\d{{4}})")
# What may stand between a cited number and the series' subject: dates, more numbers, "and its previous resolutions".
_SUBJECT_BREAK_RE = re.compile(r";|“|\b(?:on|entitled|concerning|relating)\b", re.IGNORECASE)


def series_list(*, resolution: Resolution) -> list[Resolution]:
    """The other resolutions of the same title the archive holds."""
    return list(
        Resolution.objects.filter(title=resolution.title)
        .exclude(pk=resolution.pk)
        .only("symbol", "adopted_on", "session_sort", "number")
    )


def series_missing(*, resolution: Resolution, member_ids: list[int]) -> dict[str, str]:
    """Symbols (with the date printed beside them) of resolutions the series' members cite as of the series
    ("resolutions 66/122 of 19 December 2011 and 68/131 … on promoting social integration through social
    inclusion") and the archive does not hold. One query."""
    subject = _subject_pattern(resolution.title)
    found: dict[str, str] = {}
    for citation in _unheld_citations(member_ids):
        if _same_body(citation.target_symbol, resolution) and _cites_as_of(citation, subject):
            dated = _CITED_DATE_RE.match(citation.paragraph.text, citation.end)
            found.setdefault(citation.target_symbol, dated["date"] if dated else "")
    return found


def _subject_pattern(title: str) -> re.Pattern:
    """The series' subject as the citations name it: "on <title>" or "entitled “<title>”"."""
    escaped = re.escape(" ".join(title.lower().split()))
    return re.compile(
        rf"(?:\bon\s+|\bentitled\s+“)(?:the\s+)?{escaped}(?=”|[,;.:)]|\s*$|\s+and\b|\s+as\b)", re.IGNORECASE
    )


def _unheld_citations(member_ids: list[int]):
    """Citations in the members' paragraphs of resolutions the archive does not hold."""
    return (
        Citation.objects.filter(
            resolution_id__in=member_ids, kind=Citation.RESOLUTION, target__isnull=True, paragraph__isnull=False
        )
        .select_related("paragraph")
        .only("target_symbol", "end", "paragraph__text")
        .order_by()
    )


def _same_body(symbol: str, resolution: Resolution) -> bool:
    info = body_for_symbol(symbol)
    return info is not None and info.code == resolution.body.code


def _cites_as_of(citation: Citation, subject: re.Pattern) -> bool:
    """Is the series' subject named after the citation, with nothing but dates and more numbers between?"""
    text = citation.paragraph.text
    match = subject.search(text, citation.end)
    return match is not None and not _SUBJECT_BREAK_RE.search(text, citation.end, match.start())
