"""Reading a reference as a person types it: "GA res 70/126 para 5" to a document and paragraph (pure: no ORM).

Behind /cite/, the search box and every address that is not canonical. A person names the
document by symbol ("A/RES/70/126", "E/ESCAP/RES/67/8") or by number with its body named
anywhere around it, in the abbreviations people use ("UNGA res. 70/126", "ECOSOC res
2010/12", "ESCAP resolution 67/8"), and the paragraph in any of the ways
``pinpoints.read_pinpoint`` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.citations.issuing_bodies import BODY_NAMES
from resolutions.citations.pinpoints import read_pinpoint
from resolutions.citations.resolution_numbers import NUMBER_RE, symbol_for_number
from resolutions.citations.symbols import (
    ASCII_HYPHENS,
    FULL_SYMBOL_RE,
    matched_symbol,
    normalize_symbol,
    plausible_symbol,
)

# How people abbreviate bodies when they type a citation ("UNGA res. 70/126", "ECOSOC res 2010/12").
_TYPED_BODY_NAMES = {**BODY_NAMES, "unga": "GA", "un general assembly": "GA", "unsc": "SC"}
_TYPED_BODY_RE = re.compile(
    r"(?<![\w/])(?P<name>"
    + "|".join(re.escape(name) for name in sorted(_TYPED_BODY_NAMES, key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)
_TYPED_DECISION_RE = re.compile(r"(?<![\w/])dec(?:ision)?s?\.?(?![\w/])", re.IGNORECASE)
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LONGEST_REFERENCE = 300


@dataclass(frozen=True)
class Reference:
    """A citation typed by a person: which document, and which paragraph of it if named."""

    symbol: str
    paragraph_key: str = ""
    last_key: str = ""  # the end of a range of paragraphs ("paras. 3–5": "op5")


def parse_reference(text: str, context_body: str = "GA") -> Reference | None:
    """A citation as a person types it, to the document and paragraph it names.

    The document: a symbol ("A/RES/70/126", "E/ESCAP/RES/67/8"), or a number with
    the body named anywhere around it ("ESCAP resolution 67/8", "ECOSOC res.
    2010/12", "70/126" in ``context_body``). The paragraph, in any of the ways
    ``pinpoints.read_pinpoint`` reads ("¶5", "pp3 of", "paras. 3–5", "annex,
    para. 18 (b)", "sub-paragraph (b) of paragraph 2"); a range names its first
    paragraph and keeps its last in ``last_key``. None when no document is named.
    """
    text = " ".join((text or "").translate(ASCII_HYPHENS).split())
    if not text or len(text) > _LONGEST_REFERENCE:
        return None
    symbol = normalize_symbol(text, context_body)
    if symbol:
        return Reference(symbol)
    document = _typed_symbol(text) or _typed_number(text, context_body)
    if document is None:
        return None
    symbol, start, end = document
    pinpoint = read_pinpoint(text[:start] + " " + text[end:])
    if pinpoint is None:
        return Reference(symbol)
    return Reference(symbol, pinpoint.key, pinpoint.last_key)


def _typed_symbol(text: str) -> tuple[str, int, int] | None:
    """(symbol, start, end) of the first full symbol typed, in any case; None when there is none."""
    for candidate in (text, text.translate(_ASCII_UPPER)):
        for match in FULL_SYMBOL_RE.finditer(candidate):
            if plausible_symbol(match["first"]):
                symbol, part_end = matched_symbol(match)
                return symbol, match.start(), part_end or match.end("first")
    return None


def _typed_number(text: str, context_body: str) -> tuple[str, int, int] | None:
    """(symbol, start, end) of the first number typed that names a symbol with the body typed around it."""
    numbers = sorted(NUMBER_RE.finditer(text), key=lambda match: not match["session"])  # "70/126" before "2 (IV)"
    decision = bool(_TYPED_DECISION_RE.search(text))
    for number in numbers:
        symbols = symbol_for_number(number, _typed_body(text, number.start()), context_body, decision)
        if symbols:
            return symbols[0], number.start(), number.end()
    return None


def _typed_body(text: str, position: int) -> str | None:
    """The body a typed citation names: the last one named before ``position``, else the first after it."""
    named = list(_TYPED_BODY_RE.finditer(text))
    before = [match for match in named if match.end() <= position]
    chosen = before[-1] if before else next((match for match in named if match.start() >= position), None)
    return _TYPED_BODY_NAMES[" ".join(chosen["name"].lower().split())] if chosen else None
