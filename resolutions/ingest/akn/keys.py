"""Paragraph keys for AKN blocks, from printed numbers (``resolutions.reference.paragraph_keys``).

Sub-paragraph letters and roman items hang under the paragraph before; unnumbered paragraphs of an
annex before its first number are its preamble. When sections restart their numbering the keys carry
the section, or in a structured annex's guidelines, principles and conclusions that place alone.

Lists inside a paragraph are keyed under it, wherever the markup puts them: points numbered "1.", "2."
in a paragraph's list (``op11-1``), a run of top-level paragraphs numbered afresh from "1." after a
paragraph that ends with a colon ("we will pursue the following objectives:" then 1. to 5.:
``op7-1``), and a paragraph's lettered items that run on under section headings which restart their
letters ("32. … commit to the following actions:" then "A." (a) (b), "B." (a)…: ``sec-iii-a-op32a``).
"""

from __future__ import annotations

import re

from resolutions.ingest.akn.body import Block
from resolutions.ingest.document import (
    OPERATIVE,
    PREAMBULAR,
    ParsedParagraph,
)
from resolutions.reference.numbers import ROMAN_LETTERS_RE
from resolutions.reference.paragraph_keys import (
    item_key,
    lettered_key,
    operative_key,
    place,
    preambular_key,
    repeat_key,
    unnumbered_key,
    unnumbered_operative_key,
)

TOP_NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)*)\.?$")

SUB_NUMBER_RE = re.compile(r"^\(([a-z]{1,2}|[ivxlc]+)\)\.?$")
# Roman items that may open a list of their own under a paragraph with no letters
FIRST_ROMAN_ITEMS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def next_letter(letter: str) -> str:
    if len(letter) == 2:  # (aa) (bb)
        return chr(ord(letter[0]) + 1) * 2 if letter[0] != "z" else ""
    return "aa" if letter == "z" else chr(ord(letter) + 1)


def assign_keys(
    blocks: list[Block], part: str, in_annex: bool, warn, start_order: int
) -> list[tuple[Block, ParsedParagraph]]:
    """Keys from printed numbers (``resolutions.reference.paragraph_keys``); section places when sections restart their numbering.

    A place is the whole path of sections ("sec-viii-b-op1"), or, in a
    structured annex's guidelines, principles and conclusions, that place
    alone ("annex, guideline 5, para. 1", as they are cited).
    """
    keyed = _keys(blocks, part, in_annex, with_sections=False)
    keys = [paragraph.key for _, paragraph in keyed]
    if len(set(keys)) != len(keys) and any(b.section for b in blocks):
        keyed = _keys(blocks, part, in_annex, with_sections=True)
    seen: dict[str, int] = {}
    renamed: dict[str, str] = {}
    result = []
    for order, (block, paragraph) in enumerate(keyed, start=start_order):
        paragraph.order = order
        if paragraph.parent_key in renamed:
            paragraph.parent_key = renamed[paragraph.parent_key]
        if paragraph.key in seen:
            seen[paragraph.key] += 1
            new_key = repeat_key(paragraph.key, seen[paragraph.key])
            warn(
                f"paragraph number {paragraph.number or '(unnumbered)'} is printed twice ({paragraph.key}); "
                f"the repeat is keyed {new_key}"
            )
            renamed[paragraph.key] = new_key
            paragraph.key = new_key
        else:
            seen[paragraph.key] = 1
            renamed.pop(paragraph.key, None)
        result.append((block, paragraph))
    return result


def _section_place(section: tuple[str, ...]) -> tuple[str, ...]:
    """The sections a key names: the whole path, or a guideline's (principle's, conclusion's) alone."""
    return section[-1:] if _numbers_its_own(section) else section


# Places whose paragraphs are cited within them, unnumbered ones too ("guideline 4, first paragraph").
OWN_NUMBERING_PLACES = ("guideline", "principle", "conclusion")


def _numbers_its_own(section: tuple[str, ...]) -> bool:
    """Is this place cited on its own, its unnumbered paragraphs counted within it, rather than along the part?

    Only the places of structured annexes (guidelines,
    principles, conclusions): other sections keep their whole path and count
    along the part, as they always did, so that keys already published keep
    naming the same paragraph.
    """
    return bool(section) and section[-1].split("-")[0] in OWN_NUMBERING_PLACES


def _keys(blocks: list[Block], part: str, in_annex: bool, with_sections: bool) -> list[tuple[Block, ParsedParagraph]]:
    return BlockKeyer(blocks, part, in_annex, with_sections).keyed()


