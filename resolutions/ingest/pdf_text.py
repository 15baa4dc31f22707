"""Text extracted from an official UN PDF (one line per printed line).

Pages are separated by an empty line. The first page is the cover (United
Nations, symbol, Distr.: General, date, job number "25-17700 (E)", bar code
"*2517700*", session, agenda item and its name); every later page starts with
a running header (symbol, running title, job number, page number "2/18").
Footnotes are printed at the bottom of a page after a rule ("_____") and run
to the page end, which the next page's running header marks when no empty
line does (an extraction that left the footnotes between two lines of one
paragraph): a line that is not the next footnote, within two lines of the
symbol or a page number, opens the next page. Paragraph numbers may stand alone on their line ("1." then
the text), paragraphs run on across pages, and footnote markers may follow a
space ("Development 1"). An annex ("Annex" then its title) numbers its
paragraphs afresh, in its own key namespace (``annex-op1``).

A YAML front matter (``---`` … ``---``, written by the extraction tool) may
come first; it is not UN text: its symbol is checked against the cover's, and its language (one of the six
official ones; another is skipped, saying so) is the text's. Without it, the language is the one whose
formulae the text prints ("Résolution adoptée par…", "قرار اتخذته…"); its patterns read the cover, the
numbers ("3 -", "b)"), the annexes and the phrases.
"""

from __future__ import annotations

import re

from resolutions.ingest import page_text
from resolutions.ingest.document import ParsedDocument, ParseError, SkippedSource, SourceInfo
from resolutions.ingest.pipeline import decode_text
from resolutions.ingest.text.builder import ResolutionBuilder, document_of
from resolutions.ingest.text.furniture import (
    BARCODE_RE,
    JOB_AND_PAGE_RE,
    JOB_NUMBER_RE,
    PAGE_NUMBER_RE,
    SYMBOL_RE,
    is_furniture_line,
)
from resolutions.ingest.text.header import NUMBER_TITLE_RE, read_cover_line
from resolutions.ingest.text.lines import join_lines, join_text, normalise_spaces, shorten
from resolutions.ingest.text.segments import RawFootnote, Segment
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for, language_named, language_of_text

ENGLISH = language_for("en")
FORMAT = "pdf-text"

FRONT_MATTER_KEY_RE = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")
FOOTNOTE_RULE_RE = re.compile(r"^_{5,}$")
FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3})\s+(?P<text>\S.*)$")
PARAGRAPH_START_RE = re.compile(r"^\s*(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)(?:\s|$))")
# What only a Markdown rendering has: footnote definitions, headings, an italic or bold line.
MARKDOWN_MARKS_RE = re.compile(rb"^(?:\[\^\d{1,3}\]:|#{1,6} \S|\*{1,2}[A-Z][^*\n]*\*{1,2}\s*$)", re.M)
MAX_HEADER_LINES = 12


def detect(data: bytes, name: str) -> bool:
    head = data[:4096]
    if b"<<ODS" in data[:200_000]:
        return False
    if head.startswith(b"---") and re.search(rb"^source_pdf:", head, re.M):
        return not MARKDOWN_MARKS_RE.search(data[:200_000])  # a Markdown rendering of the PDF is Markdown
    if b"\f" in data[:200_000] and re.search(rb"Distr\.", head) and _adoption_line(data[:20_000]):
        return True  # pages ending with form feeds (poppler's pdftotext, plain or -layout), in any language
    return (
        re.search(rb"^\s*Distr\.: ", head, re.M) is not None
        and re.search(rb"^\s*\d{2}-\d{5}", data[:200_000], re.M) is not None
        and re.search(rb"^\s*(?:\d{2}-\d{5}\s+)?\d{1,3}/\d{1,3}\s*$", data[:200_000], re.M) is not None
    )


def _adoption_line(head: bytes) -> bool:
    """Whether the text's first pages print the adoption formula of one of the languages the archive reads."""
    text = head.decode("utf-8", "replace")
    return re.search(r"^\s*Resolution adopted by", text, re.M) is not None or language_of_text(text) is not None


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    return parse_text(decode_text(data, source.name), source)


def parse_text(text: str, source: SourceInfo) -> ParsedDocument:
    """Parse extracted PDF text (also used by the ``pdf`` format after pypdf has extracted it).

    Pages that end with a form feed (poppler's ``pdftotext``, plain or
    ``-layout``) are first put in the shape read here (``page_text``).
    """
    language = _language(text, source)
    if page_text.has_form_feeds(text):
        text = page_text.normalise(text, language)
    reader = PageReader(text.split("\n"), source, language)
    return document_of(reader.read())


