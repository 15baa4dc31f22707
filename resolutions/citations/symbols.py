"""UN document symbols: their grammar, canonical spelling and kind, and reading one written any way (pure: no ORM).

Full symbols are printed as such: ``A/68/169``, ``E/CN.5/2010/2``, ``A/RES/70/1``,
``A/63/538-E/2009/4`` (a joint symbol: one document, cited by its first symbol),
``A/72/6 (Sect. 24)``. Only the UN's document series count ("WT/MIN(15)/48" of the
WTO is not one), and only with a number in them ("HIV/AIDS" is no symbol).

Canonical spellings follow the UN's own document symbols: part letters of modern
resolutions after a space (``A/RES/75/101 A``), session or year in parentheses
without one (``A/RES/1514(XV)``, ``S/RES/1325(2000)``).
"""

from __future__ import annotations

import re

from resolutions.citations.found import CITES_DOCUMENT, CITES_REPORT, CITES_RESOLUTION
from resolutions.citations.resolution_numbers import NUMBER_RE, symbol_for_number

_COMPONENT = r"(?:(?:S|ES)-)?[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*(?:\(\d+\))?"
_QUALIFIER = (
    r"(?:\s?\((?i:Sect|Part|Parts|Vol|Chap|Introduction|Income sect)\.?\s?[^()]{0,20}\)(?:\s?/{_COMPONENT})*)".replace(
        "{_COMPONENT}", _COMPONENT
    )
)
_SINGLE_SYMBOL = (
    rf"[A-Z]{{1,10}}(?:\.\d+)?(?:/{_COMPONENT})+(?:\s?\((?:[IVXL]+|S-[IVX]+|ES-[IVX]+|\d{{4}})\))?{_QUALIFIER}?"
)
FULL_SYMBOL_RE = re.compile(
    rf"(?<![\w./\-])(?P<first>{_SINGLE_SYMBOL})(?:-(?P<second>{_SINGLE_SYMBOL}))?"
    rf"(?P<part>\s?[A-H](?![\w/]))?"
)

# Parts of document symbols that the UN spells in title case.
_TITLE_CASE_TOKENS = {
    "ADD": "Add",
    "CORR": "Corr",
    "REV": "Rev",
    "AMEND": "Amend",
    "SECT": "Sect",
    "VOL": "Vol",
    "PART": "Part",
    "PARTS": "Parts",
    "CHAP": "Chap",
    "SUPP": "Supp",
}

# Report series: the main bodies' own documents, as opposed to records, notes, letters…
_REPORT_RE = re.compile(
    r"^(?:A/\d+/\d+|A/(?:HRC|AC\.\d+|CONF\.\d+)/\d+(?:/\d+)?|E/\d{4}/\d+|E/CN\.\d+/\d{4}/\d+|S/\d{4}/\d+|A/ES-\d+/\d+)"
    r"(?:/(?:Add|Rev|Corr)\.\d+)*(?:\(.*\))?$",
    re.IGNORECASE,
)

# Series of the UN's document system (what undocs.org resolves). Other organizations' numbers
# ("WT/MIN(15)/48" of the WTO, "LEG/CONF.15/21" of the IMO, "GOV/INF/2005/10" of the IAEA) are no UN symbols.
UN_SERIES = {
    "A",
    "E",
    "S",
    "ST",
    "TD",
    "DP",
    "CD",
    "UNEP",
    "FCCC",
    "ICCD",
    "ISBA",
    "SPLOS",
    "CLCS",
    "NPT",
    "CCW",
    "BWC",
    "TPNW",
    "APLC",
    "CCM",
    "CBD",
    "CAC",
    "CTOC",
    "JIU",
    "CEB",
    "UNW",
    "HSP",
    "UNODC",
    "ECE",
    "LC",
    "CEDAW",
    "CED",
    "CRC",
    "CRPD",
    "CMW",
    "CCPR",
    "CERD",
    "CAT",
    "HRI",
}

# Hyphens the UN prints in "S‑24/2" (non-breaking) read as "-"; same length, so spans hold.
ASCII_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# How the UN's document sites address a symbol: "https://undocs.org/en/", "docs.un.org/".
_DOCUMENT_SITE_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?:undocs\.org|docs\.un\.org)/(?:[a-z]{2}/)?", re.IGNORECASE)
# A symbol spelled for a URL, without slashes: A-RES-70-126, A-RES-S-24-2, E_ESCAP_RES_67_8.
_URL_SAFE_RE = re.compile(r"[A-Za-z]{1,10}(?:[-_][A-Za-z0-9.]+)+")
_LONGEST_SYMBOL = 80


def plausible_symbol(raw: str) -> bool:
    """A slash-separated token that looks like a UN document symbol, not "HIV/AIDS" or "24/7"."""
    parts = raw.split("/")
    if len(parts) < 2 or not parts[1]:
        return False
    if parts[0].upper() not in UN_SERIES:
        return False
    if re.fullmatch(r"[IVXL]+/\d+", raw):
        return False  # "decision X/29" of a conference of parties
    # At least one component after the series letters carries a number (session, year, serial).
    return any(re.search(r"\d", part) for part in parts[1:])


