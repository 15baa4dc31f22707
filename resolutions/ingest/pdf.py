"""Official UN PDF files: the text layer is extracted with pypdf, then read as ``pdf_text``.

pypdf gives each page's lines; a line that starts indented opens a
paragraph (UN documents indent first lines and do not space paragraphs), so
a blank line is put before it, and pages are separated by an empty line, the
shape ``pdf_text`` reads. Line numbers in warnings are those of that
extracted text.

Arabic: pypdf gives the glyphs' presentation forms ("ﻛﺎﻧﻮن", the ligature "ﻷ") where a PDF maps its glyphs
so; they are folded to the letters (NFKC on those code points only, which also puts a ligature's letters
in reading order), and directional formatting characters are dropped. What pypdf does not give is the
order of a right-to-left line's runs: a line mixing Arabic with digits or Latin comes with its runs in
visual order ("2099 كانون الأول/ديسمبر14 قرار اتخذته …", "(؛2) - تقرر …1"). So a page with right-to-left
letters is read again by pdfminer.six, whose lines give the glyphs as printed, left to right (visual order,
the mirrored glyph of "(" read as ")"), and each line is put back in logical order by the Unicode
Bidirectional Algorithm (python-bidi, with mirroring) in a right-to-left paragraph; only then are the
presentation forms folded (a lam-alef ligature is one glyph, so its letters keep their order). A line whose
right end stops short of the page's right margin starts indented (an RTL paragraph's first line). Pages
whose letters are not mostly right-to-left are pypdf's, as they were.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from bidi.algorithm import get_display
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTComponent, LTContainer, LTPage, LTTextLineHorizontal
from pypdf import PdfReader

from resolutions.ingest.document import ParsedDocument, ParseError, SourceInfo
from resolutions.ingest.pdf_text import parse_text

FORMAT = "pdf"
MAX_PAGES = 500
ARABIC_PRESENTATION_FORMS_RE = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]+")
DIRECTIONAL_FORMATTING_RE = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Hebrew, Arabic, Syriac, Thaana, N'Ko... and the Arabic presentation forms: letters of right-to-left scripts
RIGHT_TO_LEFT_RE = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
SAME_LINE_POINTS = 2.0  # pieces of text whose baselines are this close are one printed line


def detect(data: bytes, name: str) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    return parse_text(extract_text(data, source.name), source)


def extract_text(data: bytes, name: str) -> str:
    """The PDF's text layer, one printed line a line, pages separated by an empty line."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ParseError("the PDF is encrypted", source=name)
        if len(reader.pages) > MAX_PAGES:
            raise ParseError(f"the PDF has {len(reader.pages)} pages, more than {MAX_PAGES}", source=name)
        pages = [page.extract_text() or "" for page in reader.pages]
        if any(is_right_to_left(page) for page in pages):
            pages = _with_right_to_left_pages(data, pages)
    except ParseError:
        raise
    except Exception as error:  # pypdf and pdfminer raise many kinds on damaged files; all mean the same here
        raise ParseError(f"not a readable PDF ({type(error).__name__}: {error})", source=name) from None
    if not any(page.strip() for page in pages):
        raise ParseError(
            "the PDF has no text layer (a scan?): import it with --format pdf-ocr to read it by OCR", source=name
        )
    return "\n\n".join(_page_lines(letters(page)) for page in pages)


def is_right_to_left(page: str) -> bool:
    """Whether most of the page's letters are of a right-to-left script (an English page quoting an Arabic
    name is not: it stays as pypdf reads it)."""
    letters_of_page = sum(char.isalpha() for char in page)
    return letters_of_page > 0 and len(RIGHT_TO_LEFT_RE.findall(page)) * 2 > letters_of_page


def _with_right_to_left_pages(data: bytes, pages: list[str]) -> list[str]:
    """The pages, those with right-to-left letters read again line by line in logical order."""
    wanted = [number for number, page in enumerate(pages) if is_right_to_left(page)]
    read = list(pages)
    layouts = extract_pages(io.BytesIO(data), page_numbers=wanted, laparams=LAParams())
    for number, layout in zip(wanted, layouts, strict=True):
        read[number] = right_to_left_page(layout)
    return read


