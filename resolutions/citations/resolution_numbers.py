"""Resolution and decision numbers as the UN prints them, and the symbols they stand for (pure: no ORM).

The grammar of a numbered phrase: the word "resolution(s)" or "decision(s)", with
an optional issuing body before it ("General Assembly resolutions", "Economic and
Social Council decision"), then one number or a list of them ("66/122 of 19
December 2011 and 68/131", "1514 (XV) and 1541 (XV)", "61/16 A-C").

A number resolves by its shape and by the body: "65/1" of the General Assembly is
A/RES/65/1, of ESCAP E/ESCAP/RES/65/1; "2010/12" is always the Economic and Social
Council's (the only body that numbers by year); "1514 (XV)" is an early General
Assembly resolution and "1325 (2000)" a Security Council one. The Assembly
numbered resolutions "N/N" only from its 31st session, so "8/6" is never its, and
its decisions from 401.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resolutions.reference.bodies import BODIES, printed_body_names
from resolutions.reference.languages.registry import language_for

_MONTHS = language_for("en").months_pattern  # the citations read English texts

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
    rf",?\s+of\s+(?:\d{{1,2}}\s+(?:of\s+)?(?:{_MONTHS})\s+(?:of\s+)?)?\d{{3,4}}"  # "of 19 December 2011" (and misprints)
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
# Every body a "resolution" may follow, as printed, longest first: "General Assembly", "Assembly", "GA".
_KEYWORD_BODY_NAMES = sorted(
    [*printed_body_names(), "General Assembly and Security Council", "Council"], key=len, reverse=True
)
KEYWORD_RE = re.compile(
    r"(?:(?P<body>" + "|".join(re.escape(name) for name in _KEYWORD_BODY_NAMES) + r")\s+)?"
    r"(?P<keyword>[Rr]esolutions?|[Dd]ecisions?|[Rr]es\.?)\s+(?=(?:(?:S|ES)-)?\d)"
)

# Bodies whose resolutions the archive can name only when numbered "session/number".
REGIONAL_COMMISSIONS = ("ESCAP", "ECA", "ECLAC", "ESCWA")
FIRST_SLASHED_GA_SESSION = 31
# The Assembly numbers its decisions from 401: "its decision 7/1" is some other organ's.
FIRST_GA_DECISION = 400
_YEAR_RE = re.compile(r"(?:19[4-9]|20\d)\d")


def listed_numbers(text: str, position: int) -> Iterator[re.Match]:
    """The numbers of the list that starts at ``position``: "66/122 of 19 December 2011 and 68/131", in order."""
    while number := NUMBER_RE.match(text, position):
        yield number
        gap = ITEM_GAP_RE.match(text, number.end())
        if not gap:
            return
        position = gap.end()


def symbol_for_number(match: re.Match, body: str | None, context_body: str, decision: bool) -> list[str]:
    """Canonical symbols for one matched number; [] when the body cannot be named.

    ``body`` is the body named around the number (None: none named, "?": an organ the
    archive cannot name, "COUNCIL": a council told apart by the number's shape);
    ``context_body`` the body of the citing text. Part letters give one symbol each.
    """
    if match["old"]:
        return _early_assembly_symbol(match, body, decision)
    if match["sc"]:
        return _security_council_symbol(match, body, decision)
    return _session_numbered_symbols(match, body, context_body, decision)


def _early_assembly_symbol(match: re.Match, body: str | None, decision: bool) -> list[str]:
    """ "1514 (XV)": a resolution of the Assembly's first thirty sessions (or of the Council then)."""
    if decision or body in ("SC", "HRC", "CHR", "UNEA", *REGIONAL_COMMISSIONS):
        return []
    prefix = "E/RES/" if body == "ECOSOC" else "A/RES/"
    return [f"{prefix}{match['old']}({match['roman']})"]


def _security_council_symbol(match: re.Match, body: str | None, decision: bool) -> list[str]:
    """ "1325 (2000)": a Security Council resolution, numbered with its year."""
    if decision or body not in (None, "SC", "COUNCIL", "?", "GA+SC"):
        return []
    return [f"S/RES/{match['sc']}({match['year']})"]


def _session_numbered_symbols(match: re.Match, body: str | None, context_body: str, decision: bool) -> list[str]:
    """ "70/126", "2010/12", "S-24/2", "61/16 A-C": numbered by session or year, then within it."""
    session, number = match["session"], match["num"]
    if body == "GA+SC":
        body = "GA"
    if body == "?":
        return []
    if body == "UNEA":
        return [] if decision else [f"UNEP/EA.{session}/RES.{number}"]  # as normalize_symbol spells it
    if decision and body is None and context_body == "GA" and int(number) < FIRST_GA_DECISION:
        return []
    body = _numbering_body(body, session, context_body, decision)
    if body is None or not _numbers_so(body, session):
        return []
    prefix = _body_prefix(body, decision)
    if prefix is None:
        return []
    base = f"{prefix}{session}/{number}"
    letters = _part_letters(match["parts"] or "")
    return [f"{base} {letter}" for letter in letters] or [base]


def _is_year(session: str) -> bool:
    """True when a number's first half is a year ("2010/12"), not a session ("70/126")."""
    return bool(_YEAR_RE.fullmatch(session))


def _numbering_body(body: str | None, session: str, context_body: str, decision: bool) -> str | None:
    """The body a number belongs to when none, or just "Council", is named; None when it cannot be told."""
    if body == "COUNCIL":
        if context_body in ("ECOSOC", "HRC"):
            return context_body
        return "ECOSOC" if _is_year(session) else "HRC"
    if body is not None:
        return body
    if decision and context_body not in BODIES:
        return None
    if _is_year(session):
        return "CHR" if context_body == "CHR" else "ECOSOC"
    if BODIES.get(context_body) and not BODIES[context_body].sessions_are_years:
        return context_body
    return "GA"


def _numbers_so(body: str, session: str) -> bool:
    """Whether ``body`` numbers its resolutions "session/number" with this first half."""
    if body == "SC":
        return False
    if body == "GA" and session.isdigit() and int(session) < FIRST_SLASHED_GA_SESSION:
        return False  # before its 31st session the Assembly numbered resolutions "1514 (XV)"
    # The Council numbers by year: "Council resolution 35/2" is not its.
    return body != "ECOSOC" or _is_year(session)


def _body_prefix(code: str, decision: bool) -> str | None:
    """The symbol prefix of a body's resolutions or decisions ("A/RES/", "E/DEC/"); None when it has none."""
    if code == "SC":
        return None if decision else "S/RES/"
    if code == "CHR":
        return "E/CN.4/DEC/" if decision else "E/CN.4/RES/"
    info = BODIES.get(code)
    if info is None:
        return None
    return info.symbol_prefix.replace("/RES/", "/DEC/") if decision else info.symbol_prefix


def _part_letters(text: str) -> list[str]:
    """' A-C' -> ['A', 'B', 'C']; ' A and B' -> ['A', 'B']."""
    letters = re.findall(r"[A-Z]{1,2}", text)
    if len(letters) == 2 and re.search(r"[-–]|\bto\b", text) and all(len(x) == 1 for x in letters):
        return [chr(c) for c in range(ord(letters[0]), ord(letters[1]) + 1)]
    return letters
