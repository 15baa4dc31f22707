"""Citations of an AKN text: the UN's own ``undocs.org`` links, then what the citation finder adds without duplicating them."""

from __future__ import annotations

import re
from urllib.parse import unquote

from resolutions.citations.extract import find_citations
from resolutions.citations.found import ParsedCitation
from resolutions.citations.symbols import kind_of_symbol, normalize_symbol
from resolutions.ingest.akn.rich_text import RichText

UNDOCS_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?:undocs\.org|docs\.un\.org)/", re.IGNORECASE)


def symbol_from_href(href: str) -> str | None:
    """The canonical symbol an undocs.org link points at; None for other links."""
    if not UNDOCS_RE.match(href or ""):
        return None
    return normalize_symbol(unquote(href))  # "A/RES/57/290%20B": a space in a symbol is written %20 in a link


def citations_in(rich: RichText, context_body: str, own_symbol: str, **where) -> list[ParsedCitation]:
    """The UN's own links, then what the finder adds without duplicating them."""
    citations: list[ParsedCitation] = []
    linked: list[tuple[int, int, str]] = []
    text = rich.text
    for link in rich.links:
        symbol = symbol_from_href(link.href)
        if not symbol or link.end <= link.start or symbol.upper() == own_symbol.upper():
            continue
        citations.append(
            ParsedCitation(symbol, text[link.start : link.end], kind_of_symbol(symbol), link.start, link.end, **where)
        )
        linked.append((link.start, link.end, symbol.upper()))
    for found in find_citations(text, context_body=context_body):
        if found.symbol.upper() == own_symbol.upper():
            continue
        overlapping = [c for c in citations if c.start < found.end and found.start < c.end and c.start >= 0]
        if overlapping:
            for existing in overlapping:
                if (
                    existing.symbol.upper() == found.symbol.upper()
                    and found.target_paragraph
                    and not existing.target_paragraph
                ):
                    existing.target_paragraph = found.target_paragraph
            continue
        citations.append(
            ParsedCitation(
                found.symbol,
                found.text,
                found.kind,
                found.start,
                found.end,
                target_paragraph=found.target_paragraph,
                **where,
            )
        )
    citations.sort(key=lambda c: (c.start, c.symbol))
    return citations
