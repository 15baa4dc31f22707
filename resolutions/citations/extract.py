"""Find references to other UN documents in resolution text (pure: no ORM).

Extraction only: ``find_citations`` returns ``ParsedCitation``s with spans in
the text it was given; the loader writes them and resolves their targets.

Two kinds of reference are recognised:

- **full symbols** printed as such: ``A/68/169``, ``E/CN.5/2010/2``,
  ``A/RES/70/1``, ``A/63/538-E/2009/4`` (a joint symbol: one document, cited
  by its first symbol), ``A/72/6 (Sect. 24)``;
- **resolution and decision numbers** after the word "resolution(s)" or
  "decision(s)", with an optional issuing body before it and lists after it:
  "General Assembly resolutions 66/122 of 19 December 2011 and 68/131",
  "Economic and Social Council resolution 2010/12", "its resolution 65/1",
  "resolution S-24/2", "resolutions 1514 (XV) and 1541 (XV)", "Security
  Council resolution 1325 (2000)", "paragraph 5 of resolution 70/126"
  (the pinpoint is kept as ``target_paragraph="op5"``).

A number without a body resolves by its shape and by the citing body
(``context_body``): "65/1" in a General Assembly text is A/RES/65/1, in an
ESCAP text E/ESCAP/RES/65/1; "2010/12" is always the Economic and Social
Council's (the only body that numbers by year); "1514 (XV)" is an early
General Assembly resolution and "1325 (2000)" a Security Council one. The
Assembly numbered resolutions "N/N" only from its 31st session, so "8/6" is
never its. An organ named just before the phrase gives the body ("the Human
Rights Council, in its resolution 36/10", "Human Rights Council resolutions on
the subject, including resolution 48/5"), and a bare phrase that continues an
explicit one shares its body ("Human Rights Council resolutions 23/13 …, as
well as resolutions 28/6"). Numbers issued by bodies the archive cannot name a
symbol for ("Commission on Narcotic Drugs resolution 59/5", "decision 14/17 of
the Conference of the Parties", "…, annex II, resolution 14/221" inside another
document) are left alone rather than guessed, and so are decisions without an
explicit body, except the Assembly's own ("its decision 72/550", numbered from
401). Full symbols are taken from the UN's document series only ("WT/MIN(15)/48"
of the WTO is not one). Numbers without a slash ("chap. I, resolution 1"), sales
numbers ("Sales No. E.96.IV.8"), dates and "2030 Agenda" are not citations.

Canonical spellings follow the UN's own document symbols: part letters of
modern resolutions after a space (``A/RES/75/101 A``), session or year in
parentheses without one (``A/RES/1514(XV)``, ``S/RES/1325(2000)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from resolutions.ingest.document import (
    CITES_DOCUMENT,
    CITES_REPORT,
    CITES_RESOLUTION,
    ParsedCitation,
    ParsedResolution,
)
from resolutions.reference.bodies import BODIES
from resolutions.reference.dates import MONTHS_PATTERN
from resolutions.reference.numbers import cardinal_ordinal_from_words
from resolutions.reference.paragraph_keys import annex_part_named, pinpoint_key, place
from resolutions.web.permalinks import read_pinpoint

# --- full document symbols -------------------------------------------------

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

# --- resolution and decision numbers --------------------------------------

# Part letters: the Assembly's disarmament resolutions run to "48/75 J" and beyond.
_PARTS = r"(?:\s?[A-Z]{1,2}(?:\s?(?:-|–|,|and|to)\s?[A-Z]{1,2})*(?![\w/]))"
# One number, in any of the shapes the UN prints.
_NUMBER = (
    r"(?:"
    r"(?P<old>\d{1,4})\s?(?:[A-H](?:\s?(?:-|–|and)\s?[A-H])?\s)?\((?P<roman>[IVXL]+|S-[IVX]+|ES-[IVX]+)\)"
    # 1514 (XV), 2200 A (XXI)
    r"|(?P<sc>\d{1,4})\s?\((?P<year>(?:19|20)\d{2})\)"  # 1325 (2000)
    r"|(?P<session>(?:S-|ES-)?\d{1,4})/(?P<num>\d{1,4})(?P<parts>" + _PARTS + r")?"  # 70/126, S-24/2, 2010/12, 72/262 C
    r")"
)
NUMBER_RE = re.compile(r"(?<![\w/.\-])" + _NUMBER + r"(?![\w/]|\.\d)")
_ITEM_GAP = (
    r"(?:"
    rf",?\s+of\s+(?:\d{{1,2}}\s+(?:of\s+)?(?:{MONTHS_PATTERN})\s+(?:of\s+)?)?\d{{3,4}}"  # "of 19 December 2011" (and misprints)
    r"|,?\s+(?:entitled|titled)\s+“[^”]{1,400}”"  # entitled “The future we want”
    r"|,\s+(?:sects?|sections?|paras?|paragraphs?|chap|annex|part)\.?\s+[\w.]+(?:\s*(?:[-–]|and|to)\s*[\w.]+)*"
    # , sect. III, paras. 7–8
    r"|,?\s+(?:on|concerning|relating to)\s+(?:(?!resolution|decision)[^;“”]){1,250}?(?=\s*(?:,|;|and\b|as well as\b))"
    # on culture and development
    r"|,\s+(?:the annex to which|in which|by which|which)\s+"
    r"(?:(?!resolution|decision)[^;“”]){1,300}?(?=\s*(?:,|;|and\b|as well as\b))"
    r")*"
    r"(?:\s*,?\s*(?:and|or|as well as|and its|and the)\s+|\s*,\s*|\s*;\s*)"
)
# The gap must lead to another number, so the lazy "on …" stops at the right place.
ITEM_GAP_RE = re.compile(_ITEM_GAP + r"(?=(?:(?:S|ES)-)?\d{1,4}(?:/\d|\s?\())")
_BODY_NAMES = {
    "general assembly": "GA",
    "assembly": "GA",
    "ga": "GA",
    "economic and social council": "ECOSOC",
    "ecosoc": "ECOSOC",
    "human rights council": "HRC",
    "hrc": "HRC",
    "security council": "SC",
    "sc": "SC",
    "commission on human rights": "CHR",
    "council": "COUNCIL",  # resolved by the number's shape
    "general assembly and security council": "GA+SC",  # identical resolutions: "70/262 and 2282 (2016)"
    "united nations environment assembly": "UNEA",
    "environment assembly": "UNEA",
    "economic and social commission for asia and the pacific": "ESCAP",
    "escap": "ESCAP",
    "economic commission for africa": "ECA",
    "eca": "ECA",
    "economic commission for latin america and the caribbean": "ECLAC",
    "eclac": "ECLAC",
    "economic and social commission for western asia": "ESCWA",
    "escwa": "ESCWA",
}
# Bodies whose resolutions the archive can name only when numbered "session/number".
REGIONAL_COMMISSIONS = ("ESCAP", "ECA", "ECLAC", "ESCWA")
# How people abbreviate bodies when they type a citation ("UNGA res. 70/126", "ECOSOC res 2010/12").
_TYPED_BODY_NAMES = {**_BODY_NAMES, "unga": "GA", "un general assembly": "GA", "unsc": "SC"}
_TYPED_BODY_RE = re.compile(
    r"(?<![\w/])(?P<name>"
    + "|".join(re.escape(name) for name in sorted(_TYPED_BODY_NAMES, key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)
KEYWORD_RE = re.compile(
    r"(?:(?P<body>General Assembly and Security Council|General Assembly|Economic and Social Council"
    r"|Human Rights Council|Security Council"
    r"|Commission on Human Rights|United Nations Environment Assembly|Environment Assembly"
    r"|Economic and Social Commission for Asia and the Pacific|Economic Commission for Africa"
    r"|Economic Commission for Latin America and the Caribbean|Economic and Social Commission for Western Asia"
    r"|Assembly|Council|GA|ECOSOC|HRC|SC|ESCAP|ECA|ECLAC|ESCWA)\s+)?"
    r"(?P<keyword>[Rr]esolutions?|[Dd]ecisions?|[Rr]es\.?)\s+(?=(?:(?:S|ES)-)?\d)"
)
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
# An organ's name: capitalised words ending in a word organs that adopt resolutions are called by.
_ORGAN_NAME = (
    r"General Assembly|Economic and Social Council|Human Rights Council|Security Council"
    r"|Commission on Human Rights|(?:United Nations )?Environment Assembly"
    r"|(?:[A-Z][\w’'-]*\s+(?:(?:of|on|for|and|the|to|against)\s+)*)*"
    r"(?:Assembly|Council|Commission|Conference|Committee|Board|Organization|Parties)\b"
    # …and what may follow the noun: "Commission on Narcotic Drugs", "Conference of the Parties to the Convention"
    r"(?:\s+(?:of|on|for|against|to)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:and|of|the|in|on|for)\s+)*[A-Z][\w’'-]*)*)*"
)
# "… 14/17 of the Conference of the Parties": the number belongs to the body named after it.
_OF_BODY_AFTER_RE = re.compile(
    rf"(?:,?\s+of\s+\d{{1,2}}\s+(?:{MONTHS_PATTERN})\s+\d{{4}})?\s+(?:of|adopted by)\s+the\s+(?P<name>{_ORGAN_NAME})"
)
# Organs named in full, longest first (so "Human Rights Council" is not read as "Council").
_NAMED_ORGANS = sorted((name for name in _BODY_NAMES if " " in name), key=len, reverse=True)
# Capitalised words that stand before "resolution" without naming an organ.
_LEAD_WORDS = {
    "see",
    "also",
    "recalling",
    "recalls",
    "recall",
    "reaffirming",
    "reaffirms",
    "welcoming",
    "welcomes",
    "noting",
    "notes",
    "including",
    "in",
    "under",
    "by",
    "pursuant",
    "taking",
    "takes",
    "bearing",
    "guided",
    "further",
    "and",
    "its",
    "the",
    "resolution",
    "resolutions",
    "with",
    "of",
    "on",
    "as",
    "to",
    "that",
    "this",
    "cf",
    "annex",
    "particularly",
    "especially",
    "namely",
    "endorsing",
    "endorses",
    "reiterating",
    "emphasizing",
    "stressing",
    "acknowledging",
    "recognizing",
    "underlining",
    "mindful",
    "having",
    "decides",
}


@dataclass(frozen=True)
class Reference:
    """A citation typed by a person: which document, and which paragraph of it if named."""

    symbol: str
    paragraph_key: str = ""
    last_key: str = ""  # the end of a range of paragraphs ("paras. 3–5": "op5")


def _title_case_tokens(component: str) -> str:
    def fix(match: re.Match) -> str:
        word = match.group(0)
        return _TITLE_CASE_TOKENS.get(word, word)

    return re.sub(r"[A-Z]+(?=\.|\b)", fix, component)


def _canonical_full_symbol(raw: str) -> str:
    """'a/hrc/res/35/2' -> 'A/HRC/RES/35/2'; 'A/72/6 (Sect. 24)' -> 'A/72/6(Sect.24)'."""
    symbol = re.sub(r"\s+", "", raw.strip()).upper()
    symbol = _title_case_tokens(symbol)
    # Part letters of modern resolutions: "A/RES/75/101A" -> "A/RES/75/101 A".
    part = re.fullmatch(r"(?P<base>.*/(?:RES|DEC)/(?:(?:S|ES)-)?\d+/\d+)(?P<part>[A-Z])", symbol)
    if part:
        symbol = f"{part['base']} {part['part']}"
    return symbol


def _kind_of(symbol: str) -> str:
    upper = symbol.upper()
    if "/RES/" in upper or re.search(r"/RES\.\d", upper):
        return CITES_RESOLUTION
    if _REPORT_RE.match(upper):
        return CITES_REPORT
    return CITES_DOCUMENT


FIRST_SLASHED_GA_SESSION = 31


def _body_prefix(code: str, decision: bool) -> str | None:
    if code == "SC":
        return None if decision else "S/RES/"
    if code == "CHR":
        return "E/CN.4/DEC/" if decision else "E/CN.4/RES/"
    info = BODIES.get(code)
    if info is None:
        return None
    return info.symbol_prefix.replace("/RES/", "/DEC/") if decision else info.symbol_prefix


def _symbol_for_number(match: re.Match, body: str | None, context_body: str, decision: bool) -> list[str]:
    """Canonical symbols for one matched number; [] when the body cannot be named."""
    if match["old"]:
        if decision or body in ("SC", "HRC", "CHR", "UNEA", *REGIONAL_COMMISSIONS):
            return []
        prefix = "E/RES/" if body == "ECOSOC" else "A/RES/"
        return [f"{prefix}{match['old']}({match['roman']})"]
    if match["sc"]:
        if decision or body not in (None, "SC", "COUNCIL", "?", "GA+SC"):
            return []
        return [f"S/RES/{match['sc']}({match['year']})"]
    if body == "GA+SC":
        body = "GA"
    if body == "?":
        return []
    session, number = match["session"], match["num"]
    if body == "UNEA":
        return [] if decision else [f"UNEP/EA.{session}/Res.{number}"]
    if decision and body is None and context_body == "GA" and int(number) < 400:
        return []  # the Assembly numbers its decisions from 401: "its decision 7/1" is some other organ's
    year_shaped = bool(re.fullmatch(r"(?:19[4-9]|20\d)\d", session))
    if body == "COUNCIL":
        body = context_body if context_body in ("ECOSOC", "HRC") else "ECOSOC" if year_shaped else "HRC"
    elif body is None:
        if decision and context_body not in BODIES:
            return []
        if year_shaped:
            body = "CHR" if context_body == "CHR" else "ECOSOC"
        elif BODIES.get(context_body) and not BODIES[context_body].sessions_are_years:
            body = context_body
        else:
            body = "GA"
    if body == "SC":
        return []
    if body == "GA" and session.isdigit() and int(session) < FIRST_SLASHED_GA_SESSION:
        return []  # before its 31st session the Assembly numbered resolutions "1514 (XV)"
    if body == "ECOSOC" and not year_shaped:
        return []  # the Council numbers by year; "Council resolution 35/2" is not its
    prefix = _body_prefix(body, decision)
    if prefix is None:
        return []
    base = f"{prefix}{session}/{number}"
    letters = _part_letters(match["parts"] or "")
    return [f"{base} {letter}" for letter in letters] or [base]


def _part_letters(text: str) -> list[str]:
    """' A-C' -> ['A', 'B', 'C']; ' A and B' -> ['A', 'B']."""
    letters = re.findall(r"[A-Z]{1,2}", text)
    if len(letters) == 2 and re.search(r"[-–]|\bto\b", text) and all(len(x) == 1 for x in letters):
        return [chr(c) for c in range(ord(letters[0]), ord(letters[1]) + 1)]
    return letters


def _pinpoint_before(match: re.Match) -> str:
    """The key named by "paragraph 3 (b) of the annex to", "paragraphs 4 to 6 of section XIII of",
    "third preambular paragraph of",
    "paragraph 1 of guideline 5 of the annex to"."""
    where = ""
    if match["annex"]:
        named = (f"{match['named_place']} {match['named_number']}",) if match["named_place"] else ()
        where = place(annex_part_named(match["annex_numeral"]), named)
    elif match["section"]:
        where = place("", (match["section"],))
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


def _organ_before(text: str, start: int) -> bool:
    """True when capitalised words just before ``start`` name an organ ("Commission on Narcotic Drugs")."""
    before = text[max(0, start - 60) : start]
    word = re.search(r"([A-Za-z’'\-]+)\s*$", before)
    if not word:
        return False
    token = word.group(1)
    if not token[0].isupper() or token.lower() in _LEAD_WORDS:
        return False
    # A capitalised word that opens the text or a sentence is no organ ("Recalling resolution").
    preceding = before[: word.start()].rstrip()
    return bool(preceding) and preceding[-1] not in '.;:“"(['


# An organ named just before "(its) resolution", with only connecting words between:
# "the Human Rights Council, in its resolution 36/10", "adopted by the Council, including resolution 36/6".
_ORGAN_RE = re.compile(rf"(?P<name>{_ORGAN_NAME})")
# Words that may stand between an organ and "its resolution" ("the Council, in its resolution")…
_ITS_CONNECTING_RE = re.compile(r"^[,\s]*(?:(?:in|through|by|at|under)\s+)?its\s+$")
# …and between an organ and a bare "resolution" ("adopted by the Council, including resolution").
_BARE_CONNECTING_RE = re.compile(
    r"^[,\s]*(?:(?:in|through|by|at|as|reflected|contained|adopted|including|pursuant|to|under|of|established"
    r"|mandated|notably|particular|particularly|especially|recent|latest|most|the|which|was|being|is|submitted"
    r"|resolutions|on|subject|topic|relevant|all)\b[,\s]*){0,10}$"
)
# What may stand between two phrases for the second to share the first's body:
# "Human Rights Council resolutions 23/13 of 13 June 2013 on …, as well as resolutions 28/6".
_CONTINUATION_RE = re.compile(r"^[^;.“”]{0,200}?(?:,?\s+and|,?\s+as well as|,)\s+$")


def _phrase_body(text: str, keyword: re.Match, previous_end: int, previous_body: str | None) -> tuple[str | None, bool]:
    """The body of a "resolution(s) …" phrase and whether it was inferred from the words around it.

    "skip" when the phrase is a resolution printed inside another document
    ("…, annex II, resolution 14/221"); "?" for an organ the archive cannot name.
    """
    body_name = keyword["body"]
    start = keyword.start()
    if body_name:
        body = _BODY_NAMES[body_name.lower()]
        if body_name in ("Assembly", "Council", "SC", "HRC", "GA", "ECOSOC") and _organ_before(text, start):
            return "?", False  # "World Health Assembly resolution", "Trusteeship Council resolution"
        return body, False
    if _organ_before(text, start):
        return "?", False  # "Commission on Narcotic Drugs resolution 59/5"
    if _INSIDE_DOCUMENT_RE.search(text, max(0, start - 40), start) and _DOCUMENT_BEFORE_RE.search(
        text, max(0, start - 120), start
    ):
        return "skip", False
    before = _body_before(text, start)
    if before:
        return before, True
    if previous_body and previous_body not in ("GA", "?") and _CONTINUATION_RE.match(text[previous_end:start]):
        return previous_body, True
    return None, False


def _body_before(text: str, start: int) -> str | None:
    """The body named just before a bare "resolution" (None: none named, "?": an organ we cannot name)."""
    window_start = max(0, start - 90)
    last = None
    for match in _ORGAN_RE.finditer(text, window_start, start):
        last = match
    if last is None:
        return None
    between = text[last.end() : start]
    connected = (
        _ITS_CONNECTING_RE.match(between) if re.search(r"\bits\s+$", between) else _BARE_CONNECTING_RE.match(between)
    )
    if not connected:
        return None
    code = _organ_code(last["name"])
    if code == "?" and re.search(r"\b(?:established|pursuant|mandated|created|convened)\b", between):
        return None  # "the Preparatory Committee established by resolution 69/292": not the committee's own
    return code


def _organ_code(name: str) -> str:
    """The body code for an organ's name as printed ("Recalling the Human Rights Council" -> "HRC"), "?" if unknown."""
    lowered = " ".join(name.lower().split())
    for known in _NAMED_ORGANS:
        if lowered == known or lowered.endswith(" " + known):
            return _BODY_NAMES[known]
    last_words = lowered.split()[-2:]
    if last_words[-1] == "assembly" and (len(last_words) == 1 or last_words[0] in _LEAD_WORDS):
        return "GA"  # "the Assembly"
    if last_words[-1] == "council" and (len(last_words) == 1 or last_words[0] in _LEAD_WORDS):
        return "COUNCIL"
    return "?"