def right_to_left_page(layout: LTPage) -> str:
    """A pdfminer page's printed lines, top to bottom, each in logical order. A line ending (on the right)
    short of the right margin by more than its height starts with spaces, as an indented line does; a
    line further below the one before than two of its heights follows an empty line (a space on the page).
    A line whose letters are all left-to-right ("A/RES/99/123", "Distr.: General") is a left-to-right line,
    taken as printed; one without letters ("99/123 -", printed "- 99/123") is in the page's direction."""
    pieces = sorted(text_lines(layout), key=lambda line: (-line.y0, line.x0))
    printed: list[list[LTTextLineHorizontal]] = []
    for piece in pieces:
        if printed and abs(printed[-1][0].y0 - piece.y0) <= SAME_LINE_POINTS:
            printed[-1].append(piece)
        else:
            printed.append([piece])
    right_margin = max((piece.x1 for piece in pieces), default=0.0)
    lines: list[str] = []
    above = None
    for line in printed:
        line.sort(key=lambda piece: piece.x0)
        height = max(piece.height for piece in line)
        if above is not None and above - line[0].y0 > 2 * height:
            lines.append("")
        above = line[0].y0
        visual = DIRECTIONAL_FORMATTING_RE.sub("", " ".join(visual_text(list(piece)) for piece in line))
        left_to_right = not RIGHT_TO_LEFT_RE.search(visual) and any(char.isalpha() for char in visual)
        logical = visual if left_to_right else get_display(visual, base_dir="R")
        text = " ".join(letters(logical).split())
        indented = right_margin - line[-1].x1 > max(height, 1.0)
        lines.append(("    " if indented else "") + text)
    return "\n".join(lines)


def visual_text(glyphs: list) -> str:
    """A pdfminer line's text left to right as printed. pdfminer keeps the order the PDF drew the glyphs
    in, which is left to right for most producers; one that drew a right-to-left run right to left has its
    glyphs sorted by position, a space put where pdfminer puts one (a gap wider than its word margin)."""
    drawn = [glyph for glyph in glyphs if isinstance(glyph, LTChar)]
    if all(before.x0 <= after.x0 + SAME_LINE_POINTS for before, after in pairwise(drawn)):
        return "".join(glyph.get_text() for glyph in glyphs).strip("\n")
    text = ""
    right = None
    word_margin = LAParams().word_margin
    for glyph in sorted(drawn, key=lambda glyph: glyph.x0):
        gap = glyph.x0 - right if right is not None else 0.0
        if gap > word_margin * max(glyph.width, glyph.height) and not text.endswith(" ") and glyph.get_text() != " ":
            text += " "
        text += glyph.get_text()
        right = glyph.x1
    return text


def text_lines(item: LTComponent) -> Iterator[LTTextLineHorizontal]:
    """The page's horizontal lines of text that print something, wherever pdfminer grouped them."""
    if isinstance(item, LTTextLineHorizontal):
        if item.get_text().strip():
            yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from text_lines(child)


def letters(text: str) -> str:
    """Arabic presentation forms folded to their letters ("ﻛﺎﻧﻮن" -> "كانون", "ﻷ" -> "لأ"), directional
    formatting characters dropped; any other text as it is."""
    text = DIRECTIONAL_FORMATTING_RE.sub("", text)
    return ARABIC_PRESENTATION_FORMS_RE.sub(lambda found: unicodedata.normalize("NFKC", found.group(0)), text)


def _page_lines(page: str) -> str:
    lines: list[str] = []
    for line in page.replace("\r", "").split("\n"):
        if not line.strip():
            lines.append(" ")  # an empty line would read as a page boundary
            continue
        if line[:1].isspace() and lines and lines[-1].strip():
            lines.append(" ")  # an indented first line opens a paragraph
        lines.append(line)
    return "\n".join(lines).strip("\n") or " "
