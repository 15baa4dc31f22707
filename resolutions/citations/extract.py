"""Find citations of other UN documents in a resolution's text (pure: no ORM).

Extraction only: ``find_citations`` returns ``ParsedCitation``s with spans in
the text it was given; the loader writes them and resolves their targets.

Two kinds of reference are found:

- **full symbols** printed as such (``symbols``): ``A/68/169``, ``E/CN.5/2010/2``,
  ``A/RES/70/1``, ``A/63/538-E/2009/4``, ``A/72/6 (Sect. 24)``;
- **resolution and decision numbers** (``resolution_numbers``) after the word
  "resolution(s)" or "decision(s)", with an optional issuing body before it and
  lists after it: "General Assembly resolutions 66/122 of 19 December 2011 and
  68/131", "Economic and Social Council resolution 2010/12", "its resolution
  65/1", "resolution S-24/2", "resolutions 1514 (XV) and 1541 (XV)", "Security
  Council resolution 1325 (2000)".

A number takes the body named around it (``issuing_bodies``), else the citing
body (``context_body``): "65/1" in a General Assembly text is A/RES/65/1, in an
ESCAP text E/ESCAP/RES/65/1. Numbers issued by bodies the archive cannot name a
symbol for are left alone rather than guessed, and so are decisions without an
explicit body, except the Assembly's own ("its decision 72/550"). Numbers
without a slash ("chap. I, resolution 1"), sales numbers ("Sales No.
E.96.IV.8"), dates and "2030 Agenda" are not citations. A paragraph named
around a citation ("paragraph 5 of resolution 70/126", "A/RES/70/126, para. 5")
is kept as its ``target_paragraph`` (``pinpoints``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.citations.found import CITES_DOCUMENT, CITES_RESOLUTION, ParsedCitation
from resolutions.citations.issuing_bodies import body_after, phrase_body
from resolutions.citations.pinpoints import pinpoint_after, pinpoint_before
from resolutions.citations.resolution_numbers import KEYWORD_RE, listed_numbers, symbol_for_number
from resolutions.citations.symbols import (
    ASCII_HYPHENS,
    FULL_SYMBOL_RE,
    kind_of_symbol,
    matched_symbol,
    plausible_symbol,
)

_ITS_BEFORE_RE = re.compile(r"\bits\s+$")

Span = tuple[int, int]


@dataclass(frozen=True)
class _Phrase:
    """A "resolution(s) …" phrase being read: its keyword match and the body it was found to name."""

    keyword: re.Match
    body: str | None  # None: none named; "?": an organ the archive cannot name
    inferred: bool  # the body was read from the words around the phrase, not from the phrase itself
    decision: bool  # "decision(s)", not "resolution(s)"
    context_body: str

    @property
    def kind(self) -> str:
        """A decision is cited as a document: the archive holds resolutions only."""
        return CITES_DOCUMENT if self.decision else CITES_RESOLUTION


def find_citations(text: str, *, context_body: str = "GA") -> list[ParsedCitation]:
    """Every citation in ``text``, in order of position; spans index ``text``.

    Numbered phrases are read first, then the full symbols that stand outside them.
    """
    readable = text.translate(ASCII_HYPHENS)
    found, taken = _numbered_citations(readable, text, context_body)
    found += _symbol_citations(readable, text, taken)
    found.sort(key=lambda c: (c.start, c.symbol))
    return found


def _numbered_citations(text: str, original: str, context_body: str) -> tuple[list[ParsedCitation], list[Span]]:
    """Citations by number ("General Assembly resolutions 66/122 and 68/131"), and every span read as one."""
    found: list[ParsedCitation] = []
    taken: list[Span] = []
    previous_end, previous_body = -1, None  # the last phrase with a body named before it
    for keyword in KEYWORD_RE.finditer(text):
        if any(s <= keyword.start() < e for s, e in taken):
            continue
        phrase = _read_phrase(text, keyword, previous_end, previous_body, context_body)
        if phrase is None:
            continue
        citations, spans = _phrase_citations(text, original, phrase)
        taken += spans
        if not spans:
            continue  # "resolution 1, annex": no number in a shape the UN's bodies use
        phrase_end = spans[-1][1]
        if (phrase.body is None or phrase.inferred) and body_after(text, phrase_end) == "?":
            continue  # "resolutions 6/2 and 6/3 … of the Conference of the States Parties"
        found += citations
        if keyword["body"] or phrase.inferred:
            previous_end, previous_body = phrase_end, phrase.body
    return found, taken


def _read_phrase(
    text: str, keyword: re.Match, previous_end: int, previous_body: str | None, context_body: str
) -> _Phrase | None:
    """The phrase a keyword opens, with its body; None when it is no citation the archive can name."""
    decision = keyword["keyword"].lower().startswith("d")
    body, inferred = phrase_body(text, keyword, previous_end, previous_body)
    if body == "skip":
        return None
    if decision and body is None and not _ITS_BEFORE_RE.search(text[max(0, keyword.start() - 8) : keyword.start()]):
        return None  # "decision 14/17": whose? Left alone rather than guessed.
    return _Phrase(keyword, body, inferred, decision, context_body)


def _phrase_citations(text: str, original: str, phrase: _Phrase) -> tuple[list[ParsedCitation], list[Span]]:
    """The citations of each number listed in a phrase, and the span each number takes."""
    citations: list[ParsedCitation] = []
    spans: list[Span] = []
    for number in listed_numbers(text, phrase.keyword.end()):
        start, end, target_paragraph = _item_span(text, phrase, number, first=not spans)
        citations += [
            ParsedCitation(symbol, original[start:end], phrase.kind, start, end, target_paragraph=target_paragraph)
            for symbol in _item_symbols(text, phrase, number)
        ]
        spans.append((start, end))
    return citations, spans


def _item_symbols(text: str, phrase: _Phrase, number: re.Match) -> list[str]:
    """The symbols one number of a phrase stands for, with a body named after it taking precedence over a guess."""
    body = phrase.body
    after = body_after(text, number.end())
    if after and (body is None or phrase.inferred):
        body = after
    symbols = symbol_for_number(number, body, phrase.context_body, phrase.decision)
    if not symbols and phrase.inferred and body not in ("?", None):
        symbols = symbol_for_number(number, None, phrase.context_body, phrase.decision)
    return symbols


def _item_span(text: str, phrase: _Phrase, number: re.Match, *, first: bool) -> tuple[int, int, str]:
    """(start, end, target paragraph) of one number of a phrase.

    The first number's span starts at the keyword, or at a paragraph named before it
    ("paragraph 5 of resolution 70/126"); any number's span takes in a paragraph named after it.
    """
    start = phrase.keyword.start() if first else number.start()
    target_paragraph = ""
    before = pinpoint_before(text, phrase.keyword.start()) if first else None
    if before:
        target_paragraph, start = before
    end = number.end()
    after = None if target_paragraph else pinpoint_after(text, end)
    if after:
        target_paragraph, end = after
    return start, end, target_paragraph


def _symbol_citations(text: str, original: str, taken: list[Span]) -> list[ParsedCitation]:
    """Citations by full symbol ("A/68/169", "A/RES/70/1, para. 5") outside the spans already ``taken``."""
    found: list[ParsedCitation] = []
    for match in FULL_SYMBOL_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if not plausible_symbol(match["first"]):
            continue
        citation = _symbol_citation(text, original, match)
        found.append(citation)
        taken.append((citation.start, citation.end))
    return found


def _symbol_citation(text: str, original: str, match: re.Match) -> ParsedCitation:
    """One full symbol's citation: a joint symbol cited by its first, a resolution with its part and paragraph."""
    symbol, part_end = matched_symbol(match)
    end = part_end or (match.end("second") if match["second"] else match.end("first"))
    kind = kind_of_symbol(symbol)
    target_paragraph = ""
    after = pinpoint_after(text, end) if kind == CITES_RESOLUTION else None
    if after:
        target_paragraph, end = after
    start = match.start()
    return ParsedCitation(symbol, original[start:end], kind, start, end, target_paragraph=target_paragraph)
