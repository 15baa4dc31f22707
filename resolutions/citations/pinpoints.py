"""Reading paragraph pinpoints: which paragraph of a document a citation names (pure: no ORM).

Two readers, both giving keys of the one paragraph-key scheme (``resolutions.reference.paragraph_keys``):

- ``read_pinpoint`` reads a paragraph however a person types it: "¶ 5", "para. 5", "paras. 3–5",
  "op. 2 (d)", "operative paragraph 5", "preambular paragraph 3", "pp3", "sub-paragraph (b) of
  paragraph 2", "third preambular paragraph", "annex, para. 18 (b)", "annex, guideline 5, para. 1";
  ``loose_key`` does the same for a path segment ("para.5", "OP5", "op2(d)");
- ``pinpoint_before`` and ``pinpoint_after`` read the paragraph printed around a citation in a
  resolution's text: "paragraph 5 of resolution 70/126", "A/RES/70/126, para. 5".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.reference.numbers import cardinal_ordinal_from_words
from resolutions.reference.paragraph_keys import annex_part_named, is_key, pinpoint_key, place

# --- paragraphs as people type them ------------------------------------------------

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_PREAMBULAR_WORD = r"(?:pp\.?|preamb(?:le|ular)\.?(?:[\s\-]*para(?:graph)?s?\.?)?|p\.\s?p\.)"
_OPERATIVE_WORD = (
    r"(?:¶+|§+|paras?\.?|paragraphs?|pars?\.|op\.?|o\.\s?p\.|operative(?:[\s\-]*para(?:graph)?s?\.?)?"
    r"|sub-?para(?:graph)?s?\.?)"
)
# A letter written after the number: "(b)", "b" run on ("2d", "op2d"), and a roman item "(ii)".
_SUB = (
    r"(?:\s?\((?P<{p}letter>[a-z]|(?P<{p}double>[a-z])(?P={p}double))\)|(?P<{p}bare>[a-z])(?![a-z]))?"
    r"(?:\s?\((?P<{p}roman>[ivx]+)\))?"
)
_RANGE = (
    r"(?:\s*(?:-|to|through|and|,|&)\s*"
    r"(?:(?:" + _OPERATIVE_WORD + "|" + _PREAMBULAR_WORD + r")[\s.]*)?"
    r"(?:(?P<last>\d{1,3})" + _SUB.format(p="last_") + r"|\((?P<last_letter_only>[a-z]{1,2})\)))?"
)
PINPOINT_RE = re.compile(
    r"(?<![a-z0-9])(?:(?P<preambular>" + _PREAMBULAR_WORD + r")|(?P<operative>" + _OPERATIVE_WORD + r"))"
    r"[\s._\-]*(?P<number>\d{1,3})" + _SUB.format(p="") + _RANGE
)
# "sub-paragraph (b) of paragraph 2", "subparagraph (a) (ii) of operative paragraph 4"
SUB_FIRST_RE = re.compile(
    r"(?<![a-z])sub-?para(?:graph)?s?\.?\s*\((?P<letter>[a-z]{1,2})\)(?:\s?\((?P<roman>[ivx]+)\))?\s*,?\s*of\s+(?:the\s+)?"
    r"(?:(?P<preambular>" + _PREAMBULAR_WORD + r")|" + _OPERATIVE_WORD + r")[\s._\-]*(?P<number>\d{1,3})"
)
# "third preambular paragraph", "the 5th operative paragraph"
ORDINAL_RE = re.compile(
    r"(?<![a-z])(?P<ordinal>[a-z]+(?:[\s\-][a-z]+)?|\d{1,3}(?:st|nd|rd|th))\s+(?:(?P<preambular>preambular)|operative)\s+paragraph"
)
ANNEX_RE = re.compile(r"(?<![a-z])annex(?:es)?(?:\s+(?P<numeral>[ivxl]+)(?![a-z]))?")
SECTION_RE = re.compile(r"(?<![a-z])(?:section|sect?\.)\s*(?P<section>[ivxl]+|[a-z])(?![a-z])")
# A structured annex's own places, where its paragraphs are numbered: "guideline 5", "principle 3", "article 35".
NAMED_PLACE_RE = re.compile(
    r"(?<![a-z])(?:draft\s+)?(?P<word>guideline|principle|article|conclusion|rule|regulation)\s+(?P<number>\d+[a-z]?|[ivxl]+)(?![a-z0-9])"
)

# --- paragraphs as a resolution's text prints them around a citation --------------

_PINPOINT_BEFORE_RE = re.compile(
    r"(?:(?P<ordinal>[a-z]+(?:-[a-z]+)?)\s+(?P<ordinal_kind>preambular|operative)\s+paragraph"
    r"|(?:(?P<preambular>[Pp]reambular)\s+|[Oo]perative\s+)?(?:[Pp]aragraphs?|[Pp]aras?\.?)\s+(?P<number>\d{1,3})"
    r"(?:\s?\((?P<letter>[a-z]{1,2})\))?(?:\s?\((?P<roman>[ivx]+)\))?"
    # more paragraphs ("paragraphs 3, 4 and 6 to 8", "paragraph 2 (a) to (c)"): the first is the one linked
    r"(?:(?:\s*,\s*|\s+and\s+|\s*(?:-|–|to)\s*)(?:\d{1,3}|\([a-z]{1,2}\))(?:\s?\([a-z]{1,2}\))?)*)"
    # a structured annex's own place: "paragraph 1 of guideline 5 of the annex to"
    r"(?:,?\s+of\s+(?:draft\s+)?(?P<named_place>guideline|principle|article|conclusion)\s+(?P<named_number>\d{1,3}))?"
    r",?\s+of\s+(?:(?P<annex>the\s+annex\s+to|annex\s+(?P<annex_numeral>[IVXL]+)\s+to)\s+"
    r"|section\s+(?P<section>[IVXL]+|[A-Z])\s+of\s+)?(?:(?:its|the|that)\s+)?$"
)
_PINPOINT_AFTER_RE = re.compile(
    r"\s*,?\s*(?:operative\s+)?(?:paragraphs?|paras?\.?|op\.?|§)\s*(?P<number>\d{1,3})"
    r"(?:\s?\(?(?P<letter>[a-z])\)?(?![a-z]))?(?:\s?\((?P<roman>[ivx]+)\))?",
    re.IGNORECASE,
)
# "…, paragraph 10 of resolution 78/322": a paragraph of the document named next, not of the one before.
_OF_NEXT_RE = re.compile(r"\s+of\b")
# How far before a citation "paragraph 5 of the annex to" may start.
_PINPOINT_BEFORE_REACH = 160


@dataclass(frozen=True)
class Pinpoint:
    """A paragraph named in a citation: its key, and the last key of a range ("paras. 3–5")."""

    key: str  # "op3", "pp2", "annex-op18b", "op2a-ii"
    last_key: str = ""  # "op5" for "paras. 3–5"; "" for one paragraph


def read_pinpoint(text: str, *, whole: bool = False) -> Pinpoint | None:
    """The paragraph a citation names, however it is written; None when it names none.

    With ``whole``, the paragraph must be all the text says (a path segment such as
    "para.5" or "op2(d)"), so "126 para. 5" is not taken for a paragraph.
    """
    written = " ".join(text.translate(_DASHES).lower().split()).strip(" ,;:")
    where = _place_named(ANNEX_RE.search(written), SECTION_RE.search(written), NAMED_PLACE_RE.search(written))
    if not whole:
        pinpoint = _sub_paragraph_first(written, where) or _ordinal_paragraph(written, where)
        if pinpoint:
            return pinpoint
    match = (PINPOINT_RE.fullmatch if whole else PINPOINT_RE.search)(written)
    return _numbered_paragraphs(match, where) if match else None


def loose_key(segment: str) -> str | None:
    """A paragraph key from a path segment written any way ('para. 5' -> 'op5', 'OP5' -> 'op5', 'op2(d)' -> 'op2d'), or None."""
    segment = segment.strip()
    if is_key(segment.lower()):
        return segment.lower()
    pinpoint = read_pinpoint(segment, whole=True)
    return pinpoint.key if pinpoint else None


def _place_named(annex, section, named) -> str:
    """The key prefix of a place.

    "annex II, section IV, para. 3" gives 'annex-ii-sec-iv-'; "annex, guideline 5, para. 1" 'annex-sec-guideline-5-'.
    """
    part = annex_part_named(annex["numeral"]) if annex else ""
    if named:
        return place(part, (f"{named['word']} {named['number']}",))
    return place(part, (section["section"],) if section else ())


def _sub_paragraph_first(written: str, where: str) -> Pinpoint | None:
    """ "sub-paragraph (b) of paragraph 2": the letter named before its paragraph."""
    match = SUB_FIRST_RE.search(written)
    if match is None:
        return None
    key = pinpoint_key(
        where,
        int(match["number"]),
        preambular=bool(match["preambular"]),
        letter=match["letter"],
        item=match["roman"] or "",
    )
    return Pinpoint(key)


def _ordinal_paragraph(written: str, where: str) -> Pinpoint | None:
    """ "third preambular paragraph", "the 5th operative paragraph"; None for an ordinal that is no number."""
    match = ORDINAL_RE.search(written)
    if match is None:
        return None
    words = match["ordinal"].replace(" ", "-")
    number = int(words[:-2]) if words[:-2].isdigit() else cardinal_ordinal_from_words(words)
    if not number:
        return None
    return Pinpoint(pinpoint_key(where, number, preambular=bool(match["preambular"])))


def _numbered_paragraphs(match: re.Match, where: str) -> Pinpoint:
    """ "para. 5", "op2d", "paras. 3–5": the paragraph named by number, and the end of a range."""
    preambular = bool(match["preambular"])
    letter = match["letter"] or match["bare"] or ""
    key = pinpoint_key(where, int(match["number"]), preambular=preambular, letter=letter, item=match["roman"] or "")
    last_key = _range_end(match, where, preambular)
    return Pinpoint(key, last_key if last_key != key else "")


def _range_end(match: re.Match, where: str, preambular: bool) -> str:
    """The last paragraph of a range ("paras. 3–5": 'op5', "paragraph 2 (a) to (c)": 'op2c'), "" for none."""
    if match["last"]:
        last_letter = match["last_letter"] or match["last_bare"] or ""
        return pinpoint_key(
            where, int(match["last"]), preambular=preambular, letter=last_letter, item=match["last_roman"] or ""
        )
    if match["last_letter_only"]:
        return pinpoint_key(where, int(match["number"]), preambular=preambular, letter=match["last_letter_only"])
    return ""


def pinpoint_before(text: str, start: int) -> tuple[str, int] | None:
    """The paragraph printed just before a citation that starts at ``start``, and where its words start.

    "paragraph 3 (b) of the annex to", "paragraphs 4 to 6 of section XIII of", "third preambular
    paragraph of", "paragraph 1 of guideline 5 of the annex to"; None when no paragraph is named.
    """
    match = _PINPOINT_BEFORE_RE.search(text, max(0, start - _PINPOINT_BEFORE_REACH), start)
    if match is None:
        return None
    key = _key_before(match)
    return (key, match.start()) if key else None


def _key_before(match: re.Match) -> str:
    """The key a match of the words before a citation names; "" for an ordinal that is no number."""
    where = _place_before(match)
    if match["ordinal"]:
        number = cardinal_ordinal_from_words(match["ordinal"])
        if number is None:
            return ""
        return pinpoint_key(where, number, preambular=match["ordinal_kind"] == "preambular")
    return pinpoint_key(
        where,
        int(match["number"]),
        preambular=bool(match["preambular"]),
        letter=match["letter"] or "",
        item=match["roman"] or "",
    )


def _place_before(match: re.Match) -> str:
    """The key prefix of "of the annex to", "of guideline 5 of the annex to", "of section XIII of"."""
    if match["annex"]:
        named = (f"{match['named_place']} {match['named_number']}",) if match["named_place"] else ()
        return place(annex_part_named(match["annex_numeral"]), named)
    if match["section"]:
        return place("", (match["section"],))
    return ""


def pinpoint_after(text: str, end: int) -> tuple[str, int] | None:
    """The paragraph printed just after a citation that ends at ``end`` (", para. 5", " op. 2 (d)"), and its end.

    None when none is printed, or when the paragraph is of the document named next ("…, paragraph 10 of").
    """
    match = _PINPOINT_AFTER_RE.match(text, end)
    if match is None or _OF_NEXT_RE.match(text, match.end()):
        return None
    key = pinpoint_key("", int(match["number"]), letter=match["letter"] or "", item=match["roman"] or "")
    return key, match.end()
