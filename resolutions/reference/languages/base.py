"""What every language gives the importers: its names, its dates, its formulae and the words of its phrases.

A language is a subclass of ``Language`` in a module of its own in this package, registered with
``registry.register``; it sets the attributes below and nothing else, so that reading another
language changes the patterns, never the parsers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from resolutions.reference.numbers import roman_numeral

# Paragraph numbers in the form keys are built from, whatever the language prints: "5.", "5.1", "(a)", "(ii)"
CANONICAL_NUMBER_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\((?:[a-z]{1,2}|[ivxlc]+)\)\.?)$")
# Digits of the Arabic script (Arabic-Indic and Eastern Arabic-Indic) read as the digits 0–9
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
NEVER = re.compile(r"(?!)")  # a pattern that matches nothing: what a language without the phrase sets
# A resolution's number as every language prints it: "70/126", "S-27/2", "ES-10/19", "61/295 B"
RESOLUTION_NUMBER = r"(?:S-|ES-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?"


@dataclass(frozen=True)
class UnStyleWords:
    """How the UN's editorial manual of a language cites a resolution: the body's name in the grammatical form
    the phrase needs, the date as the language prints it, the paragraph in its words
    ("résolution 70/126 de l’Assemblée générale en date du 17 décembre 2015, par. 5")."""

    bodies: dict[str, str]  # body code -> its name as the citation prints it
    resolution: str  # '{body}', '{number}' and '{date}' ('' when undated) in place
    dated: str  # '{day}', '{month}', '{year}' in place; the date phrase with its words
    paragraph: str  # '{number}': an operative (or unnumbered) paragraph
    preambular: str  # '{number}': a preambular paragraph
    annex: str  # the word for an annex
    separator: str  # between the resolution and its paragraph
    month_as_number: bool = False  # the month printed as its number ("12月"), not by name


def date_line(date_pattern: str, end: str = r"\.?") -> re.Pattern:
    """A printed date alone on its line (group ``date``), with the mark that may end the line."""
    return re.compile(r"^(?P<date>" + date_pattern + r")" + end + "$")


def resolution_number_line(before: str, *, after: str = r"\.?", alone_end: str = r"\.") -> re.Pattern:
    """A resolution's number line: named, as in "Resolution 67/8" (group ``named``: the words ``before`` and
    ``after`` it), or alone with the mark that ends it, as in "72/245." (group ``alone``)."""
    return re.compile(rf"^(?:{before}(?P<named>{RESOLUTION_NUMBER}){after}|(?P<alone>{RESOLUTION_NUMBER}){alone_end})$")


def _alternation(words: tuple[str, ...]) -> str:
    """Words as one alternation, longest first, any run of spaces inside one matching any other."""
    return "|".join(re.escape(word).replace("\\ ", r"\s+") for word in sorted(set(words), key=len, reverse=True))


class Language:
    code: ClassVar[str]  # ISO 639-1, as resolutions store it: "en"
    bibliographic_code: ClassVar[str]  # ISO 639-2, as Akoma Ntoso's FRBRlanguage gives it: "eng"
    name: ClassVar[str]  # in English, for messages: "English"
    direction: ClassVar[str] = "ltr"  # script direction: "ltr" or "rtl"

    # Dates: month names in calendar order, and a printed date with day, month and year as its three groups
    month_names: ClassVar[tuple[str, ...]]
    date_pattern: ClassVar[str]

    # Letters of another script than the language's own, and the warning that drops a line written in them
    foreign_letter_re: ClassVar[re.Pattern]
    foreign_script_reason: ClassVar[str]

    # Cover and adoption formulae, each a whole line
    session_re: ClassVar[re.Pattern]  # "Seventieth session" (group ordinal)
    agenda_re: ClassVar[re.Pattern]  # "Agenda item 27 (b)" (group item)
    furniture_lines: ClassVar[set[str]]  # cover labels, lower case: "distr.: general"
    adopted_re: ClassVar[re.Pattern]  # "Resolution adopted by the General Assembly on 17 December 2015" (body, date)
    report_re: ClassVar[re.Pattern]  # "[on the report of the Third Committee (A/70/481)]" (committee, report)
    no_committee_re: ClassVar[re.Pattern]  # "[without reference to a Main Committee (A/70/L.2)]" (draft)
    meeting_re: ClassVar[re.Pattern]  # "80th plenary meeting 17 December 2015" (meeting, date)
    date_line_re: ClassVar[re.Pattern]  # a date alone on its line (date)
    resolution_number_re: ClassVar[re.Pattern]  # "Resolution 67/8" (named) or "72/245." alone (alone)
    body_line_re: ClassVar[re.Pattern]  # "The General Assembly," (name)
    annex_re: ClassVar[re.Pattern]  # "Annex II" (numeral)

    # The first lines of the text formats
    ods_cover_re: ClassVar[re.Pattern]  # ODS's cover run together: "United NationsA/RES/68/131General Assembly…"
    cover_end_re: ClassVar[re.Pattern]  # the line after a PDF's cover: "Resolution adopted by …"
    cover_field_re: ClassVar[re.Pattern]  # a rendered cover's line that is one field: "Distr.: General"
    opening_line_re: ClassVar[re.Pattern]  # any body's opening line, anywhere in a text: "The General Assembly,"
    held_body_line_re: ClassVar[re.Pattern]  # the opening line of a body the archive holds, anywhere in a text

    # Akoma Ntoso's cover phrases, found within its elements
    agenda_label_re: ClassVar[re.Pattern]  # before the agenda item: "Agenda items "
    committee_res: ClassVar[tuple[re.Pattern, ...]]  # the committee (group 1): "(Third Committee)"
    on_report_re: ClassVar[re.Pattern]  # adopted on a committee's report: "on the report of"
    no_committee_phrase_re: ClassVar[re.Pattern]  # "without reference to a Main Committee"
    meeting_word_re: ClassVar[re.Pattern]  # names a meeting: "80th plenary meeting"

    # Headings of structured annexes: the printed word to the word keys use and its level (annex 0, part 1,
    # article 4), the word that may come first ("Draft"), and the numbers printed as words ("Part one")
    section_names: ClassVar[dict[str, tuple[str, int]]]
    draft_word: ClassVar[str]
    number_words: ClassVar[tuple[str, ...]]

    # Opening phrases ("Calls upon", "Noting with appreciation"), lower case words
    phrase_adverbs: ClassVar[set[str]]  # may come before the verb: "also", "further"
    phrase_adjectives: ClassVar[set[str]]  # open a phrase as a verb does: "mindful", "aware"
    phrase_not_verbs: ClassVar[set[str]]  # end as verbs do and are none: "this", "meeting"
    not_base_verbs: ClassVar[set[str]]  # first words of a declaration's paragraph that are no verb: "we"
    emotion_nouns: ClassVar[str]  # pattern: "appreciation", "concern"
    emotion_adjectives: ClassVar[str]  # pattern: "deep", "grave"
    stance_nouns: ClassVar[str]  # pattern: "call", "commitment"
    stance_adjectives: ClassVar[str]  # pattern: "strong", "firm"
    # What may follow the opening verb as part of its phrase: (the verbs it follows, or "first": right
    # after any verb, or None: anywhere; pattern)
    phrase_continuations: ClassVar[list[tuple[set[str] | str | None, str]]]

    # Line ends: fragments that finish a word broken by a hyphen ("protec-" + "tion")
    word_endings: ClassVar[set[str]]

    # Printed paragraph numbers, read into the form keys are built from (``canonical_number``): a top
    # number ("5." in most languages, "5 -" in Arabic), a lettered item ("(a)", "a)", "(أ)") in the
    # language's own letters, and roman items ("(ii)", "ii)", ’2‘ in Arabic, ㈡ in Chinese)
    top_number_re: ClassVar[re.Pattern] = re.compile(r"^(\d+(?:\.\d+)*)\s*[.\-–]?$")
    item_re: ClassVar[re.Pattern] = re.compile(r"^\(?([a-z]{1,2}|[ivxlc]+)\)\.?$")
    item_letters: ClassVar[str] = "abcdefghijklmnopqrstuvwxyz"  # the language's list letters, in order
    roman_item_re: ClassVar[re.Pattern] = NEVER  # an item numbered in digits standing for (i), (ii): group 1
    roman_item_numerals: ClassVar[str] = ""  # characters standing for (i), (ii)… in order
    # A number printed at the start of a paragraph's text rather than in its markup ("5.\t", "(a) ", "a) ")
    leading_number_re: ClassVar[re.Pattern] = re.compile(r"^(?:(\d{1,3})\.|\(([a-z]{1,2}|[ivxlc]+)\))\s+")

    # Opening phrases by list, for languages whose phrases are not found by English word endings: the
    # preambular ("Rappelant", "Recordando", "Ссылаясь", "إذ تشير", "回顾") and operative phrases, and the
    # words that may stand before or after one ("également", "además", "вновь")
    preambular_phrases: ClassVar[tuple[str, ...]] = ()
    operative_phrases: ClassVar[tuple[str, ...]] = ()
    phrase_modifiers: ClassVar[tuple[str, ...]] = ()
    phrase_separator: ClassVar[str] = r"[\s,]+"  # between a modifier and the phrase ("" in Chinese)
    phrase_boundary: ClassVar[str] = r"(?!\w)"  # what ends a phrase: the end of a word ("" in Chinese)
    # The bodies as the text names them, lower case -> the archive's code ("assemblée générale": "GA")
    body_names: ClassVar[dict[str, str]] = {}
    # The committees as the archive names them, whatever the language: printed name (lower case) -> English
    committee_names: ClassVar[dict[str, str]] = {}
    # Dates: which group of ``date_pattern`` is the day, the month and the year ("dmy"; Chinese prints "ymd")
    date_order: ClassVar[str] = "dmy"

    # Footnote markers printed as plain digits after a space: words that make the digits a number instead
    not_before_marker: ClassVar[set[str]]  # "paragraph 5", "under 5"
    abbreviations: ClassVar[set[str]]  # "para." ends no sentence
    not_after_marker: ClassVar[set[str]]  # "5 years", "17 December"

    # Footnote markers printed in parentheses after the word ("(1)"), as Arabic prints them
    parenthesized_markers: ClassVar[bool] = False

    # Words that end a running header's line at a page top and run on into the next: "of", "the"
    running_header_words: ClassVar[set[str]]

    # A resolution cited in UN style in this language (``resolutions.exports.styles.un_style_in``); None for
    # English, whose UN style is the archive's own (``un_style``)
    un_style_words: ClassVar[UnStyleWords | None] = None

    @cached_property
    def month_numbers(self) -> dict[str, int]:
        return {name: number for number, name in enumerate(self.month_names, start=1)}

    def date_parts(self, match: re.Match) -> tuple[str, str, str]:
        """(day, month, year) of a ``date_re`` match, in the order this language prints them."""
        groups = dict(zip(self.date_order, match.groups()[:3], strict=True))
        return groups["d"], groups["m"], groups["y"]

    def canonical_number(self, printed: str) -> str:
        """A printed paragraph number in the form keys are built from: "5 -" -> "5.", "b)" -> "(b)",
        "(ب)" -> "(b)", "’2‘" or "㈡" -> "(ii)"; a number it does not read is returned as printed."""
        text = printed.strip().strip(DIRECTION_MARKS).translate(ARABIC_DIGITS).strip()
        if CANONICAL_NUMBER_RE.match(text) or not text:
            return text
        if len(text) == 1 and text in self.roman_item_numerals:
            return f"({roman_numeral(self.roman_item_numerals.index(text) + 1).lower()})"
        roman = self.roman_item_re.match(text)
        if roman:
            return f"({roman_numeral(int(roman.group(1))).lower()})"
        top = self.top_number_re.match(text)
        if top:
            return f"{top.group(1)}."
        item = self.item_re.match(text)
        if item:
            return f"({self.latin_letters(item.group(1))})"
        return printed.strip()

    def latin_letters(self, letters: str) -> str:
        """A list letter of this language as the keys spell it: "ب" -> "b" (its place in the alphabet)."""
        if all("a" <= letter <= "z" for letter in letters):
            return letters
        alphabet = "abcdefghijklmnopqrstuvwxyz"
        out = ""
        for letter in letters:
            index = self.item_letters.find(letter)
            out += alphabet[index] if 0 <= index < len(alphabet) else letter
        return out

    def agenda_item(self, printed: str) -> str:
        """The agenda item as the archive writes it, from the cover's label: "Point 25 b) de l’ordre du jour"
        -> "25 (b)"; "البند 25 (ب) من جدول الأعمال" -> "25 (b)"."""
        text = self.agenda_label_re.sub("", printed).strip().translate(ARABIC_DIGITS)
        return re.sub(r"\(?(\b\w{1,2}|[^\W\d]{1,2})\)", lambda m: self.canonical_number(m.group(0)), text).strip()

    def committee_in(self, text: str) -> str:
        """The committee named in a cover's line, as the archive names it ("Third Committee"); "" when none."""
        for pattern in self.committee_res:
            found = pattern.search(text)
            if found:
                name = found.group(1).strip()
                return self.committee_names.get(name.lower(), name)
        return ""

    @cached_property
    def phrase_re(self) -> re.Pattern | None:
        """A known opening phrase at the start of a text, with the words that may stand before or after it
        (longest first); None for a language that finds its phrases by word endings (English)."""
        phrases = self.preambular_phrases + self.operative_phrases
        if not phrases:
            return None
        known = _alternation(phrases)
        modifiers = _alternation(self.phrase_modifiers)
        gap, end = self.phrase_separator, self.phrase_boundary
        before = rf"(?:(?:{modifiers}){gap})*" if modifiers else ""
        after = rf"(?:(?:{gap}|\s+)(?:{modifiers}){end})*" if modifiers else ""
        return re.compile(rf"^{before}(?:{known}){end}{after}", re.I)

    def known_phrase(self, text: str) -> str:
        """The opening phrase a text starts with, from the language's lists; "" when none is known."""
        found = self.phrase_re.match(text) if self.phrase_re else None
        return found.group(0).strip(" ,") if found else ""

    def is_operative(self, phrase: str) -> bool:
        """Whether a known phrase is one of the operative ones ("Décide", "Insta", "постановляет"); a phrase that is a
        preambular one, perhaps after a modifier ("وإذ تلاحظ": "و" + "إذ تلاحظ"), is not, whatever its verb."""
        if self._is_preambular(phrase):
            return False
        core = phrase.lower()
        for modifier in self.phrase_modifiers:
            core = re.sub(rf"(?:^|\s){re.escape(modifier.lower())}(?:\s|$)", " ", core).strip()
        core = re.sub(r"\s+", " ", core)
        return any(core == p.lower() or core.startswith(p.lower() + " ") for p in self.operative_phrases)

    def _is_preambular(self, phrase: str) -> bool:
        """The phrase, or what follows a modifier it starts with (glued to it, as Arabic's "و", or spaced), opens
        with one of the preambular phrases."""
        text = re.sub(r"\s+", " ", phrase.lower()).strip()
        variants = [text] + [
            text[len(modifier) :].strip()
            for modifier in map(str.lower, self.phrase_modifiers)
            if text.startswith(modifier)
        ]
        return any(
            variant == p.lower() or variant.startswith(p.lower() + " ")
            for variant in variants
            for p in self.preambular_phrases
        )

    @cached_property
    def months_pattern(self) -> str:
        """The month names as one alternation, for building regular expressions: "January|February|…"."""
        return "|".join(self.month_names)

    @cached_property
    def date_re(self) -> re.Pattern:
        return re.compile(self.date_pattern)

    @cached_property
    def named_section_re(self) -> re.Pattern:
        """A structured annex's heading (word, number): "Article 2", "Guideline 5", "Draft article 3", "Part one"."""
        words = "|".join(re.escape(word) for word in self.section_names)
        numbers = "|".join(self.number_words)
        return re.compile(
            rf"^(?:{re.escape(self.draft_word)}\s+)?({words})\s+([IVXLC]+|\d+[A-Za-z]?|[A-Z]|(?i:{numbers}))\b"
        )