def _body_after(text: str, end: int) -> str | None:
    """The body named right after a number ("of the Human Rights Council"), "?" for an unknown organ."""
    match = _OF_BODY_AFTER_RE.match(text, end)
    if not match:
        return None
    name = match["name"].strip().lower()
    for known in _NAMED_ORGANS:
        if name == known or name.startswith(known + " "):
            return _BODY_NAMES[known]
    return "?"


# Hyphens the UN prints in "S‑24/2" (non-breaking) read as "-"; same length, so spans hold.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# "…, annex II, resolution 14/221": a resolution of some other body, printed inside a document.
# …when a report or supplement is named just before (not "Resolution 78/3, annex, resolution 78/4").
_DOCUMENT_BEFORE_RE = re.compile(r"\b[A-Z]{1,6}(?:\.\d+)?/(?!RES/)[\w.]+/|Supplement No\.")
_INSIDE_DOCUMENT_RE = re.compile(
    r"(?:annex(?:es)?(?:\s+[IVXL]+)?|chap\.\s*[IVXL]+|sect\.\s*[\w.]+|part\s+\w+),\s*$", re.IGNORECASE
)


def find_citations(text: str, *, context_body: str = "GA") -> list[ParsedCitation]:
    """Every citation in ``text``, in order of position; spans index ``text``."""
    original = text
    text = text.translate(_HYPHENS)
    found: list[ParsedCitation] = []
    taken: list[tuple[int, int]] = []
    previous_end, previous_body = -1, None  # the last phrase with a body named before it
    for keyword in KEYWORD_RE.finditer(text):
        if any(s <= keyword.start() < e for s, e in taken):
            continue
        decision = keyword["keyword"].lower().startswith("d")
        body, inferred = _phrase_body(text, keyword, previous_end, previous_body)
        if body == "skip":
            continue
        if (
            decision
            and body is None
            and not re.search(r"\bits\s+$", text[max(0, keyword.start() - 8) : keyword.start()])
        ):
            continue  # "decision 14/17": whose? Left alone rather than guessed.
        pinpoint = _PINPOINT_BEFORE_RE.search(text, max(0, keyword.start() - 160), keyword.start())
        position = keyword.end()
        phrase: list[ParsedCitation] = []
        phrase_end = None
        first = True
        while True:
            number = NUMBER_RE.match(text, position)
            if not number:
                break
            item_body = body
            after = _body_after(text, number.end())
            if after and (body is None or inferred):
                item_body = after
            symbols = _symbol_for_number(number, item_body, context_body, decision)
            if not symbols and inferred and item_body not in ("?", None):
                symbols = _symbol_for_number(number, None, context_body, decision)
            start = keyword.start() if first else number.start()
            target_paragraph = ""
            if first and pinpoint and _pinpoint_before(pinpoint):
                start = pinpoint.start()
                target_paragraph = _pinpoint_before(pinpoint)
            end = number.end()
            after_pinpoint = _PINPOINT_AFTER_RE.match(text, end)
            if after_pinpoint and not target_paragraph and not re.match(r"\s+of\b", text[after_pinpoint.end() :]):
                target_paragraph = pinpoint_key(
                    "",
                    int(after_pinpoint["number"]),
                    letter=after_pinpoint["letter"] or "",
                    item=after_pinpoint["roman"] or "",
                )
                end = after_pinpoint.end()
            kind = CITES_RESOLUTION if not decision else CITES_DOCUMENT
            phrase += [
                ParsedCitation(symbol, original[start:end], kind, start, end, target_paragraph=target_paragraph)
                for symbol in symbols
            ]
            taken.append((start, end))
            phrase_end = end
            first = False
            gap = ITEM_GAP_RE.match(text, number.end())
            if not gap or not NUMBER_RE.match(text, gap.end()):
                break
            position = gap.end()
        if phrase_end is None:
            continue  # "resolution 1, annex": no number in a shape the UN's bodies use
        if (body is None or inferred) and _body_after(text, phrase_end) == "?":
            continue  # "resolutions 6/2 and 6/3 … of the Conference of the States Parties"
        found += phrase
        if keyword["body"] or inferred:
            previous_end, previous_body = phrase_end, body
    for match in FULL_SYMBOL_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        raw = match["first"]
        if not re.search(r"\d", raw) or not _plausible_symbol(raw):
            continue
        symbol = _canonical_full_symbol(raw)
        end = match.end("second") if match["second"] else match.end("first")
        if match["part"] and "/RES/" in symbol.upper():
            symbol = f"{symbol} {match['part'].strip()}"
            end = match.end("part")
        start = match.start()
        target_paragraph = ""
        kind = _kind_of(symbol)
        if kind == CITES_RESOLUTION:
            after_pinpoint = _PINPOINT_AFTER_RE.match(text, end)
            if after_pinpoint and not re.match(r"\s+of\b", text[after_pinpoint.end() :]):
                target_paragraph = pinpoint_key(
                    "",
                    int(after_pinpoint["number"]),
                    letter=after_pinpoint["letter"] or "",
                    item=after_pinpoint["roman"] or "",
                )
                end = after_pinpoint.end()
        found.append(ParsedCitation(symbol, original[start:end], kind, start, end, target_paragraph=target_paragraph))
        taken.append((start, end))
    found.sort(key=lambda c: (c.start, c.symbol))
    return found


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