class BlockKeyer:
    """Keys one part's blocks in order, remembering the paragraph and letter that later items hang under."""

    def __init__(self, blocks: list[Block], part: str, in_annex: bool, with_sections: bool):
        self.blocks = blocks
        self.part = part
        self.in_annex = in_annex
        self.with_sections = with_sections
        self.part_is_numbered = any(TOP_NUMBER_RE.match(block.number) for block in blocks)
        self.counters: dict[tuple, int] = {}  # per kind and place (see _numbers_its_own)
        self.annex_preambular = 0
        self.numbered_seen = False
        self.top = self.letter_key = self.letter = self.last_key = ""
        self.top_number = ""  # the printed number of the paragraph items hang under: "32"
        self.top_section: tuple[str, ...] = ()  # the place of that paragraph
        self.top_text = ""
        self.inline_item = 0  # the last number of a list printed as top-level paragraphs under ``top``

    def keyed(self) -> list[tuple[Block, ParsedParagraph]]:
        out = []
        for block in self.blocks:
            section = _section_place(block.section) if self.with_sections else ()
            key, kind, parent = self._key(block, section, place(self.part, section))
            self.last_key = key
            paragraph = ParsedParagraph(
                key=key,
                kind=kind,
                number=block.printed or block.number,
                order=0,
                text=block.rich.text,
                opening_phrase=block.opening_phrase,
                parent_key=parent,
                part=self.part,
                heading=block.heading,
            )
            out.append((block, paragraph))
        return out

    def _key(self, block: Block, section: tuple[str, ...], base: str) -> tuple[str, str, str]:
        """(key, kind, parent key) of one block."""
        top_match = TOP_NUMBER_RE.match(block.number)
        sub_match = SUB_NUMBER_RE.match(block.number)
        if block.kind == PREAMBULAR and block.depth == 0:
            key = preambular_key(base, self._count("pp", section))
            self._new_top(key)
            return key, PREAMBULAR, ""
        if top_match and self._continues_inline_list(block, top_match.group(1), section):
            self.inline_item += 1
            self.letter_key, self.letter = "", ""
            return item_key(self.top, top_match.group(1)), block.kind, self.top
        if top_match:
            key = operative_key(base, top_match.group(1))
            self._new_top(key, top_match.group(1), section, block.rich.text)
            self.numbered_seen = True
            return key, block.kind, ""
        if sub_match and (self.top or self.last_key):
            key, parent = self._sub_item(sub_match.group(1), block.depth, self._owner_in_place(section, base))
            return key, block.kind, parent
        return self._unnumbered(block, section, base)

    def _continues_inline_list(self, block: Block, number: str, section: tuple[str, ...]) -> bool:
        """Is this numbered block the next item of a list inside the paragraph before, numbered from 1?

        A point of a paragraph's own list ("11. Approves the following agenda:" then points 1., 2.), or a
        top-level paragraph numbered afresh from "1." right after a paragraph that ends with a colon, in the
        same place and under no heading of its own, and each next item numbered one more.
        """
        if not self.top_number or not number.isdigit() or block.heading or section != self.top_section:
            return False
        if int(number) != self.inline_item + 1:
            return False
        if block.depth:
            return True
        return self.inline_item > 0 or (number == "1" and self.top_text.rstrip().endswith(":"))

    def _owner_in_place(self, section: tuple[str, ...], base: str) -> str:
        """The paragraph's key as its items' owner, in the items' place when they stand under a deeper section.

        "32. … the following actions:", then "A." (a) (b), "B." (a)…: the letters restart in each section, so the
        items are keyed in their section ("sec-iii-a-op32a"), still hanging under paragraph 32.
        """
        deeper = len(section) > len(self.top_section) and section[: len(self.top_section)] == self.top_section
        return operative_key(base, self.top_number) if self.with_sections and self.top_number and deeper else ""

    def _sub_item(self, value: str, depth: int, owner_in_place: str = "") -> tuple[str, str]:
        """(key, parent) of "(b)" under the paragraph, or of a roman "(ii)" under the letter (or the paragraph)."""
        owner = self.top or self.last_key
        is_roman = bool(ROMAN_LETTERS_RE.match(value)) and not (self.letter and next_letter(self.letter) == value)
        if is_roman and self.letter_key and (depth != 1 or (value != "i" and next_letter(self.letter) != value)):
            return item_key(self.letter_key, value), self.letter_key
        if is_roman and not self.letter_key and value in FIRST_ROMAN_ITEMS and not self.letter:
            return item_key(owner_in_place or owner, value), owner
        key = lettered_key(owner_in_place or owner, value)
        self.letter_key, self.letter = key, value
        return key, owner

    def _unnumbered(self, block: Block, section: tuple[str, ...], base: str) -> tuple[str, str, str]:
        """An unnumbered block: an annex's preamble before its first number, else counted along the part or place."""
        own_place = _numbers_its_own(section)
        if self._opens_annex(block) and not own_place:
            self.annex_preambular += 1
            key, parent = self._hang(block, preambular_key(base, self.annex_preambular))
            return key, PREAMBULAR, parent
        count = self._count("p", section if own_place else ())
        if block.kind == OPERATIVE and not block.depth and not block.row:  # a table row is no paragraph cited by number
            key, parent = self._hang(block, unnumbered_operative_key(base, count, self.part_is_numbered))
        else:
            key, parent = self._hang(block, unnumbered_key(base, count))
        return key, block.kind, parent

    def _opens_annex(self, block: Block) -> bool:
        """Unnumbered text of an annex before its first numbered paragraph: the annex's preamble."""
        return (
            self.in_annex and not self.numbered_seen and block.kind == OPERATIVE and not block.row and not block.number
        )

    def _hang(self, block: Block, key: str) -> tuple[str, str]:
        """(key, parent): a nested block hangs under the paragraph before; any other is the one later ones hang under."""
        self.letter_key, self.letter = "", ""
        if block.depth and self.top:
            return key, self.top
        self._new_top(key)
        return key, ""

    def _new_top(self, key: str, number: str = "", section: tuple[str, ...] = (), text: str = "") -> None:
        """A paragraph that later items hang under: numbered ("32") in its place, or unnumbered."""
        self.top, self.letter_key, self.letter = key, "", ""
        self.top_number, self.top_section, self.top_text = number, section, text
        self.inline_item = 0

    def _count(self, kind: str, section: tuple[str, ...]) -> int:
        self.counters[kind, section] = self.counters.get((kind, section), 0) + 1
        return self.counters[kind, section]
