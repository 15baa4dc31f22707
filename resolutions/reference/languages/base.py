"""What every language gives the importers: its names, its dates, its formulae and the words of its phrases.

A language is a subclass of ``Language`` in a module of its own in this package, registered with
``registry.register``; it sets the attributes below and nothing else, so that reading another
language changes the patterns, never the parsers.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import ClassVar


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

    # Footnote markers printed as plain digits after a space: words that make the digits a number instead
    not_before_marker: ClassVar[set[str]]  # "paragraph 5", "under 5"
    abbreviations: ClassVar[set[str]]  # "para." ends no sentence
    not_after_marker: ClassVar[set[str]]  # "5 years", "17 December"

    # Words that end a running header's line at a page top and run on into the next: "of", "the"
    running_header_words: ClassVar[set[str]]

    @cached_property
    def month_numbers(self) -> dict[str, int]:
        return {name: number for number, name in enumerate(self.month_names, start=1)}

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