FRONT_MATTER_LANGUAGE_RE = re.compile(r"\A---\n(?:[a-z_]+:.*\n){0,40}?language:\s*\"?(?P<value>[^\"\n]*)", re.M)


def _language(text: str, source: SourceInfo) -> Language:
    """The front matter's language when it names one (one of the six, or the source is skipped), else the
    one whose formulae the text prints; English when neither says."""
    named = FRONT_MATTER_LANGUAGE_RE.match(text)
    if named:
        language = language_named(named.group("value"))
        if language is None:
            raise SkippedSource(
                f"{source.name}: language {named.group('value').strip()}: "
                "none of the six official languages the archive holds"
            )
        return language
    return language_of_text(text) or ENGLISH


class PageReader:
    """Walks the lines page by page: cover, running headers, body, footnote blocks."""

    def __init__(self, lines: list[str], source: SourceInfo, language: Language = ENGLISH):
        self.lines = lines
        self.language = language
        self.paragraph_start = (
            PARAGRAPH_START_RE
            if language is ENGLISH
            else re.compile(rf"^\s*(?:{language.leading_number_re.pattern.lstrip('^')}|\d{{1,3}}\.(?:\s|$))")
        )
        self.builder = ResolutionBuilder(source, marker_style="plain", language=language)
        self.footnotes: list[RawFootnote] = []
        self.blocks: list[tuple[list[str], int, bool]] = []  # (lines, first line number, after a page break)
        self.front_symbol = ""

    def read(self):
        index = self._front_matter()
        index = self._cover(index)
        self._body(index)
        header = self.builder.header
        cover_symbol = header.metadata.pop("symbol_on_cover", "")
        if cover_symbol and self.front_symbol and cover_symbol != self.front_symbol:
            self.builder.warnings.append(f"front matter gives {self.front_symbol} but the cover {cover_symbol}")
        header.symbol = cover_symbol or self.front_symbol
        for block, line, after_break in self.blocks:
            self.builder.add(Segment(join_lines(block), line, after_page_break=after_break))
        return self.builder.build(self.footnotes)

    def _front_matter(self) -> int:
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        for index in range(1, min(len(self.lines), 40)):
            line = self.lines[index].strip()
            if line == "---":
                return index + 1
            match = FRONT_MATTER_KEY_RE.match(line)
            if not match:
                raise ParseError("malformed front matter", source=self.builder.source.name, line=index + 1)
            key, value = match.group("key"), match.group("value").strip().strip('"')
            if key == "symbol":
                self.front_symbol = value
            elif key in ("record_id", "source_pdf"):
                self.builder.header.metadata[key] = value
        raise ParseError("front matter is not closed by '---'", source=self.builder.source.name, line=1)

    def _cover(self, index: int) -> int:
        """Cover lines up to 'Resolution adopted by…' (or the first line that is no cover line)."""
        header = self.builder.header
        agenda_title: list[str] | None = None
        while index < len(self.lines):
            raw = self.lines[index]
            text = normalise_spaces(raw)
            if self.language.cover_end_re.match(raw):
                break
            if not text:
                if agenda_title:
                    header.metadata["agenda_item_title"] = join_lines(agenda_title)
                    agenda_title = None
                index += 1
                continue
            if agenda_title is not None:
                agenda_title.append(text)
            elif read_cover_line(text, header, self.language):
                if self.language.agenda_re.match(text):
                    agenda_title = []
            else:
                break
            index += 1
        if agenda_title:
            header.metadata["agenda_item_title"] = join_lines(agenda_title)
        return index

    def _body(self, index: int) -> None:
        current: list[str] | None = None
        after_break = False
        in_footnotes = False
        in_header = False
        header_end: int | None = None
        for number in range(index + 1, len(self.lines) + 1):
            raw = self.lines[number - 1]
            text = normalise_spaces(raw)
            if raw == "":  # page boundary
                in_footnotes, in_header, header_end = False, True, None
                current, after_break = None, True
                continue
            if in_footnotes and text and self._next_page_starts(number):
                # the next page's running header with no empty line before it: the footnote block ends here
                in_footnotes, in_header, header_end = False, True, None
                current, after_break = None, True
            if in_header:
                if not text:
                    continue
                if header_end is None:
                    header_end = self._running_header_end(number)
                if number <= header_end:
                    continue
                in_header = False
            if in_footnotes:
                self._footnote_line(text, number)
                continue
            if not text:
                current = None
                continue
            if FOOTNOTE_RULE_RE.match(text):
                in_footnotes, current = True, None
                continue
            if self._stray_furniture(text):
                continue
            if self.language.annex_re.match(text):  # "Annex" stands alone even without blank lines around it
                self.blocks.append(([raw], number, after_break))
                current, after_break = None, False
            elif current is None or self.paragraph_start.match(raw):
                current = [raw]
                self.blocks.append((current, number, after_break))
                after_break = False
            else:
                current.append(raw)

    def _next_page_starts(self, number: int) -> bool:
        """In a footnote block with no empty line after it: is line ``number`` the next page's running header?

        It is when it, or one of the two lines after it, is furniture (the symbol, a
        page or job number), and it is not the next footnote.
        """
        if FOOTNOTE_RE.match(normalise_spaces(self.lines[number - 1])) and self._is_next_footnote(
            self.lines[number - 1]
        ):
            return False
        for line in self.lines[number - 1 : number + 2]:
            if line == "":
                return False  # the page ends with an empty line after all
            if self._stray_furniture(normalise_spaces(line)):
                return True
        return False

    def _is_next_footnote(self, line: str) -> bool:
        match = FOOTNOTE_RE.match(normalise_spaces(line))
        expected = int(self.footnotes[-1].marker) + 1 if self.footnotes else None
        return bool(match) and (expected is None or int(match.group("marker")) == expected)

    def _stray_furniture(self, text: str) -> bool:
        """A page number, job number, bar code or this document's symbol outside a running header.

        Only these: a line "General Assembly" or "15" may be the end of a wrapped paragraph.
        """
        if (
            JOB_NUMBER_RE.match(text)
            or BARCODE_RE.match(text)
            or PAGE_NUMBER_RE.match(text)
            or JOB_AND_PAGE_RE.match(text)
        ):
            return True
        symbol = self.builder.header.metadata.get("symbol_on_cover") or self.front_symbol
        return bool(symbol) and text == symbol

    def _running_header_end(self, number: int) -> int:
        """The last line of the running header that starts at line ``number`` (0 when there is none).

        A header is a few lines (symbol, running title, job number) up to the
        page number, and a job number right after it. The running title may be
        shortened, so any line before the page number counts as header; a
        page without a page number within a few lines has no header.
        """
        seen = 0
        index = number - 1
        while index < len(self.lines) and seen < MAX_HEADER_LINES:
            text = normalise_spaces(self.lines[index])
            if self.lines[index] == "":
                return 0
            if text:
                seen += 1
                if PAGE_NUMBER_RE.match(text) or JOB_AND_PAGE_RE.match(text):
                    end = index + 1
                    for following in range(index + 1, min(index + 4, len(self.lines))):
                        after = normalise_spaces(self.lines[following])
                        if after and not JOB_NUMBER_RE.match(after):
                            break
                        if after:
                            end = following + 1
                    self._check_header(number, end)
                    return end
            index += 1
        return 0

    def _check_header(self, first: int, last: int) -> None:
        """Header lines that are neither symbol, numbers nor the title are kept as the running title."""
        title = self._printed_title().lower()
        other = []
        for number in range(first, last + 1):
            text = normalise_spaces(SYMBOL_RE.sub("", self.lines[number - 1]))
            if text and not is_furniture_line(text) and not (title and text.lower() in title):
                other.append(text)
        if other:
            self.builder.header.metadata.setdefault("running_title", join_lines(other))

    def _printed_title(self) -> str:
        """The title as printed after the number ("80/5. Doha Political…"): running headers repeat it."""
        for block, _line, _after_break in self.blocks[:12]:
            match = NUMBER_TITLE_RE.match(join_lines(block))
            if match:
                return match.group("title")
        return ""

    def _footnote_line(self, text: str, number: int) -> None:
        if not text:
            return
        if self._is_next_footnote(text):
            match = FOOTNOTE_RE.match(text)
            self.footnotes.append(RawFootnote(match.group("marker"), match.group("text"), number))
        elif self.footnotes:
            last = self.footnotes[-1]
            last.text = join_text(last.text, text)
        else:
            self.builder.warn(number, f"dropped, unrecognised line in a footnote block: {shorten(text)!r}")
