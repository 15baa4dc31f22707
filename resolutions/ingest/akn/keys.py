"""Paragraph keys for AKN blocks, from printed numbers (``resolutions.reference.paragraph_keys``).

Sub-paragraph letters and roman items hang under the paragraph before; unnumbered paragraphs of an
annex before its first number are its preamble. When sections restart their numbering the keys carry
the section, or in a structured annex's guidelines, principles and conclusions that place alone.
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

    Only the places of structured annexes read since issue 13 (guidelines,
    principles, conclusions): other sections keep their whole path and count
    along the part, as they always did, so that keys already published keep
    naming the same paragraph.
    """
    return bool(section) and section[-1].split("-")[0] in OWN_NUMBERING_PLACES


def _keys(blocks: list[Block], part: str, in_annex: bool, with_sections: bool) -> list[tuple[Block, ParsedParagraph]]:
    out = []
    preambular = 0
    counters: dict[tuple, list[int]] = {}  # per kind and place (see _numbers_its_own)
    top = letter_key = ""
    letter = ""
    last_key = ""
    numbered_seen = False
    part_is_numbered = any(TOP_NUMBER_RE.match(block.number) for block in blocks)
    for block in blocks:
        section = _section_place(block.section) if with_sections else ()
        base = place(part, section)
        number = block.number
        top_match = TOP_NUMBER_RE.match(number)
        sub_match = SUB_NUMBER_RE.match(number)
        parent = ""
        kind = block.kind
        if kind == PREAMBULAR and block.depth == 0:
            count = counters.setdefault(("pp", section), [0])
            count[0] += 1
            key = preambular_key(base, count[0])
            top, letter_key, letter = key, "", ""
        elif top_match:
            key = operative_key(base, top_match.group(1))
            top, letter_key, letter = key, "", ""
            numbered_seen = True
        elif sub_match and (top or last_key):
            value = sub_match.group(1)
            owner = top or last_key
            is_roman = bool(ROMAN_LETTERS_RE.match(value))
            if is_roman and letter and next_letter(letter) == value:
                is_roman = False
            if (is_roman and letter_key and block.depth != 1) or (
                is_roman and letter_key and block.depth == 1 and value != "i" and next_letter(letter) != value
            ):
                key, parent = item_key(letter_key, value), letter_key
            elif (
                is_roman
                and not letter_key
                and value in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
                and not letter
            ):
                key, parent = item_key(owner, value), owner
            else:
                key, parent = lettered_key(owner, value), owner
                letter_key, letter = key, value
        else:
            own_place = _numbers_its_own(section)
            if in_annex and not numbered_seen and kind == OPERATIVE and not block.row and not number and not own_place:
                preambular += 1
                key = preambular_key(base, preambular)
                kind = PREAMBULAR
            else:
                unnumbered = counters.setdefault(("p", section if own_place else ()), [0])
                unnumbered[0] += 1
                if (
                    kind == OPERATIVE and not block.depth and not block.row
                ):  # a table row is no paragraph cited by number
                    key = unnumbered_operative_key(base, unnumbered[0], part_is_numbered)
                else:
                    key = unnumbered_key(base, unnumbered[0])
            if block.depth and top:
                parent = top
            else:
                top = key
            letter_key, letter = "", ""
        last_key = key
        out.append(
            (
                block,
                ParsedParagraph(
                    key=key,
                    kind=kind if block.kind == OPERATIVE else PREAMBULAR,
                    number=number,
                    order=0,
                    text=block.rich.text,
                    opening_phrase=block.opening_phrase,
                    parent_key=parent,
                    part=part,
                    heading=block.heading,
                ),
            )
        )
    return out
