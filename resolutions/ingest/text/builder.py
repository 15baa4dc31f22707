"""The resolution builder: segments in, one ParsedResolution out.

Metadata segments go to the header reader; content segments become drafts (a line that continues
the paragraph before joins it, a short unpunctuated line is a heading, "Annex" opens the annex part);
the drafts are numbered into keyed paragraphs and the footnotes placed in them. Nothing is dropped
silently: a segment that is neither metadata nor content becomes a warning naming its line.
"""

from __future__ import annotations

import re

from resolutions.ingest.document import (
    ParsedDocument,
    ParsedResolution,
    ParseError,
    SourceInfo,
)
from resolutions.ingest.sections import heading_section
from resolutions.ingest.text.footnotes import place_footnotes
from resolutions.ingest.text.furniture import foreign_reason
from resolutions.ingest.text.header import (
    HeaderReader,
)
from resolutions.ingest.text.lines import join_text, normalise_spaces, shorten
from resolutions.ingest.text.markers import (
    strip_trailing_markers,
)
from resolutions.ingest.text.numbering import keyed_paragraphs
from resolutions.ingest.text.phrases import opening_phrase
from resolutions.ingest.text.segments import Draft, RawFootnote, Segment
from resolutions.reference.bodies import BODIES, body_for_symbol
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for
from resolutions.reference.paragraph_keys import (
    annex_part_named,
)

ENGLISH = language_for("en")
OPERATIVE_NUMBER_RE = re.compile(r"^(?P<number>\d{1,3})\.(?=\s|$)\s*")

SUB_NUMBER_RE = re.compile(r"^\((?P<number>[a-z]{1,4})\)(?=\s|$)\s*")

TERMINATED_RE = re.compile(r"[.,;:!?،؛。，；：！？][\"”’)\]」]*$")


class ResolutionBuilder:
    """Turns a format's segments and footnotes into one ParsedResolution."""

    def __init__(self, source: SourceInfo, marker_style: str, language: Language = ENGLISH):
        self.source = source
        self.marker_style = marker_style  # "plain" digits, or "explicit" (<sup>, superscripts)
        self.language = language
        self.warnings: list[str] = []
        self.reader = HeaderReader(self.warnings, language)
        self.header = self.reader.header
        self.drafts: list[Draft] = []
        self.part = ""
        self.pending_heading: list[str] = []
        self.section_path: list[tuple[int, str]] = []  # (level, label) of the sections around, in this part
        self.last_line = 0

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"line {line}: {message}")

    def error(self, message: str, line: int | None = None) -> ParseError:
        return ParseError(message, source=self.source.name, line=line)

    # metadata ---------------------------------------------------------------------

    # content -------------------------------------------------------------------------

    def add(self, segment: Segment) -> None:
        text = normalise_spaces(segment.text)
        if not text:
            return
        self.last_line = segment.line
        reason = foreign_reason(text, self.language)
        if reason:
            self.warn(segment.line, f"dropped, {reason}: {shorten(text)!r}")
            return
        if self.reader.read(text, segment.line, has_paragraphs=bool(self.drafts)):
            return
        if not self.reader.seen_body_line:
            if self.reader.read_body_line(text):
                return
            self.warn(segment.line, f"dropped, not a recognised heading or metadata line: {shorten(text)!r}")
            return
        annex = self.language.annex_re.match(text)
        if annex:
            numeral = annex.group("numeral")
            self.part = annex_part_named(numeral)
            self.pending_heading = []
            self.section_path = []
            self.reader.closed = False
            return
        if self.reader.closed:
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
        elif self.language is not ENGLISH:
            number, sub, text = self._printed_number(text)
        previous = self.drafts[-1] if self.drafts else None
        continues = (
            not number and previous is not None and previous.part == self.part and not self.pending_heading
        ) and self._continues(previous, text, segment)
        if continues:
            previous.text = join_text(previous.text, text, self.language)
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
                self.section_path = []
            self._open_section(text)
            self.pending_heading.append(text)
            return
        section = tuple(label for _, label in self.section_path)
        self.drafts.append(
            Draft(self.part, number, text, segment.line, " ".join(self.pending_heading), segment.phrase, sub, section)
        )
        self.pending_heading = []

    def _printed_number(self, text: str) -> tuple[str, bool, str]:
        """(number, is a sub-item, the text after it) of a number printed the language's way ("3 -", "b)", "(ب)",
        "㈡"), read into the form keys are built from; ("", False, text) when the text opens with none."""
        leading = self.language.leading_number_re.match(text)
        if not leading:
            return "", False, text
        number = self.language.canonical_number(leading.group(0))
        if number.startswith("("):
            return number, True, text[leading.end() :]
        if number.rstrip(".").isdigit():
            return number.rstrip("."), False, text[leading.end() :]
        return "", False, text

    def _open_section(self, heading: str) -> None:
        """A numbered heading ("I. KEEPING THE LIGHT", "A. The lamp") opens a section at its level."""
        opened = heading_section(heading, self.section_path)
        if opened:
            level, _ = opened
            self.section_path = [entry for entry in self.section_path if entry[0] < level] + [opened]

    def _continues(self, previous: Draft, text: str, segment: Segment) -> bool:
        if segment.new_paragraph:
            return False
        ending = strip_trailing_markers(previous.text[-200:])
        starts_mid_sentence = (
            not text[:1].isupper()
            and text[:1] not in '“"‘(«'
            and _cased(text[:1])
            and not (self.language.phrase_re and self.language.known_phrase(text))
        )  # "by the World Summit…", "19 December…"; a script without capitals (Arabic, Chinese) says nothing,
        # and a Russian preambular phrase opens its paragraph in small letters ("ссылаясь")
        if starts_mid_sentence or not TERMINATED_RE.search(ending):
            return True
        return bool(
            segment.after_page_break
            and ending.endswith((",", "،", "，"))  # a comma in Latin, Arabic or Chinese
            and not opening_phrase(text, language=self.language)
        )

    def _is_heading(self, previous: Draft | None, text: str) -> bool:
        """A short unpunctuated line between complete paragraphs: an annex title or section heading."""
        if len(text) > 250 or TERMINATED_RE.search(strip_trailing_markers(text)):
            return False
        if not (text[:1].isupper() or text[:1].isdigit() or not _cased(text[:1])):
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
        if not self.reader.seen_body_line:
            raise self.error("not a resolution: no line naming the adopting body (like 'The General Assembly,')")
        if not self.drafts:
            raise self.error("not a resolution: no paragraphs found")
        if self.pending_heading:
            self.warn(self.last_line, f"heading without paragraphs: {shorten(' '.join(self.pending_heading))!r}")
        symbol, body, number = self._identity()
        paragraphs = keyed_paragraphs(self.drafts, self.language, self.warn, self.error)
        placed = place_footnotes(paragraphs, footnotes, self.marker_style, self.warnings, self.language)
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
            language=self.language.code,
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


def _cased(letter: str) -> bool:
    """Whether the letter's script has capitals (Latin, Cyrillic), so that a small letter can say something."""
    return letter.lower() != letter.upper() or not letter.isalpha()


def document_of(resolution: ParsedResolution) -> ParsedDocument:
    return ParsedDocument(source=resolution.source, resolutions=[resolution])