def _plausible_symbol(raw: str) -> bool:
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


def citations_for(resolution: ParsedResolution) -> list[ParsedCitation]:
    """Citations in every paragraph and footnote of ``resolution``, keyed to where they stand."""
    citations: list[ParsedCitation] = []
    for paragraph in resolution.paragraphs:
        for citation in find_citations(paragraph.text, context_body=resolution.body):
            if citation.symbol.upper() != resolution.symbol.upper():
                citations.append(replace(citation, paragraph_key=paragraph.key))
    for footnote in resolution.footnotes:
        for citation in find_citations(footnote.text, context_body=resolution.body):
            if citation.symbol.upper() != resolution.symbol.upper():
                citations.append(replace(citation, footnote_marker=footnote.marker))
    return citations


def normalize_symbol(text: str, context_body: str = "GA") -> str | None:
    """The canonical spelling of a UN symbol written any way; None when ``text`` is not one.

    Accepts full symbols in any case ("a/res/70/126"), URL spellings
    ("A-RES-70-126", "https://undocs.org/en/A/RES/70/126"), bare numbers
    ("70/126" -> A/RES/70/126, "2010/12" -> E/RES/2010/12, "S-24/2",
    "1514 (XV)", "1325 (2000)") and part letters ("A/RES/75/101A").
    """
    candidate = (text or "").strip()
    candidate = re.sub(
        r"^(?:https?://)?(?:www\.)?(?:undocs\.org|docs\.un\.org)/(?:[a-z]{2}/)?", "", candidate, flags=re.I
    )
    candidate = re.sub(r"^/*(?:[a-z]{2}/)?/*", "", candidate).translate(_HYPHENS)
    candidate = re.sub(
        r"\(supp\)$", "", candidate.rstrip(".,;"), flags=re.IGNORECASE
    )  # the UN's link marker for supplements
    if not candidate or len(candidate) > 80:
        return None
    if "/" not in candidate and re.fullmatch(r"[A-Za-z]{1,10}(?:[-_][A-Za-z0-9.]+)+", candidate):
        # URL-safe spelling: A-RES-70-126, A-RES-S-24-2, E_ESCAP_RES_67_8
        pieces = re.split(r"[-_]", candidate)
        joined: list[str] = []
        for piece in pieces:
            if joined and joined[-1].upper() in ("S", "ES") and piece.isdigit():
                joined[-1] = f"{joined[-1].upper()}-{piece}"
            elif joined and joined[-1].lower() in ("add", "corr", "rev", "amend") and piece.isdigit():
                joined[-1] = f"{joined[-1]}.{piece}"  # A-70-179-Add-1
            else:
                joined.append(piece)
        part = ""
        if len(joined) > 3 and re.fullmatch(r"[A-Za-z]{1,2}", joined[-1]) and joined[-2].isdigit():
            part = " " + joined.pop()  # A-RES-75-101-A: the part letter of A/RES/75/101 A
        candidate = "/".join(joined) + part
    number = NUMBER_RE.fullmatch(candidate)
    if number:
        symbols = _symbol_for_number(number, None, context_body, decision=False)
        return symbols[0] if len(symbols) == 1 else None
    match = FULL_SYMBOL_RE.fullmatch(candidate) or FULL_SYMBOL_RE.fullmatch(candidate.upper())
    if not match or not _plausible_symbol(match["first"]):
        return None
    symbol = _canonical_full_symbol(match["first"])
    if match["part"] and "/RES/" in symbol.upper():
        symbol = f"{symbol} {match['part'].strip()}"
    return symbol


