"""What the text importers share: from classified lines to a ParsedResolution.

Every text format (ODS plain text, Markdown, a commission's plain text, text
extracted from a PDF) does the same few things once its own furniture is
gone: read metadata lines ("Resolution adopted by the General Assembly on …",
"[on the report of the Third Committee (A/68/448)]", "80th plenary meeting"),
join lines and page breaks into paragraphs, undo line-end hyphenation, number
paragraphs into stable keys, take footnote markers out of the text (keeping
their offsets) and find each paragraph's opening phrase. A format module
turns its source into ``Segment``s (blocks of content or metadata, with the
line they start on) and ``RawFootnote``s, and calls ``build_resolution``.

Nothing is dropped silently: a segment that is neither metadata nor content
(an advertisement, a URL, text after the closing formula) becomes a warning
naming its line.

Keys are built by resolutions/paragraph_keys.py, the scheme every importer
shares: roman items directly under a paragraph are ``op3-i``; numbered items
inside a paragraph ("Approves the following agenda:" 1., 2.) are
``op11-1``; and a declaration adopted in the text itself ("Adopts the
following political declaration:" then its title and numbered paragraphs)
is read like an annex, in the ``annex-`` namespace.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from resolutions.ingest.document import (
    OPERATIVE,
    PREAMBULAR,
    FootnotePlace,
    ParsedDocument,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
    SourceInfo,
)
from resolutions.reference.bodies import BODIES, BODY_BY_NAME, body_for_symbol
from resolutions.reference.dates import DATE_PATTERN, MONTH_NAMES, find_date
from resolutions.reference.numbers import cardinal_ordinal_from_words
from resolutions.reference.paragraph_keys import (
    annex_part_named,
    item_key,
    lettered_key,
    operative_key,
    place,
    preambular_key,
    unnumbered_operative_key,
)

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

# --- page furniture and cover lines -------------------------------------------------

SYMBOL_RE = re.compile(r"[A-Z]+(?:/[A-Z0-9.]+)*/(?:RES|Res)/(?:S-|ES-)?\d+(?:/\d+)+(?: ?[A-Z](?:-[A-Z])?)?")
JOB_NUMBER_RE = re.compile(r"^\d{2}-\d{5}(?: \([A-Z]\))?(?:\s+\d{6})?$")
BARCODE_RE = re.compile(r"^\*\d{7}\*(?:\s*Please recycle)?$")
PAGE_NUMBER_RE = re.compile(r"^\d{1,3}/\d{1,3}$")
JOB_AND_PAGE_RE = re.compile(r"^(?:\d{2}-\d{5}\s+\d{1,3}/\d{1,3}|\d{1,3}/\d{1,3}\s+\d{2}-\d{5})$")
RULE_RE = re.compile(r"^(?:_{3,}|-{3,}|\*{3,}|={3,})$")
SESSION_RE = re.compile(
    r"^(?P<ordinal>[A-Z][a-z]+(?:[-‑][a-z]+)?) (?P<special>(?:special |emergency special )?)session$"
)
AGENDA_RE = re.compile(r"^Agenda items? (?P<item>\d+(?: ?\([a-z]\))?(?:(?:, | and )\d+(?: ?\([a-z]\))?)*)$")
FURNITURE_LINES = {
    "united nations",
    "distr.: general",
    "distr.: limited",
    "please recycle",
    "general assembly",
    "economic and social council",
    "resolution",
    "resolutions",
}

# --- metadata lines ------------------------------------------------------------------

ADOPTED_RE = re.compile(
    r"^Resolution adopted by the (?P<body>[A-Z][\w ,'’-]+?) on " + r"(?P<date>" + DATE_PATTERN + r")\.?$"
)
REPORT_RE = re.compile(r"^\[on the reports? of the (?P<committee>[A-Z][\w ,'’-]+?) \((?P<report>[^)]+)\)\]$")
NO_COMMITTEE_RE = re.compile(r"^\[without reference to a Main Committee \((?P<draft>[^)]+)\)\]$")
MEETING_RE = re.compile(
    r"^(?P<meeting>\d+(?:st|nd|rd|th) (?:plenary |joint )?meeting)(?: (?P<date>" + DATE_PATTERN + r"))?\.?$"
)
DATE_LINE_RE = re.compile(r"^(?P<date>" + DATE_PATTERN + r")\.?$")
NUMBER_TITLE_RE = re.compile(r"^(?P<number>(?:S-|ES-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)\.?\s+(?P<title>\S.*)$")
# "Resolution 67/8" or the number alone on its line, the title on the next ("72/245." then the title)
RESOLUTION_NUMBER_RE = re.compile(
    r"^(?:Resolution (?P<named>(?:S-|ES-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)\.?|(?P<alone>(?:S-|ES-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)\.)$"
)
BODY_LINE_RE = re.compile(r"^The (?P<name>[A-Z][\w ,'’-]+?),?$")
ANNEX_RE = re.compile(r"^(?:Annex|ANNEX)(?: (?P<numeral>[IVXL]+))?$")  # capitals on the 1990s web pages

# --- paragraph numbers, markers, phrases ---------------------------------------------

OPERATIVE_NUMBER_RE = re.compile(r"^(?P<number>\d{1,3})\.(?=\s|$)\s*")
SUB_NUMBER_RE = re.compile(r"^\((?P<number>[a-z]{1,4})\)(?=\s|$)\s*")
ROMAN_RE = re.compile(r"^(?=[ivxl]+$)(?:l?x{0,3})(?:ix|iv|v?i{0,3})$")
TERMINATED_RE = re.compile(r"[.,;:!?][\"”’)\]]*$")

PHRASE_ADVERBS = {
    "also",
    "further",
    "again",
    "once",
    "strongly",
    "firmly",
    "deeply",
    "gravely",
    "seriously",
    "fully",
    "moreover",
    "furthermore",
    "urgently",
    "repeatedly",
    "solemnly",
    "warmly",
    "hereby",
}
PHRASE_ADJECTIVES = {
    "mindful",
    "aware",
    "conscious",
    "convinced",
    "concerned",
    "determined",
    "alarmed",
    "cognizant",
    "desirous",
    "guided",
    "committed",
    "encouraged",
    "appalled",
    "disturbed",
    "resolved",
    "seized",
    "pleased",
}
PHRASE_NOT_VERBS = {
    "this",
    "these",
    "those",
    "its",
    "his",
    "has",
    "was",
    "is",
    "as",
    "us",
    "thus",
    "always",
    "perhaps",
    "unless",
    "whereas",
    "various",
    "millions",
    "billions",
    "persons",
    "nations",
    "states",
    "countries",
    "governments",
    "regions",
    "members",
    "others",
    "less",
    "towards",
    "during",
    "including",
    "according",
    "regarding",
    "concerning",
    "notwithstanding",
    "nothing",
    "something",
    "everything",
    "morning",
    "evening",
    "building",
    "meeting",
    "funding",
    "financing",
    "training",
    "learning",
    "housing",
    "yes",
    "chess",
    "business",
    "progress",
    "access",
    "success",
    "address",
}
# Numbered paragraphs of declarations open with a verb in its base form ("Reaffirm", "Commit");
# these first words are not verbs.
NOT_BASE_VERBS = {
    "we",
    "yet",
    "while",
    "on",
    "given",
    "in",
    "the",
    "this",
    "these",
    "it",
    "as",
    "for",
    "with",
    "to",
    "a",
    "an",
    "all",
    "each",
    "although",
    "since",
    "despite",
    "today",
    "our",
    "however",
    "there",
    "if",
    "when",
    "where",
    "such",
    "no",
    "not",
    "only",
    "both",
    "by",
    "from",
    "at",
    "of",
    "and",
    "or",
    "but",
    "that",
    "those",
    "their",
    "its",
    "they",
    "any",
    "every",
    "other",
    "many",
    "some",
    "most",
    "more",
    "between",
    "among",
    "during",
    "after",
    "before",
    "under",
    "over",
    "through",
    "recent",
    "member",
    "states",
    "people",
    "women",
    "children",
    "persons",
    "millions",
    "billions",
}
EMOTION_NOUNS = (
    r"(?:appreciation|interest|concern|satisfaction|regret|alarm|gratitude|support|condolences|sympathy|solidarity"
    r"|thanks|hope|dismay|outrage)"
)
EMOTION_ADJECTIVES = r"(?:deep|grave|great|serious|particular|profound|sincere|full|strong|utmost|its|their|deep and)"

# Line-end fragments that are no word of their own: "protec-" + "tion" is one word,
# "long-" + "lasting" a compound that keeps its hyphen.
WORD_ENDINGS = {
    "tion",
    "tions",
    "sion",
    "sions",
    "ment",
    "ments",
    "ing",
    "ings",
    "ity",
    "ities",
    "ance",
    "ances",
    "ence",
    "ences",
    "ness",
    "nesses",
    "ble",
    "bly",
    "ably",
    "ibly",
    "al",
    "als",
    "ally",
    "ive",
    "ives",
    "ively",
    "ated",
    "ation",
    "ations",
    "ization",
    "izations",
    "isation",
    "ized",
    "ised",
    "izing",
    "ising",
    "ous",
    "ously",
    "ful",
    "fully",
    "ly",
    "ture",
    "tures",
    "cy",
    "cies",
    "gy",
    "gies",
    "ry",
    "ries",
    "ary",
    "aries",
    "ory",
    "ories",
    "ist",
    "ists",
    "ism",
    "isms",
    "ent",
    "ents",
    "ant",
    "ants",
    "ical",
    "ically",
    "ular",
    "ed",
    "er",
    "ers",
    "est",
    "ic",
    "ics",
    "ial",
    "ially",
    "ual",
    "ually",
    "ate",
    "ates",
    "ative",
    "atives",
    "ure",
    "ures",
    "ion",
    "ions",
    "lent",
    "lence",
    "tive",
    "tives",
    "sive",
    "sively",
    "able",
    "ible",
    "ility",
    "ilities",
}
FOREIGN_SCRIPT_SHARE = 0.3
LETTER_RE = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER_RE = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F\u1E00-\u1EFF]")
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")


@dataclass
class Segment:
    """A block of source text that a format module could not classify on its own."""

    text: str
    line: int  # where it starts in the source (1-based)
    after_page_break: bool = False  # content resumed after page furniture
    new_paragraph: bool = False  # the format knows a paragraph starts here (ODS tab indent)
    phrase: str = ""  # an opening phrase the format saw marked (Markdown italics)


@dataclass
class RawFootnote:
    marker: str
    text: str
    line: int


@dataclass
class Header:
    """Metadata gathered from the text (and the format's own furniture)."""

    symbol: str = ""
    symbol_line: int = 0
    body: str = ""
    number: str = ""
    title: str = ""
    adopted_on: dt.date | None = None
    meeting: str = ""
    report: str = ""
    agenda_item: str = ""
    committee: str = ""
    metadata: dict = field(default_factory=dict)


@dataclass
class Draft:
    """A paragraph being assembled: its raw text still carries footnote markers."""

    part: str
    number: str
    text: str
    line: int
    heading: str = ""
    phrase: str = ""
    sub: bool = False


# --- small helpers ---------------------------------------------------------------------


def parse_date(text: str) -> dt.date | None:
    return find_date(text)


def normalise_spaces(text: str) -> str:
    """Non-breaking spaces and hyphens to plain ones; runs of white space to one space."""
    text = text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u00ad", "").replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: hyphens and dashes at a line end join without a space."""
    pieces: list[str] = []
    for raw in lines:
        line = normalise_spaces(raw)
        if not line:
            continue
        if pieces:
            pieces[-1], separator = _line_end(pieces[-1], line)
            pieces.append(separator)
        pieces.append(line)
    return "".join(pieces)


def join_text(before: str, after: str) -> str:
    if not before or not after:
        return before or after
    before, separator = _line_end(before, after)
    return before + separator + after


def _line_end(before: str, after: str) -> tuple[str, str]:
    """How a line ending in ``before`` meets the next line ``after``: the (adjusted) end and the separator.

    Only the last characters of ``before`` are looked at, so joining stays linear on long texts.
    """
    tail = before[-4:]
    if re.search(r"\w ?[-‑]$", tail) and after[0].isalnum():
        fragment = re.match(r"[a-z]+", after)
        if fragment and fragment.group(0) in WORD_ENDINGS and re.search(r"[a-z]{2}[-‑]$", tail):
            return before[:-1], ""  # "develop-" + "ment": a word broken at the line end
        return before[:-3] + re.sub(r" ?[-‑]$", "-", before[-3:]), ""  # "drug -" + "resistant", "long-" + "lasting"
    if before.endswith(("–", "/")) and after[0].isalnum():
        return before, ""  # "2024–" + "2034"
    return before, " "


def body_code_for_name(name: str) -> str:
    return BODY_BY_NAME.get(normalise_spaces(name).strip(" ,").lower(), "")


def foreign_reason(text: str) -> str:
    """Why a line is not English UN text (a bare URL, another script), or ''."""
    stripped = text.strip()
    if URL_RE.match(stripped):
        return "a bare web address"
    letters = len(LETTER_RE.findall(stripped))
    if letters and len(NON_LATIN_LETTER_RE.findall(stripped)) / letters > FOREIGN_SCRIPT_SHARE:
        return "not in the Latin script of an English text"
    return ""


def shorten(text: str, width: int = 70) -> str:
    text = normalise_spaces(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def is_furniture_line(text: str) -> bool:
    """Page furniture common to UN documents: cover labels, job numbers, page numbers, rules."""
    line = normalise_spaces(text)
    if not line:
        return True
    if line.lower() in FURNITURE_LINES or RULE_RE.match(line):
        return True
    if JOB_NUMBER_RE.match(line) or BARCODE_RE.match(line) or PAGE_NUMBER_RE.match(line) or JOB_AND_PAGE_RE.match(line):
        return True
    if re.fullmatch(r"\d{1,3}", line):  # a bare page number
        return True
    return bool(SYMBOL_RE.fullmatch(line) or re.fullmatch(r"United Nations\s+" + SYMBOL_RE.pattern, line))


def read_cover_line(text: str, header: Header) -> bool:
    """Cover-page lines that carry metadata: session, agenda item, date of issue."""
    line = normalise_spaces(text)
    session = SESSION_RE.match(line)
    if session and cardinal_ordinal_from_words(session.group("ordinal")):
        header.metadata.setdefault("session_name", line)
        return True
    agenda = AGENDA_RE.match(line)
    if agenda:
        header.agenda_item = header.agenda_item or agenda.group("item")
        return True
    if DATE_LINE_RE.match(line):
        header.metadata.setdefault("issued_on", parse_date(line).isoformat())
        return True
    symbol = re.fullmatch(r"(?:United Nations\s+)?(" + SYMBOL_RE.pattern + ")", line)
    if symbol:
        header.metadata.setdefault("symbol_on_cover", symbol.group(1))
        return True
    return is_furniture_line(line)


# --- opening phrases -------------------------------------------------------------------


def opening_phrase(text: str, numbered: bool = False) -> str:
    """'Recalling also Economic…' -> 'Recalling also'; 'Calls upon Member States' -> 'Calls upon'.

    ``numbered`` paragraphs may open with a verb's base form, as declarations
    do ("Reaffirm the 2030 Agenda", "Take note with appreciation of").
    """
    words = re.findall(r"[A-Za-z’'-]+|[^\sA-Za-z]", text[:160])
    if not words:
        return ""
    taken: list[str] = []
    index = 0
    while index < 2 and len(words) > index + 1 and words[index].lower() in PHRASE_ADVERBS:
        if words[index].lower() == "once" and words[index + 1].lower() == "again":
            taken.append(" ".join(words[index : index + 2]))
            index += 2
        else:
            taken.append(words[index])
            index += 1
    if index >= len(words):
        return ""
    verb = words[index]
    lower = verb.lower()
    if not verb[:1].isalpha() or (not taken and not verb[0].isupper()):
        return ""
    is_verb = lower in PHRASE_ADJECTIVES or (
        (lower.endswith(("ing", "ed", "es")) or (lower.endswith("s") and not lower.endswith("ss")))
        and lower not in PHRASE_NOT_VERBS
    )
    if numbered and verb.isalpha() and lower not in NOT_BASE_VERBS:
        is_verb = True
    if not is_verb or len(lower) < 4:
        return ""
    taken.append(verb)
    index += 1
    rest = " ".join(words[index : index + 10])
    for _ in range(3):  # "Also reiterates" + "its call upon"; "Looking forward" + "with interest"
        extra = _phrase_continuation(lower, rest, first=len(taken) == 1 or taken[-1].lower() == lower)
        if not extra:
            break
        taken.append(extra)
        rest = rest[len(extra) :].lstrip()
    phrase = " ".join(taken)
    phrase = re.sub(r"\s+", " ", phrase)
    return phrase if text.startswith(phrase) else _phrase_from_text(text, phrase)


STANCE_NOUNS = (
    r"(?:call(?: upon| for)?|request|invitation|commitment|support|determination|conviction|appeals?|demand|recognition|"
    r"concern|condemnation|resolve|opposition|hope|appreciation|gratitude|solidarity|readiness|"
    r"intention|belief|willingness|position)"
)
STANCE_ADJECTIVES = r"(?:strong|deep|firm|full|utmost|unwavering|continued|grave|serious|profound|renewed|steadfast)"
# (verbs it may follow, or "first": right after any verb, or None: anywhere; pattern)
PHRASE_CONTINUATIONS: list[tuple[set[str] | str | None, str]] = [
    ({"takes", "taking", "take"}, r"(?:note|into account|into consideration|notice)(?: (?:also|further))?"),
    ({"calls", "calling", "call"}, r"(?:(?:once again|once more|again|also|further) )?(?:upon|on|for)\b"),
    ({"bearing"}, r"(?:also |further )?in mind"),
    ({"having"}, r"(?:also )?[a-z]+(?:ed|en|rd)"),
    ({"looks", "looking", "look"}, r"forward"),
    ({"continues", "continuing", "continue"}, r"to [a-z]+"),
    ({"draws", "drawing", "draw"}, r"(?:the )?attention"),
    ({"pays", "paying", "pay"}, r"(?:a )?tribute"),
    ({"believing", "believes"}, r"it (?:necessary|essential|important)"),
    (
        {"being", "remaining", "remains", "remain"},
        r"(?:deeply |gravely |seriously |greatly )?(?:concerned|convinced|committed|alarmed|determined)",
    ),
    ({"sharing", "shares", "share"}, r"(?:the )?(?:deep |grave |serious )?concerns?"),
    (
        {"condemns", "condemning", "condemn", "deplores", "deploring"},
        r"(?:unequivocally|in the strongest(?: possible)? terms)",
    ),
    (
        {
            "expresses",
            "expressing",
            "express",
            "reiterates",
            "reiterating",
            "conveys",
            "extends",
            "emphasizes",
            "emphasizing",
            "reaffirms",
            "reaffirming",
            "reaffirm",
        },
        r"(?:(?:its|their|the) )?(?:"
        + EMOTION_ADJECTIVES
        + r" |gravest |special )?(?:"
        + EMOTION_ADJECTIVES
        + r" )?"
        + r"(?:"
        + EMOTION_NOUNS
        + r"|commendation|concerns)\b",
    ),
    ("first", r"(?:its|their) (?:" + STANCE_ADJECTIVES + r" )?" + STANCE_NOUNS + r"\b"),
    (None, r"(?:also|again|moreover|once again|once more|in particular)\b"),
    (None, r"(?:unequivocally|firmly)\b"),
    (
        None,
        r"(?:also |further )?with (?:renewed |"
        + EMOTION_ADJECTIVES
        + r" )?"
        + EMOTION_NOUNS
        + r"(?: and "
        + EMOTION_NOUNS
        + r")?\b",
    ),
    (None, r"and [a-z]+(?:s|ing|ed)(?= (?:that|the|its|their|all|to|of|[A-Z]))"),
]


def _phrase_continuation(verb: str, rest: str, first: bool) -> str:
    """What follows the opening verb as part of its phrase ("upon", "with appreciation", "its call for")."""
    for verbs, pattern in PHRASE_CONTINUATIONS:
        if (verbs == "first" and not first) or (isinstance(verbs, set) and (verb not in verbs or not first)):
            continue
        match = re.match(pattern, rest)
        if match:
            return match.group(0).strip()
    further = re.match(r"further\b(?= (?:that|[A-Z]))", rest) if verb.endswith("s") else re.match(r"further\b", rest)
    return further.group(0) if further else ""


def _phrase_from_text(text: str, phrase: str) -> str:
    """The phrase as printed (the word split may have lost a hyphen or apostrophe spacing)."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    match = re.match(pattern, text)
    return match.group(0) if match else ""


# --- footnote markers --------------------------------------------------------------------

EXPLICIT_MARKER_RE = re.compile(
    r"\s?<sup>\s*(\d{1,3}|[*†‡])\s*</sup>|(["
    + SUPERSCRIPTS
    + r"]+)|\[\^(\d{1,3})\](?!:)|(?<=[\w,;.:)”’]) (\d{1,3})/(?![\w/])"
)  # <sup>1</sup>, ¹, Markdown's [^1], and the 1990s web pages' " 1/"
NOT_BEFORE_MARKER = {
    "no",
    "nos",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "article",
    "articles",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "chapter",
    "chap",
    "vol",
    "vols",
    "principle",
    "principles",
    "goal",
    "target",
    "annex",
    "section",
    "page",
    "pages",
    "p",
    "pp",
    "rule",
    "rules",
    "item",
    "items",
    "of",
    "to",
    "from",
    "by",
    "under",
    "over",
    "than",
    "and",
    "or",
    "the",
    "a",
    "an",
    "some",
    "all",
    "top",
    "least",
    "about",
    "approximately",
    "nearly",
    "almost",
    "around",
    "every",
    "each",
    "per",
    "at",
    "in",
    "on",
    "with",
    "for",
    "since",
    "until",
    "within",
    "between",
    "among",
    "first",
    "last",
    "only",
    "just",
    "million",
    "billion",
    "session",
    "sessions",
    "meeting",
    "part",
    "parts",
    "phase",
    "level",
    "step",
    "category",
    "grade",
    "age",
    "aged",
    "protocol",
    "recommendation",
    "recommendations",
    "committee",
    "report",
    "figure",
    "table",
    "number",
    "numbers",
    "sdg",
    "sdgs",
    "are",
    "is",
    "were",
    "was",
    "be",
    "been",
    "has",
    "have",
    "had",
    "those",
    "these",
    "its",
    "their",
    "our",
}
ABBREVIATIONS = {"no", "nos", "para", "paras", "vol", "vols", "chap", "p", "pp", "art", "arts", "sect", "fig", "op"}
NOT_AFTER_MARKER = {
    "per",
    "percent",
    "years",
    "year",
    "months",
    "month",
    "days",
    "day",
    "weeks",
    "week",
    "hours",
    "minutes",
    "million",
    "billion",
    "trillion",
    "times",
    "countries",
    "member",
    "states",
    "people",
    "persons",
    "women",
    "men",
    "children",
    "out",
    "to",
    "%",
    "-",
    "–",
    "/",
    ".",
    "of",
} | {m.lower() for m in MONTH_NAMES}


def find_plain_marker(text: str, marker: int, start: int) -> tuple[int, int] | None:
    """The span of footnote marker ``marker`` printed as plain digits at or after ``start``.

    UN texts print markers right after a word or punctuation ("Goals,1 in",
    "Secretary-General;2") or, in PDF extractions, after a space
    ("Development 1 and"). Only the expected marker number is looked for, and
    a number after a space must not read as a quantity, date or reference
    ("under 5 years", "resolution 65/1", "paragraphs 13 and 14").
    """
    digits = str(marker)
    glued = re.compile(r"(?<=[A-Za-z)\]”\"’,;.:])" + digits + r"(?![\d/.,]\d|[\w/%‑-])")
    spaced = re.compile(r"(?<=[A-Za-z)\]”\"’,;.:]) {1,3}" + digits + r"(?![\d/]|[\w%‑-]|[.,]\d)")
    year_glued = re.compile(r"(?<=\b(?:19|20)\d\d)" + digits + r"(?![\d\w/-])")
    candidates = []
    for kind, pattern in (("glued", glued), ("spaced", spaced), ("year", year_glued)):
        for match in pattern.finditer(text, start):
            if kind == "spaced" and not _spaced_marker_plausible(text, match):
                continue
            if kind == "glued" and _glued_to_reference(text, match.start()):
                continue
            candidates.append((match.start(), match.end()))
            break
    if not candidates:
        return None
    return min(candidates)


def _glued_to_reference(text: str, position: int) -> bool:
    """'A/RES/80/5', 'CEDAW/C/GC/39', 'S-24', '2.6' end in digits that are no marker."""
    if re.search(r"\d\.$", text[max(0, position - 2) : position]):
        return True
    before = text[max(0, position - 80) : position]
    word = "" if not before or before[-1].isspace() else before.split()[-1]
    return bool(re.search(r"[/\d]", word)) and not re.search(r"[,;:.)\]”\"’]$", word)


def _spaced_marker_plausible(text: str, match: re.Match) -> bool:
    before = re.search(r"([\w.’'-]+)([,;:)\]”\"’]?)\s*$", text[max(0, match.start() - 80) : match.start()])
    previous_word = before.group(1).lower() if before else ""
    after_punctuation = bool(before and before.group(2)) or (
        previous_word.endswith(".") and previous_word.strip(".") not in ABBREVIATIONS
    )
    previous_word = previous_word.strip(".")
    if not after_punctuation and (
        previous_word in NOT_BEFORE_MARKER or re.fullmatch(r"[\d./-]+", previous_word or "x")
    ):
        return False
    after = re.match(r"\s*([\w%‑–/.-]+)", text[match.end() :])
    next_word = after.group(1).lower() if after else ""
    return next_word not in NOT_AFTER_MARKER


# --- the builder -------------------------------------------------------------------------


class ResolutionBuilder:
    """Turns a format's segments and footnotes into one ParsedResolution."""

    def __init__(self, source: SourceInfo, marker_style: str):
        self.source = source
        self.marker_style = marker_style  # "plain" digits, or "explicit" (<sup>, superscripts)
        self.header = Header()
        self.warnings: list[str] = []
        self.drafts: list[Draft] = []
        self.seen_body_line = False
        self.closed = False
        self.expect_title = False
        self.part = ""
        self.pending_heading: list[str] = []
        self.last_line = 0

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"line {line}: {message}")

    def error(self, message: str, line: int | None = None) -> ParseError:
        return ParseError(message, source=self.source.name, line=line)

    # metadata ---------------------------------------------------------------------

    def read_metadata(self, text: str, line: int) -> bool:
        """Recognise a metadata segment and record what it says; False when it is none."""
        header = self.header
        adopted = ADOPTED_RE.match(text)
        if adopted:
            code = body_code_for_name(adopted.group("body"))
            if code:
                header.body = header.body or code
            header.adopted_on = parse_date(adopted.group("date"))
            return True
        report = REPORT_RE.match(text)
        if report:
            header.committee, header.report = report.group("committee"), report.group("report").strip()
            return True
        no_committee = NO_COMMITTEE_RE.match(text)
        if no_committee:
            header.metadata["draft"] = no_committee.group("draft").strip()
            header.metadata["without_reference_to_a_main_committee"] = True
            return True
        meeting = MEETING_RE.match(text)
        if meeting and (self.seen_body_line or not self.drafts):
            header.meeting = meeting.group("meeting")
            if meeting.group("date"):
                self._meeting_date(parse_date(meeting.group("date")), line)
            if self.seen_body_line:
                self.closed = True
            elif not header.number and not header.title:
                # The UN's 1990s web pages: symbol (twice), date, meeting, then the title, no "46/77." line;
                # the date above the meeting is the adoption date.
                self.expect_title = True
                issued = header.metadata.get("issued_on")
                if issued and header.adopted_on is None:
                    header.adopted_on = dt.date.fromisoformat(issued)
            return True
        date = DATE_LINE_RE.match(text)
        if date and self.closed:
            self._meeting_date(parse_date(text), line)
            return True
        if not self.seen_body_line:
            number = RESOLUTION_NUMBER_RE.match(text)
            if number and not header.number:
                header.number = (number.group("named") or number.group("alone")).replace(" ", "")
                self.expect_title = True
                return True
            numbered = NUMBER_TITLE_RE.match(text)
            if numbered and not header.number:
                header.number = numbered.group("number").replace(" ", "")
                header.title = numbered.group("title").strip()
                return True
            if self.expect_title and not header.title and not BODY_LINE_RE.match(text):
                header.title = text
                self.expect_title = False
                return True
            if read_cover_line(text, header):
                return True
        return False

    def _meeting_date(self, date: dt.date | None, line: int) -> None:
        if date is None:
            return
        if self.header.adopted_on is None:
            self.header.adopted_on = date
        elif self.header.adopted_on != date:
            self.warn(line, f"meeting date {date} differs from the adoption date {self.header.adopted_on}")

    def read_body_line(self, text: str) -> bool:
        match = BODY_LINE_RE.match(text)
        if not match:
            return False
        code = body_code_for_name(match.group("name"))
        if not code:
            return False
        if self.header.body and self.header.body != code:
            self.warnings.append(f"the text names {BODIES[code].name} but the header says {self.header.body}")
        self.header.body = self.header.body or code
        self.seen_body_line = True
        return True

    # content -------------------------------------------------------------------------

    def add(self, segment: Segment) -> None:
        text = normalise_spaces(segment.text)
        if not text:
            return
        self.last_line = segment.line
        reason = foreign_reason(text)
        if reason:
            self.warn(segment.line, f"dropped, {reason}: {shorten(text)!r}")
            return
        if self.read_metadata(text, segment.line):
            return
        if not self.seen_body_line:
            if self.read_body_line(text):
                return
            self.warn(segment.line, f"dropped, not a recognised heading or metadata line: {shorten(text)!r}")
            return
        annex = ANNEX_RE.match(text)
        if annex:
            numeral = annex.group("numeral")
            self.part = annex_part_named(numeral)
            self.pending_heading = []
            self.closed = False
            return
        if self.closed:
            self.warn(segment.line, f"dropped, text after the closing formula: {shorten(text)!r}")
            return
        self._add_content(text, segment)

    def _add_content(self, text: str, segment: Segment) -> None:
        number = ""
        sub = False
        op = OPERATIVE_NUMBER_RE.match(text)
        sub_match = SUB_NUMBER_RE.match(text)
        if op:
            number, text = op.group("number"), text[op.end() :]
        elif sub_match:
            number, text, sub = f"({sub_match.group('number')})", text[sub_match.end() :], True
        previous = self.drafts[-1] if self.drafts else None
        continues = (
            not number and previous is not None and previous.part == self.part and not self.pending_heading
        ) and self._continues(previous, text, segment)
        if continues:
            previous.text = join_text(previous.text, text)
            return
        if not number and self._is_heading(previous, text):
            if (
                previous is not None
                and previous.part == self.part
                and previous.text.rstrip().endswith(":")
                and not self.part
                and not previous.number
            ):
                self.part = "annex"  # "Adopts the following declaration:" + its title: the declaration's own numbering
            self.pending_heading.append(text)
            return
        self.drafts.append(
            Draft(self.part, number, text, segment.line, " ".join(self.pending_heading), segment.phrase, sub)
        )
        self.pending_heading = []

    def _continues(self, previous: Draft, text: str, segment: Segment) -> bool:
        if segment.new_paragraph:
            return False
        ending = strip_trailing_markers(previous.text[-200:])
        starts_mid_sentence = (
            not text[:1].isupper() and text[:1] not in '“"‘('
        )  # "by the World Summit…", "19 December…"
        if starts_mid_sentence or not TERMINATED_RE.search(ending):
            return True
        return bool(segment.after_page_break and ending.endswith(",") and not opening_phrase(text))

    def _is_heading(self, previous: Draft | None, text: str) -> bool:
        """A short unpunctuated line between complete paragraphs: an annex title or section heading."""
        if len(text) > 250 or TERMINATED_RE.search(strip_trailing_markers(text)):
            return False
        if not (text[:1].isupper() or text[:1].isdigit()):
            return False
        if previous is None or self.pending_heading:
            return True
        return bool(TERMINATED_RE.search(strip_trailing_markers(previous.text[-200:]))) or previous.part != self.part

    # finishing ---------------------------------------------------------------------------

    def build(self, footnotes: list[RawFootnote]) -> ParsedResolution:
        header = self.header
        if not header.number and not header.symbol:  # no "46/77." line: the symbol on the cover says it
            header.symbol = header.metadata.get("symbol_on_cover", "")
        if not header.number and not header.symbol:
            raise self.error("not a resolution: no resolution number (like '68/131.' or 'Resolution 67/8') found")
        if not self.seen_body_line:
            raise self.error("not a resolution: no line naming the adopting body (like 'The General Assembly,')")
        if not self.drafts:
            raise self.error("not a resolution: no paragraphs found")
        if self.pending_heading:
            self.warn(self.last_line, f"heading without paragraphs: {shorten(' '.join(self.pending_heading))!r}")
        symbol, body, number = self._identity()
        paragraphs = self._number_paragraphs()
        placed = self._place_footnotes(paragraphs, footnotes)
        return ParsedResolution(
            symbol=symbol,
            body=body,
            session=number.split("/")[0],
            number=number,
            title=header.title,
            source=self.source,
            adopted_on=header.adopted_on,
            meeting=header.meeting,
            report=header.report,
            agenda_item=header.agenda_item,
            committee=header.committee,
            paragraphs=paragraphs,
            footnotes=placed,
            metadata=dict(sorted(header.metadata.items())),
            warnings=self.warnings,
        )

    def _identity(self) -> tuple[str, str, str]:
        header = self.header
        body = header.body
        number = header.number
        symbol = header.symbol
        if symbol:
            info = body_for_symbol(symbol)
            if info is None:
                raise self.error(f"symbol {symbol} belongs to no known body", header.symbol_line or None)
            if body and body != info.code:
                self.warnings.append(f"symbol {symbol} is of {info.code} but the text names {body}")
            body = info.code
            from_symbol = symbol[len(info.symbol_prefix) :]
            if number and number != from_symbol:
                self.warnings.append(f"the text numbers the resolution {number} but its symbol is {symbol}")
            number = from_symbol
        else:
            if not body:
                raise self.error("no adopting body found: the symbol cannot be built")
            symbol = BODIES[body].symbol(number)
        return symbol, body, number

    def _number_paragraphs(self) -> list[ParsedParagraph]:
        paragraphs: list[ParsedParagraph] = []
        keys: dict[str, int] = {}
        parts = {draft.part for draft in self.drafts}
        state: dict[str, dict] = {
            part: {
                "pp": 0,
                "op": 0,
                "unnumbered_op": 0,
                "last_top": None,
                "last_letter_key": "",
                "last_number": 0,
                "list": None,
            }
            for part in parts
        }
        roman = self._roman_sub_items()
        numbered_parts = {d.part for d in self.drafts if d.number and not d.sub}
        for order, draft in enumerate(self.drafts, start=1):
            prefix = place(draft.part)
            s = state[draft.part]
            text = draft.text.strip()
            phrase = draft.phrase or (
                "" if draft.sub else opening_phrase(remove_markers_for_phrase(text), numbered=bool(draft.number))
            )
            parent = ""
            if draft.sub:
                letter = draft.number.strip("()")
                parent_top = s["last_top"]
                if parent_top is None:
                    raise self.error(f"sub-paragraph {draft.number} before any numbered paragraph", draft.line)
                if roman[order - 1]:
                    parent = s["last_letter_key"] or parent_top.key
                    key = item_key(parent, letter)
                else:
                    parent = parent_top.key
                    key = lettered_key(parent, letter)
                    s["last_letter_key"] = key
                kind = parent_top.kind
            elif draft.number and self._in_numbered_list(s, int(draft.number), phrase):
                listed_in = s["list"]["parent"]
                s["list"]["last"] = int(draft.number)
                parent, key, kind = listed_in.key, item_key(listed_in.key, draft.number), listed_in.kind
            elif draft.number:
                value = int(draft.number)
                if value != s["last_number"] + 1:
                    self.warn(draft.line, f"paragraph {value} follows paragraph {s['last_number']}")
                s["last_number"] = value
                key, kind = operative_key(prefix, value), OPERATIVE
            else:
                operative_verb = _operative_phrase(phrase)
                if (draft.part not in numbered_parts and operative_verb) or s["op"]:
                    s["unnumbered_op"] += 1
                    key = unnumbered_operative_key(prefix, s["unnumbered_op"], draft.part in numbered_parts)
                    kind = OPERATIVE
                else:
                    s["pp"] += 1
                    key, kind = preambular_key(prefix, s["pp"]), PREAMBULAR
            if key in keys:
                first = self.drafts[keys[key] - 1]
                raise self.error(
                    f"duplicate paragraph number {draft.number or key} (first at line {first.line})", draft.line
                )
            keys[key] = order
            paragraph = ParsedParagraph(key, kind, draft.number, order, text, phrase, parent, draft.part, draft.heading)
            if not draft.sub and not parent:
                s["last_top"], s["last_letter_key"] = paragraph, ""
                s["list"] = None
                if kind == OPERATIVE:
                    s["op"] += 1
            paragraphs.append(paragraph)
        return paragraphs

    @staticmethod
    def _in_numbered_list(state: dict, value: int, phrase: str) -> bool:
        """Is "1." a numbered item inside the paragraph before it ("Approves the following agenda:" 1., 2.…)?

        A list starts at 1 after a paragraph ending with a colon; it goes on
        while its numbers follow, unless the paragraph reads as the next
        operative paragraph (it opens with an operative verb).
        """
        items = state["list"]
        if items is not None and value == items["last"] + 1:
            return not (value == state["last_number"] + 1 and _operative_phrase(phrase))
        top = state["last_top"]
        if value == 1 and state["last_number"] and top is not None and top.text.rstrip().endswith(":"):
            state["list"] = {"parent": top, "last": 0}
            return True
        return False

    def _roman_sub_items(self) -> list[bool]:
        """Which "(i)", "(v)", "(x)" are roman sub-items rather than letters after "(h)", "(u)", "(w)"."""
        flags = [False] * len(self.drafts)
        previous_letter, previous_roman = "", 0
        for index, draft in enumerate(self.drafts):
            if not draft.sub:
                previous_letter, previous_roman = "", 0
                continue
            label = draft.number.strip("()")
            value = roman_value(label)
            following = self.drafts[index + 1] if index + 1 < len(self.drafts) else None
            next_label = following.number.strip("()") if following is not None and following.sub else ""
            if value and previous_roman and value == previous_roman + 1:
                is_roman = True
            elif label == "i":
                is_roman = (previous_letter == "" and next_label == "ii") or previous_letter not in ("", "h")
            else:
                is_roman = False
            flags[index] = is_roman
            if is_roman:
                previous_roman = value
            else:
                previous_letter, previous_roman = label, 0
        return flags

    def _place_footnotes(self, paragraphs: list[ParsedParagraph], footnotes: list[RawFootnote]) -> list[ParsedFootnote]:
        """Take markers out of paragraph texts; each footnote gets the paragraph and offset of its first marker.

        Explicit markers (``<sup>1</sup>``, ¹, ``[^1]``) printed again later
        (a paragraph referring to the same note) become the footnote's
        further places. Plain digits are only looked for once per footnote: a
        digit after the first place may as well be a number of the text.
        """
        placed: dict[str, ParsedFootnote] = {}
        texts = {f.marker for f in footnotes}
        if self.marker_style == "explicit":
            for paragraph in paragraphs:
                clean, markers = strip_explicit_markers(paragraph.text)
                paragraph.text = clean
                for marker, offset in markers:
                    if marker not in texts:
                        self.warnings.append(f"footnote marker {marker} in {paragraph.key} has no footnote text")
                        continue
                    first = placed.setdefault(marker, ParsedFootnote(marker, "", paragraph.key, offset))
                    place = FootnotePlace(paragraph.key, offset)
                    if (first.paragraph_key, first.offset) != (
                        paragraph.key,
                        offset,
                    ) and place not in first.further_places:
                        first.further_places.append(place)
        else:
            self._place_plain_markers(paragraphs, footnotes, placed)
        result = []
        for footnote in footnotes:
            found = placed.get(footnote.marker) or ParsedFootnote(footnote.marker, "")
            if not found.paragraph_key:
                self.warn(footnote.line, f"footnote {footnote.marker} has no marker in the text")
            result.append(
                ParsedFootnote(
                    footnote.marker, footnote.text, found.paragraph_key, found.offset, list(found.further_places)
                )
            )
        return result

    def _place_plain_markers(self, paragraphs, footnotes, placed) -> None:
        """Markers printed as digits, looked for in footnote order from where the last one stood.

        A marker whose only candidate comes after the next marker's first
        candidate is left unplaced (with a warning) rather than taken: a
        false find far ahead would push every later marker out of reach.
        """
        numbered = [f for f in footnotes if f.marker.isdigit()]
        index, position = 0, 0
        for number, footnote in enumerate(numbered):
            found = next_plain_marker(paragraphs, int(footnote.marker), index, position)
            if found is None:
                continue
            if number + 1 < len(numbered):
                following = next_plain_marker(paragraphs, int(numbered[number + 1].marker), index, position)
                if following is not None and following < found:
                    continue
            candidate, start, end = found
            paragraph = paragraphs[candidate]
            text = paragraph.text
            before, after = text[:start].rstrip(" ") if text[start] == " " else text[:start], text[end:]
            if before.endswith(" ") and after.startswith(" "):
                before = before.rstrip(" ")
            elif after.startswith(" ") and not before:
                after = after.lstrip(" ")
            paragraph.text = before + after
            placed[footnote.marker] = ParsedFootnote(footnote.marker, "", paragraph.key, len(before))
            index, position = candidate, len(before)


def next_plain_marker(paragraphs, marker: int, index: int, position: int) -> tuple[int, int, int] | None:
    """(paragraph index, start, end) of the first candidate for ``marker`` from ``position`` of paragraph ``index``."""
    for candidate in range(index, len(paragraphs)):
        span = find_plain_marker(paragraphs[candidate].text, marker, position if candidate == index else 0)
        if span is not None:
            return candidate, *span
    return None


def roman_value(label: str) -> int:
    """'iv' -> 4; 0 when the label is not a lower-case roman numeral."""
    if not label or not ROMAN_RE.match(label):
        return 0
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for char, following in zip(label, label[1:] + " ", strict=False):
        value = values[char]
        total += -value if following != " " and values[following] > value else value
    return total


def _operative_phrase(phrase: str) -> bool:
    """'Adopts', 'Calls upon', 'Also decides' read as operative; 'Recalling', 'Mindful' do not."""
    words = phrase.split()
    if not words:
        return False
    verb = words[1] if words[0].lower() in PHRASE_ADVERBS and len(words) > 1 else words[0]
    verb = verb.lower()
    return verb.endswith("s") and not verb.endswith(("ss", "ous"))


def strip_trailing_markers(text: str) -> str:
    """'…Goals,1' -> '…Goals,' so that the punctuation before a marker counts."""
    return re.sub(
        r"(?:\s?<sup>[^<]*</sup>|[" + SUPERSCRIPTS + r"]+|\[\^\d{1,3}\]|\s\d{1,3}/|\s{0,3}\d{1,3})\s*$",
        "",
        text.rstrip(),
    )


def remove_markers_for_phrase(text: str) -> str:
    return EXPLICIT_MARKER_RE.sub("", text)


def strip_explicit_markers(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Remove <sup>n</sup> and superscript-digit markers; return the clean text and (marker, offset)s."""
    markers: list[tuple[str, int]] = []
    out = []
    last = 0
    length = 0
    for match in EXPLICIT_MARKER_RE.finditer(text):
        chunk = text[last : match.start()]
        out.append(chunk)
        length += len(chunk)
        marker = match.group(1) or match.group(3) or match.group(4) or match.group(2).translate(SUPERSCRIPT_TO_DIGIT)
        markers.append((marker, length))
        last = match.end()
        if match.group(0).startswith(" ") and last < len(text) and text[last] not in " ,.;:":
            out.append(" ")  # "Development <sup>1</sup>and" keeps its word space
            length += 1
    out.append(text[last:])
    clean = "".join(out)
    return clean, markers


def footnote_text(text: str) -> str:
    """Footnote texts lose Markdown emphasis and surrounding space."""
    return normalise_spaces(strip_emphasis(text))


def strip_emphasis(text: str) -> str:
    return re.sub(r"(?<![\w*])[*_]{1,2}(?=\S)(.+?)(?<=\S)[*_]{1,2}(?![\w*])", r"\1", text)


def leading_emphasis(text: str) -> tuple[str, str]:
    """'*Calls upon* all members' -> ('Calls upon', 'Calls upon all members')."""
    match = re.match(r"^(\d{1,3}\.\s+|\([a-z]{1,4}\)\s+)?\*{1,2}([^*]+?)\*{1,2}(?=[\s,:;<]|$)", text)
    if not match:
        return "", text
    phrase = match.group(2).strip()
    return phrase, (match.group(1) or "") + phrase + text[match.end() :]


def document_of(resolution: ParsedResolution) -> ParsedDocument:
    return ParsedDocument(source=resolution.source, resolutions=[resolution])


PARAGRAPH_START_RE = re.compile(r"^\s*(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)(?:\s|$))")


def split_blocks(lines: list[str], first_line: int = 1, starts=PARAGRAPH_START_RE) -> list[tuple[list[str], int]]:
    """Blank-line separated blocks of (lines, line number); a numbered line starts a block of its own.

    "1. Takes note…" directly under "2. Welcomes…" are two paragraphs even
    without a blank line between them; other adjacent lines are one block.
    """
    blocks: list[tuple[list[str], int]] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            if current:
                current = []
            continue
        if not current or starts.match(line):
            current = [line]
            blocks.append((current, number))
        else:
            current.append(line)
    return blocks
