"""Paragraph keys for the text formats: drafts numbered as printed, in the scheme every importer shares.

Numbered paragraphs are operative (``op5``); unnumbered ones are preambular until the first operative
paragraph, or operative when their part prints no numbers and they open with an operative verb.
Lettered sub-paragraphs hang under the paragraph before (``op2a``), roman items directly under a
paragraph or a letter (``op3-i``, ``op2a-ii``), and numbered items inside a paragraph ending with a
colon ("Approves the following agenda:" 1., 2.) under that paragraph (``op11-1``). Each part (the
resolution, an annex) numbers its own; where sections of a part number theirs afresh ("I. …", "A. …",
then 1. again), every key of the part carries its section (``annex-sec-i-a-op1``), as the Akoma Ntoso
importer keys structured annexes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from resolutions.ingest.document import OPERATIVE, PREAMBULAR, ParsedParagraph, ParseError
from resolutions.ingest.text.markers import remove_markers_for_phrase
from resolutions.ingest.text.phrases import is_operative_phrase, opening_phrase
from resolutions.ingest.text.segments import Draft
from resolutions.reference.languages.base import Language
from resolutions.reference.numbers import roman_value
from resolutions.reference.paragraph_keys import (
    item_key,
    lettered_key,
    operative_key,
    place,
    preambular_key,
    unnumbered_operative_key,
)


@dataclass
class NumberedList:
    """Numbered items inside a paragraph: the paragraph they belong to and the last item's number."""

    parent: ParsedParagraph
    last: int = 0


@dataclass
class PartCount:
    """Where the numbering of one part (the resolution, an annex) stands."""

    preambular: int = 0
    operative: int = 0
    unnumbered_operative: int = 0
    last_top: ParsedParagraph | None = None
    last_letter_key: str = ""
    last_number: int = 0
    last_section: tuple[str, ...] = ()
    items: NumberedList | None = None


def keyed_paragraphs(
    drafts: list[Draft],
    language: Language,
    warn: Callable[[int, str], None],
    error: Callable[[str, int], ParseError],
) -> list[ParsedParagraph]:
    """The drafts keyed as printed; when a number comes twice and sections are printed, keyed by section too."""
    held: list[tuple[int, str]] = []
    try:
        paragraphs = ParagraphNumberer(drafts, language, lambda *args: held.append(args), error).paragraphs()
    except ParseError:
        if not any(draft.section for draft in drafts):
            raise
        return ParagraphNumberer(drafts, language, warn, error, with_sections=True).paragraphs()
    for line, message in held:
        warn(line, message)
    return paragraphs


