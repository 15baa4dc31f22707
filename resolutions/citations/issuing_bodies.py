"""Which body issued a resolution cited by number in running text (pure: no ORM).

The body is named in the phrase ("Human Rights Council resolution 35/2"), or just
before it ("the Human Rights Council, in its resolution 36/10", "Human Rights Council
resolutions on the subject, including resolution 48/5"), or after the number ("14/17
of the Conference of the Parties"); a bare phrase that continues an explicit one
shares its body ("Human Rights Council resolutions 23/13 …, as well as resolutions
28/6"). Organs the archive cannot name a symbol for ("Commission on Narcotic Drugs
resolution 59/5", "World Health Assembly resolution 72/8") come back as "?", and a
resolution printed inside another document ("…, annex II, resolution 14/221") as
"skip", so that neither is guessed.
"""

from __future__ import annotations

import re

from resolutions.reference.bodies import codes_by_printed_name, printed_body_names
from resolutions.reference.languages.registry import language_for

_MONTHS = language_for("en").months_pattern  # the citations read English texts
# What the texts print besides one body's name: "the Council" (told apart by the number's shape), and the
# two bodies that adopt identical resolutions ("General Assembly and Security Council resolutions 70/262 and 2282").
JOINT_NAMES = {"council": "COUNCIL", "general assembly and security council": "GA+SC"}
# Bodies as printed, lower case, to their codes.
BODY_NAMES = codes_by_printed_name() | JOINT_NAMES
# Short names that other organs share: "World Health Assembly resolution", "Trusteeship Council resolution".
_SHARED_SHORT_NAMES = ("Assembly", "Council", "SC", "HRC", "GA", "ECOSOC")
# The organs named in full where the archive knows them, longest first.
_ORGAN_FULL_NAMES = [name for name in printed_body_names() if " " in name]
# An organ's name: capitalised words ending in a word organs that adopt resolutions are called by.
_ORGAN_NAME = (
    "|".join(re.escape(name) for name in _ORGAN_FULL_NAMES)
    + r"|(?:[A-Z][\w’'-]*\s+(?:(?:of|on|for|and|the|to|against)\s+)*)*"
    r"(?:Assembly|Council|Commission|Conference|Committee|Board|Organization|Parties)\b"
    # …and what may follow the noun: "Commission on Narcotic Drugs", "Conference of the Parties to the Convention"
    r"(?:\s+(?:of|on|for|against|to)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:and|of|the|in|on|for)\s+)*[A-Z][\w’'-]*)*)*"
)
# "… 14/17 of the Conference of the Parties": the number belongs to the body named after it.
_OF_BODY_AFTER_RE = re.compile(
    rf"(?:,?\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})?\s+(?:of|adopted by)\s+the\s+(?P<name>{_ORGAN_NAME})"
)
# Organs named in full, longest first (so "Human Rights Council" is not read as "Council").
_NAMED_ORGANS = sorted((name for name in BODY_NAMES if " " in name), key=len, reverse=True)
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
# "…, annex II, resolution 14/221": a resolution of some other body, printed inside a document.
# …when a report or supplement is named just before (not "Resolution 78/3, annex, resolution 78/4").
_DOCUMENT_BEFORE_RE = re.compile(r"\b[A-Z]{1,6}(?:\.\d+)?/(?!RES/)[\w.]+/|Supplement No\.")
_INSIDE_DOCUMENT_RE = re.compile(
    r"(?:annex(?:es)?(?:\s+[IVXL]+)?|chap\.\s*[IVXL]+|sect\.\s*[\w.]+|part\s+\w+),\s*$", re.IGNORECASE
)


def phrase_body(text: str, keyword: re.Match, previous_end: int, previous_body: str | None) -> tuple[str | None, bool]:
    """The body of a "resolution(s) …" phrase and whether it was inferred from the words around it.

    ``keyword`` is the phrase's ``KEYWORD_RE`` match; ``previous_end`` and ``previous_body``
    are the end and body of the last phrase that named one. "skip" when the phrase is a
    resolution printed inside another document ("…, annex II, resolution 14/221"); "?" for
    an organ the archive cannot name; None when no body is named.
    """
    start = keyword.start()
    if keyword["body"]:
        return _body_in_phrase(text, keyword["body"], start), False
    if _organ_before(text, start):
        return "?", False  # "Commission on Narcotic Drugs resolution 59/5"
    if _inside_document(text, start):
        return "skip", False
    return _inferred_body(text, start, previous_end, previous_body)


def body_after(text: str, end: int) -> str | None:
    """The body named right after a number ("of the Human Rights Council"), "?" for an unknown organ."""
    match = _OF_BODY_AFTER_RE.match(text, end)
    if not match:
        return None
    name = match["name"].strip().lower()
    for known in _NAMED_ORGANS:
        if name == known or name.startswith(known + " "):
            return BODY_NAMES[known]
    return "?"


def _body_in_phrase(text: str, body_name: str, start: int) -> str:
    """The body the phrase names ("Human Rights Council resolution"); "?" when a short name is another organ's."""
    if body_name in _SHARED_SHORT_NAMES and _organ_before(text, start):
        return "?"  # "World Health Assembly resolution", "Trusteeship Council resolution"
    return BODY_NAMES[body_name.lower()]


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


def _inside_document(text: str, start: int) -> bool:
    """True for "…, annex II, resolution 14/221" after a report's symbol: another body's resolution inside it."""
    return bool(
        _INSIDE_DOCUMENT_RE.search(text, max(0, start - 40), start)
        and _DOCUMENT_BEFORE_RE.search(text, max(0, start - 120), start)
    )


def _inferred_body(text: str, start: int, previous_end: int, previous_body: str | None) -> tuple[str | None, bool]:
    """The body of a bare "resolution": the organ named just before, else the previous phrase's it continues."""
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
            return BODY_NAMES[known]
    last_words = lowered.split()[-2:]
    if last_words[-1] == "assembly" and (len(last_words) == 1 or last_words[0] in _LEAD_WORDS):
        return "GA"  # "the Assembly"
    if last_words[-1] == "council" and (len(last_words) == 1 or last_words[0] in _LEAD_WORDS):
        return "COUNCIL"
    return "?"
