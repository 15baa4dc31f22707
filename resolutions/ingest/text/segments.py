"""What a format module gives the shared builder: segments of text, footnote texts, blank-line blocks.

A format module turns its source into ``Segment``s (blocks of content or metadata, with the line they
start on) and ``RawFootnote``s; the builder assembles segments into ``Draft`` paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Segment:
    """A block of source text that a format module could not classify on its own."""

    text: str
    line: int  # where it starts in the source (1-based)
    after_page_break: bool = False  # content resumed after page furniture
    new_paragraph: bool = False  # the format knows a paragraph starts here (ODS tab indent)
    phrase: str = ""  # an opening phrase the format saw marked (Markdown italics)


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
    section: tuple[str, ...] = ()  # the sections around it, as keys name them: ("i", "a")


@dataclass
class RawFootnote:
    marker: str
    text: str
    line: int
    emphasis: list[list[int]] = field(default_factory=list)  # [start, end] of each italic span of the text


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