def matched_symbol(match: re.Match) -> tuple[str, int | None]:
    """The canonical symbol a ``FULL_SYMBOL_RE`` match names, and where its part letter ends if it has one.

    The letter after a resolution's symbol is its part ("A/RES/75/101 A"); after any other
    document it is the next word's, and is left out.
    """
    symbol = _canonical_full_symbol(match["first"])
    if match["part"] and "/RES/" in symbol.upper():
        return f"{symbol} {match['part'].strip()}", match.end("part")
    return symbol, None


def _canonical_full_symbol(raw: str) -> str:
    """'a/hrc/res/35/2' -> 'A/HRC/RES/35/2'; 'A/72/6 (Sect. 24)' -> 'A/72/6(Sect.24)'."""
    symbol = re.sub(r"\s+", "", raw.strip()).upper()
    symbol = _title_case_tokens(symbol)
    # Part letters of modern resolutions: "A/RES/75/101A" -> "A/RES/75/101 A".
    part = re.fullmatch(r"(?P<base>.*/(?:RES|DEC)/(?:(?:S|ES)-)?\d+/\d+)(?P<part>[A-Z])", symbol)
    if part:
        symbol = f"{part['base']} {part['part']}"
    return symbol


def _title_case_tokens(component: str) -> str:
    """'A/70/179/ADD.1' -> 'A/70/179/Add.1': the words the UN spells in title case inside symbols."""

    def fix(match: re.Match) -> str:
        word = match.group(0)
        return _TITLE_CASE_TOKENS.get(word, word)

    return re.sub(r"[A-Z]+(?=\.|\b)", fix, component)


def kind_of_symbol(symbol: str) -> str:
    """What a symbol names, as a citation kind: a resolution, a report of a main body, or another document."""
    upper = symbol.upper()
    if "/RES/" in upper or re.search(r"/RES\.\d", upper):
        return CITES_RESOLUTION
    if _REPORT_RE.match(upper):
        return CITES_REPORT
    return CITES_DOCUMENT


def normalize_symbol(text: str, context_body: str = "GA") -> str | None:
    """The canonical spelling of a UN symbol written any way; None when ``text`` is not one.

    Accepts full symbols in any case ("a/res/70/126"), URL spellings
    ("A-RES-70-126", "https://undocs.org/en/A/RES/70/126"), bare numbers
    ("70/126" -> A/RES/70/126, "2010/12" -> E/RES/2010/12, "S-24/2",
    "1514 (XV)", "1325 (2000)") and part letters ("A/RES/75/101A").
    """
    candidate = _without_address(text)
    if not candidate or len(candidate) > _LONGEST_SYMBOL:
        return None
    if "/" not in candidate and _URL_SAFE_RE.fullmatch(candidate):
        candidate = _slashed(candidate)
    number = NUMBER_RE.fullmatch(candidate)
    if number:
        symbols = symbol_for_number(number, None, context_body, decision=False)
        return symbols[0] if len(symbols) == 1 else None
    match = FULL_SYMBOL_RE.fullmatch(candidate) or FULL_SYMBOL_RE.fullmatch(candidate.upper())
    if not match or not plausible_symbol(match["first"]):
        return None
    return matched_symbol(match)[0]


def _without_address(text: str | None) -> str:
    """The symbol part of what was written: no document site, leading slashes or language, trailing stops."""
    candidate = _DOCUMENT_SITE_RE.sub("", (text or "").strip())
    candidate = re.sub(r"^/*(?:[a-z]{2}/)?/*", "", candidate).translate(ASCII_HYPHENS)
    # "(supp)": the UN's link marker for supplements
    return re.sub(r"\(supp\)$", "", candidate.rstrip(".,;"), flags=re.IGNORECASE)


def _slashed(candidate: str) -> str:
    """A URL-safe spelling with its slashes back: 'A-RES-S-24-2' -> 'A/RES/S-24/2', 'A-70-179-Add-1' -> 'A/70/179/Add.1'."""
    joined: list[str] = []
    for piece in re.split(r"[-_]", candidate):
        if joined and joined[-1].upper() in ("S", "ES") and piece.isdigit():
            joined[-1] = f"{joined[-1].upper()}-{piece}"
        elif joined and joined[-1].lower() in ("add", "corr", "rev", "amend") and piece.isdigit():
            joined[-1] = f"{joined[-1]}.{piece}"
        else:
            joined.append(piece)
    part = ""
    if len(joined) > 3 and re.fullmatch(r"[A-Za-z]{1,2}", joined[-1]) and joined[-2].isdigit():
        part = " " + joined.pop()  # A-RES-75-101-A: the part letter of A/RES/75/101 A
    return "/".join(joined) + part
