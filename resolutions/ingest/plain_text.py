"""Plain text of a resolution as bodies outside the ODS publish it (ESCAP and the other commissions).

"Resolution 67/8", the title, "The Economic and Social Commission for Asia
and the Pacific,", paragraphs separated by blank lines, operative numbers
and lettered sub-paragraphs at the start of their line, footnote markers as
Unicode superscripts ("¹") with the footnote text on a line of its own
("¹ The Promise of Protection…") wherever the page ended. Footnotes printed
with plain digits after a rule ("____" then "1 Resolution 65/1.") are read
too, and so are the UN's 1990s web pages: the symbol twice, the date and the
plenary meeting above the title, no "46/77." line, markers "1/" with their
footnotes "1/ A/46/312." where the page put them. Emphasis marks ("*Calls upon*") are removed; a line that is not
UN text in the resolution's language (an advertisement, a web address) is dropped with a warning.

The language is the one whose line naming the adopting body the text prints ("L’Assemblée générale,",
"إن الجمعية العامة،", "大会，"); its patterns read the rest: numbers ("3 -", "b)"), phrases, dates.
"""

from __future__ import annotations

import re

from resolutions.ingest.document import ParsedDocument, SourceInfo
from resolutions.ingest.pipeline import decode_text
from resolutions.ingest.text.builder import ResolutionBuilder, document_of
from resolutions.ingest.text.emphasis import footnote_text, leading_emphasis, strip_emphasis
from resolutions.ingest.text.furniture import RULE_RE, SYMBOL_RE
from resolutions.ingest.text.lines import join_lines, normalise_spaces
from resolutions.ingest.text.markers import SUPERSCRIPT_TO_DIGIT, SUPERSCRIPTS
from resolutions.ingest.text.segments import RawFootnote, Segment, split_blocks
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import body_line_language, language_for, language_of_text

ENGLISH = language_for("en")
FORMAT = "plain-text"

SUPERSCRIPT_FOOTNOTE_RE = re.compile(r"^\s*(?P<marker>[" + SUPERSCRIPTS + r"]+)\s*(?P<text>\S.*)$", re.S)
DIGIT_FOOTNOTE_RE = re.compile(r"^\s*(?P<marker>\d{1,3})\s+(?P<text>\S.*)$", re.S)
SLASH_FOOTNOTE_RE = re.compile(
    r"^\s*(?P<marker>\d{1,3})/\s+(?P<text>\S.*)$", re.S
)  # the 1990s web pages' "1/ A/46/312."
BLOCK_START_RE = re.compile(
    r"^\s*(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)(?:\s|$)|[" + SUPERSCRIPTS + r"]+\s|_{3,}\s*$|-{3,}\s*$)"
)
SYMBOL_LINE_RE = re.compile(r"^\s*" + SYMBOL_RE.pattern + r"\s*$")


def detect(data: bytes, name: str) -> bool:
    if b"\x00" in data[:8192]:
        return False
    try:
        text = data[:200_000].decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return body_line_language(text) is not None


def _block_start(language: Language) -> re.Pattern:
    """Where a block starts: a number printed the language's way, a superscript marker, a rule."""
    if language is ENGLISH:
        return BLOCK_START_RE
    numbers = language.leading_number_re.pattern.lstrip("^")
    return re.compile(rf"^\s*(?:{numbers}|{BLOCK_START_RE.pattern.removeprefix('^\\s*(?:')}")


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    text = decode_text(data, source.name)
    lines = text.split("\n")
    language = language_of_text(text) or ENGLISH
    builder = ResolutionBuilder(source, marker_style="explicit", language=language)
    footnotes: list[RawFootnote] = []
    after_rule = False
    after_footnote = False
    for block, line in split_blocks(lines, starts=_block_start(language)):
        joined = join_lines(block)
        if RULE_RE.match(joined):
            after_rule = True
            continue
        superscript = SUPERSCRIPT_FOOTNOTE_RE.match(joined) or SLASH_FOOTNOTE_RE.match(joined)
        digits = DIGIT_FOOTNOTE_RE.match(joined) if after_rule else None
        if superscript or digits:
            match = superscript or digits
            marker = match.group("marker").translate(SUPERSCRIPT_TO_DIGIT)
            text, emphasis = footnote_text(match.group("text"))
            footnotes.append(RawFootnote(marker, text, line, emphasis))
            if digits:
                builder.marker_style = "plain"
            after_footnote = True
            continue
        after_rule = False
        if not builder.reader.seen_body_line and SYMBOL_LINE_RE.match(block[0]):
            for offset, cover_line in enumerate(block):  # "A/RES/46/77" twice, the date: one field a line
                builder.add(Segment(normalise_spaces(cover_line), line + offset))
            continue
        phrase, text = leading_emphasis(normalise_spaces(joined))
        builder.add(Segment(strip_emphasis(text), line, after_page_break=after_footnote, phrase=phrase))
        after_footnote = False
    return document_of(builder.build(footnotes))
