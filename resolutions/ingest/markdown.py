"""Resolutions typed up in Markdown.

Headings carry the number and title ("### 2010/12 Promoting social
integration"), opening phrases are in italics ("*Recalling also* the…"),
footnote markers are ``<sup>1</sup>`` (or ``[^1]``), and footnote texts sit in
blocks after a thematic break (``---``) wherever the page they came from
ended, so a paragraph may continue after a footnote block (or anywhere as
``[^1]: text``, often all at the end, after the closing formula).

A rendering of a PDF may open with a YAML front matter (``---`` … ``---``)
naming its source PDF: it is not UN text; its ``symbol`` is checked against
the text's, its ``source_pdf`` kept in the metadata, and its ``language`` is the text's (one of the six
official ones; another is skipped, saying so). Without it, the language is the one whose formulae the text
prints ("L’Assemblée générale,", "إن الجمعية العامة،"), and its patterns read the text.
"""

from __future__ import annotations

import re

from resolutions.ingest.document import ParsedDocument, ParseError, SkippedSource, SourceInfo
from resolutions.ingest.pipeline import decode_text
from resolutions.ingest.text.builder import ResolutionBuilder, document_of
from resolutions.ingest.text.emphasis import footnote_text, leading_emphasis, strip_emphasis
from resolutions.ingest.text.lines import join_lines
from resolutions.ingest.text.segments import RawFootnote, Segment, split_blocks
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import body_line_language, language_for, language_named, language_of_text

ENGLISH = language_for("en")

FORMAT = "markdown"

HEADING_RE = re.compile(r"^#{1,6}\s+")
THEMATIC_BREAK_RE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
FOOTNOTE_RE = re.compile(
    r"^\s*(?:<sup>\s*(?P<marker>\d{1,3}|[*†‡])\s*</sup>|\[\^(?P<ref>\d{1,3})\]:)\s*(?P<text>.*)$", re.S
)
BLOCK_START_RE = re.compile(
    r"^\s*(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)(?:\s|$)|#{1,6}\s|<sup>\s*\d{1,3}\s*</sup>|\[\^\d{1,3}\]:|-{3,}\s*$)"
)


def detect(data: bytes, name: str) -> bool:
    head = data[:200_000]
    if name.lower().endswith((".md", ".markdown")):
        return True
    has_heading = re.search(rb"^#{1,6} \S", head, re.M) is not None
    has_sup = re.search(rb"<sup>\s*\d{1,3}\s*</sup>", head) is not None
    text = head.decode("utf-8", "replace")
    return (has_heading or has_sup) and (
        ENGLISH.opening_line_re.search(text) is not None or body_line_language(text) is not None
    )


FRONT_MATTER_KEY_RE = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")
MAX_FRONT_MATTER_LINES = 40


def front_matter(lines: list[str], source: SourceInfo) -> dict[str, str]:
    """The YAML front matter's ``key: value`` lines, blanked out of ``lines`` (so line numbers stay); {} when none."""
    if not lines or lines[0].strip() != "---":
        return {}
    values: dict[str, str] = {}
    for index in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)):
        line = lines[index].strip()
        if line == "---":
            lines[: index + 1] = [""] * (index + 1)
            return values
        match = FRONT_MATTER_KEY_RE.match(line)
        if not match:
            raise ParseError("malformed front matter", source=source.name, line=index + 1)
        values[match.group("key")] = match.group("value").strip().strip('"')
    raise ParseError("front matter is not closed by '---'", source=source.name, line=1)


def _language(about: dict[str, str], text: str, source: SourceInfo) -> Language:
    """The front matter's language when it names one, else the one whose formulae the text prints (English)."""
    if "language" not in about:
        return language_of_text(text) or ENGLISH
    language = language_named(about["language"])
    if language is None:
        raise SkippedSource(
            f"{source.name}: language {about['language']}: none of the six official languages the archive holds"
        )
    return language


def _block_start(language: Language) -> re.Pattern:
    """Where a block starts: a number printed the language's way, a heading, a footnote, a thematic break."""
    if language is ENGLISH:
        return BLOCK_START_RE
    numbers = language.leading_number_re.pattern.lstrip("^")
    return re.compile(rf"^\s*(?:{numbers}|{BLOCK_START_RE.pattern.removeprefix('^\\s*(?:')}")


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    text = decode_text(data, source.name)
    lines = text.split("\n")
    about = front_matter(lines, source)
    language = _language(about, text, source)
    builder = ResolutionBuilder(source, marker_style="explicit", language=language)
    if about.get("source_pdf"):
        builder.header.metadata["source_pdf"] = about["source_pdf"]
    footnotes: list[RawFootnote] = []
    in_footnotes = False
    after_break = False
    for block, line in split_blocks(lines, starts=_block_start(language)):
        first = block[0]
        if THEMATIC_BREAK_RE.match(first):
            in_footnotes, after_break = True, True
            continue
        definition = first.lstrip().startswith("[^")  # "[^1]: …" is a footnote wherever it stands
        footnote = FOOTNOTE_RE.match(" ".join(block)) if in_footnotes or definition else None
        if footnote:
            marker = footnote.group("marker") or footnote.group("ref")
            text, emphasis = footnote_text(footnote.group("text"))
            footnotes.append(RawFootnote(marker, text, line, emphasis))
            continue
        in_footnotes = False
        if not builder.reader.seen_body_line and language.cover_field_re.match(first):
            # a rendered cover keeps its lines ("Distr.: General" / "21 December 2098"): each is one piece of metadata
            for offset, cover_line in enumerate(block):
                builder.add(Segment(strip_emphasis(cover_line.strip()), line + offset))
            continue
        text = join_lines([HEADING_RE.sub("", first), *block[1:]])
        phrase, text = leading_emphasis(text)
        builder.add(Segment(strip_emphasis(text), line, after_page_break=after_break, phrase=phrase))
        after_break = False
    resolution = builder.build(footnotes)
    if about.get("symbol") and about["symbol"] != resolution.symbol:
        resolution.warnings.append(f"front matter gives {about['symbol']} but the text {resolution.symbol}")
    return document_of(resolution)
