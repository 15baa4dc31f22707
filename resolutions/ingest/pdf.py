"""Official UN PDF files: the text layer is extracted with pypdf, then read as ``pdf_text``.

pypdf gives each page's lines; a line that starts indented opens a
paragraph (UN documents indent first lines and do not space paragraphs), so
a blank line is put before it, and pages are separated by an empty line, the
shape ``pdf_text`` reads. Line numbers in warnings are those of that
extracted text.

Arabic: pypdf gives the glyphs' presentation forms ("ﻛﺎﻧﻮن", the ligature "ﻷ") where a PDF maps its glyphs
so; they are folded to the letters (NFKC on those code points only, which also puts a ligature's letters
in reading order), and directional formatting characters are dropped. What pypdf does not give is the
order of a right-to-left line's runs: a line mixing Arabic with digits or Latin may come with its runs in
visual order ("2099 كانون الأول/ديسمبر14 قرار اتخذته …"); that order is not restored here (see
``docs/architecture.md``, "Languages").
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from pypdf import PdfReader

from resolutions.ingest.document import ParsedDocument, ParseError, SourceInfo
from resolutions.ingest.pdf_text import parse_text

FORMAT = "pdf"
MAX_PAGES = 500
ARABIC_PRESENTATION_FORMS_RE = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]+")
DIRECTIONAL_FORMATTING_RE = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


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
    except ParseError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files; all mean the same here
        raise ParseError(f"not a readable PDF ({type(error).__name__}: {error})", source=name) from None
    if not any(page.strip() for page in pages):
        raise ParseError(
            "the PDF has no text layer (a scan?): import it with --format pdf-ocr to read it by OCR", source=name
        )
    return "\n\n".join(_page_lines(letters(page)) for page in pages)


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