def _typed_body(text: str, position: int) -> str | None:
    """The body a typed citation names: the last one named before ``position``, else the first after it."""
    named = list(_TYPED_BODY_RE.finditer(text))
    before = [match for match in named if match.end() <= position]
    chosen = before[-1] if before else next((match for match in named if match.start() >= position), None)
    return _TYPED_BODY_NAMES[" ".join(chosen["name"].lower().split())] if chosen else None


def _typed_document(text: str, context_body: str) -> tuple[str, int, int] | None:
    """(symbol, start, end) of the document a typed citation names: a full symbol, else a number with its body."""
    for candidate in (text, text.translate(_ASCII_UPPER)):
        for match in FULL_SYMBOL_RE.finditer(candidate):
            if re.search(r"\d", match["first"]) and _plausible_symbol(match["first"]):
                symbol = _canonical_full_symbol(match["first"])
                end = match.end("first")
                if match["part"] and "/RES/" in symbol.upper():
                    symbol, end = f"{symbol} {match['part'].strip()}", match.end("part")
                return symbol, match.start(), end
    numbers = sorted(NUMBER_RE.finditer(text), key=lambda match: not match["session"])  # "70/126" before "2 (IV)"
    decision = bool(re.search(r"(?<![\w/])dec(?:ision)?s?\.?(?![\w/])", text, re.IGNORECASE))
    for number in numbers:
        symbols = _symbol_for_number(number, _typed_body(text, number.start()), context_body, decision)
        if symbols:
            return symbols[0], number.start(), number.end()
    return None


_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def parse_reference(text: str, context_body: str = "GA") -> Reference | None:
    """A citation as a person types it, to the document and paragraph it names.

    The document: a symbol ("A/RES/70/126", "E/ESCAP/RES/67/8"), or a number with
    the body named anywhere around it ("ESCAP resolution 67/8", "ECOSOC res.
    2010/12", "70/126" in ``context_body``). The paragraph, in any of the ways
    ``permalinks.read_pinpoint`` reads ("¶5", "pp3 of", "paras. 3–5", "annex,
    para. 18 (b)", "sub-paragraph (b) of paragraph 2"); a range names its first
    paragraph and keeps its last in ``last_key``. None when no document is named.
    """
    text = " ".join((text or "").translate(_HYPHENS).split())
    if not text or len(text) > 300:
        return None
    symbol = normalize_symbol(text, context_body)
    if symbol:
        return Reference(symbol)
    document = _typed_document(text, context_body)
    if document is None:
        return None
    symbol, start, end = document
    pinpoint = read_pinpoint(text[:start] + " " + text[end:])
    if pinpoint is None:
        return Reference(symbol)
    return Reference(symbol, pinpoint.key, pinpoint.last_key)