class ParagraphNumberer:
    """Turns drafts into keyed paragraphs; a key printed twice is an error, a gap in numbers a warning."""

    def __init__(
        self,
        drafts: list[Draft],
        language: Language,
        warn: Callable[[int, str], None],
        error: Callable[[str, int], ParseError],
        with_sections: bool = False,
    ):
        self.drafts = drafts
        self.with_sections = with_sections
        self.language = language
        self.warn = warn
        self.error = error
        self.counts = {draft.part: PartCount() for draft in drafts}
        self.numbered_parts = {d.part for d in drafts if d.number and not d.sub}
        self.roman = roman_sub_items(drafts)

    def paragraphs(self) -> list[ParsedParagraph]:
        paragraphs: list[ParsedParagraph] = []
        orders: dict[str, int] = {}
        for order, draft in enumerate(self.drafts, start=1):
            paragraph = self._paragraph(order, draft)
            if paragraph.key in orders:
                first = self.drafts[orders[paragraph.key] - 1]
                raise self.error(
                    f"duplicate paragraph number {draft.number or paragraph.key} (first at line {first.line})",
                    draft.line,
                )
            orders[paragraph.key] = order
            self._remember_top(paragraph, draft)
            paragraphs.append(paragraph)
        return paragraphs

    def _paragraph(self, order: int, draft: Draft) -> ParsedParagraph:
        text = draft.text.strip()
        phrase = draft.phrase or (
            ""
            if draft.sub
            else opening_phrase(remove_markers_for_phrase(text), numbered=bool(draft.number), language=self.language)
        )
        count = self.counts[draft.part]
        if draft.sub:
            key, kind, parent = self._sub_item(draft, count, self.roman[order - 1])
        elif draft.number and self._in_numbered_list(count, draft, phrase):
            key, kind, parent = self._list_item(draft, count)
        elif draft.number:
            key, kind, parent = self._numbered(draft, count)
        else:
            key, kind, parent = self._unnumbered(draft, count, phrase)
        return ParsedParagraph(key, kind, draft.number, order, text, phrase, parent, draft.part, draft.heading)

    def _sub_item(self, draft: Draft, count: PartCount, is_roman: bool) -> tuple[str, str, str]:
        """'(a)' under the last paragraph; a roman '(ii)' under the last letter, or the paragraph."""
        letter = draft.number.strip("()")
        top = count.last_top
        if top is None:
            raise self.error(f"sub-paragraph {draft.number} before any numbered paragraph", draft.line)
        if is_roman:
            parent = count.last_letter_key or top.key
            return item_key(parent, letter), top.kind, parent
        key = lettered_key(top.key, letter)
        count.last_letter_key = key
        return key, top.kind, top.key

    def _list_item(self, draft: Draft, count: PartCount) -> tuple[str, str, str]:
        listed_in = count.items.parent
        count.items.last = int(draft.number)
        return item_key(listed_in.key, draft.number), listed_in.kind, listed_in.key

    def _numbered(self, draft: Draft, count: PartCount) -> tuple[str, str, str]:
        value = int(draft.number)
        restarts = self.with_sections and value == 1 and draft.section != count.last_section
        if value != count.last_number + 1 and not restarts:
            self.warn(draft.line, f"paragraph {value} follows paragraph {count.last_number}")
        count.last_number, count.last_section = value, draft.section
        return operative_key(self._place(draft), value), OPERATIVE, ""

    def _place(self, draft: Draft) -> str:
        """The prefix of a draft's key: its part, and its section when sections number their own."""
        return place(draft.part, draft.section if self.with_sections else ())

    def _unnumbered(self, draft: Draft, count: PartCount, phrase: str) -> tuple[str, str, str]:
        numbered_part = draft.part in self.numbered_parts
        if (not numbered_part and is_operative_phrase(phrase, self.language)) or count.operative:
            count.unnumbered_operative += 1
            return (
                unnumbered_operative_key(self._place(draft), count.unnumbered_operative, numbered_part),
                OPERATIVE,
                "",
            )
        count.preambular += 1
        return preambular_key(self._place(draft), count.preambular), PREAMBULAR, ""

    def _remember_top(self, paragraph: ParsedParagraph, draft: Draft) -> None:
        """A paragraph of the part's own level is what later sub-paragraphs and items hang under."""
        if draft.sub or paragraph.parent_key:
            return
        count = self.counts[draft.part]
        count.last_top, count.last_letter_key, count.items = paragraph, "", None
        if paragraph.kind == OPERATIVE:
            count.operative += 1

    def _in_numbered_list(self, count: PartCount, draft: Draft, phrase: str) -> bool:
        """Is "1." a numbered item inside the paragraph before it ("Approves the following agenda:" 1., 2.…)?

        A list starts at 1 after a paragraph ending with a colon; it goes on
        while its numbers follow, unless the paragraph reads as the next
        operative paragraph (it opens with an operative verb). A paragraph
        under a heading of its own opens no list: its section numbers afresh.
        """
        value = int(draft.number)
        items = count.items
        if items is not None and value == items.last + 1:
            return not (value == count.last_number + 1 and is_operative_phrase(phrase, self.language))
        top = count.last_top
        if (
            value == 1
            and not draft.heading
            and count.last_number
            and top is not None
            and top.text.rstrip().endswith(":")
        ):
            count.items = NumberedList(top)
            return True
        return False


def roman_sub_items(drafts: list[Draft]) -> list[bool]:
    """Which "(i)", "(v)", "(x)" are roman sub-items rather than letters after "(h)", "(u)", "(w)"."""
    flags = [False] * len(drafts)
    previous_letter, previous_roman = "", 0
    for index, draft in enumerate(drafts):
        if not draft.sub:
            previous_letter, previous_roman = "", 0
            continue
        label = draft.number.strip("()")
        value = roman_value(label)
        following = drafts[index + 1] if index + 1 < len(drafts) else None
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
