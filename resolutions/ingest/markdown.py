"""Resolutions typed up in Markdown.

Headings carry the number and title ("### 2010/12 Promoting social
integration"), opening phrases are in italics ("*Recalling also* the…"),
footnote markers are ``<sup>1</sup>`` (or ``[^1]``), and footnote texts sit in
blocks after a thematic break (``---``) wherever the page they came from
ended, so a paragraph may continue after a footnote block (or anywhere as
``[^1]: text``).
"""

from __future__ import annotations

import re

from resolutions.ingest.document import ParsedDocument, SourceInfo
from resolutions.ingest.pipeline import decode_text
from resolutions.ingest.text import (
    RawFootnote,
    ResolutionBuilder,
    Segment,
    document_of,
    footnote_text,
    join_lines,
    leading_emphasis,
    split_blocks,
    strip_emphasis,
)

FORMAT = "markdown"

HEADING_RE = re.compile(r"^#{1,6}\s+")
THEMATIC_BREAK_RE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
FOOTNOTE_RE = re.compile(r"^\s*(?:<sup>\s*(?P<marker>\d{1,3}|[*†‡])\s*</sup>|\[\^(?P<ref>\d{1,3})\]:)\s*(?P<text>.*)$", re.S)
BLOCK_START_RE = re.compile(
    r"^\s*(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)(?:\s|$)|#{1,6}\s|<sup>\s*\d{1,3}\s*</sup>|\[\^\d{1,3}\]:|-{3,}\s*$)"
)


def detect(data: bytes, name: str) -> bool:
    head = data[:200_000]
    if name.lower().endswith((".md", ".markdown")):
        return True
    has_heading = re.search(rb"^#{1,6} \S", head, re.M) is not None
    has_sup = re.search(rb"<sup>\s*\d{1,3}\s*</sup>", head) is not None
    return (has_heading or has_sup) and re.search(rb"^\W*The [A-Z][\w ]+,", head, re.M) is not None


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    lines = decode_text(data, source.name).split("\n")
    builder = ResolutionBuilder(source, marker_style="explicit")
    footnotes: list[RawFootnote] = []
    in_footnotes = False
    after_break = False
    for block, line in split_blocks(lines, starts=BLOCK_START_RE):
        first = block[0]
        if THEMATIC_BREAK_RE.match(first):
            in_footnotes, after_break = True, True
            continue
        definition = first.lstrip().startswith("[^")  # "[^1]: …" is a footnote wherever it stands
        footnote = FOOTNOTE_RE.match(" ".join(block)) if in_footnotes or definition else None
        if footnote:
            marker = footnote.group("marker") or footnote.group("ref")
            footnotes.append(RawFootnote(marker, footnote_text(footnote.group("text")), line))
            continue
        in_footnotes = False
        text = join_lines([HEADING_RE.sub("", first)] + block[1:])
        phrase, text = leading_emphasis(text)
        builder.add(Segment(strip_emphasis(text), line, after_page_break=after_break, phrase=phrase))
        after_break = False
    return document_of(builder.build(footnotes))
