"""Official UN PDF files: the text layer is extracted with pypdf, then read as ``pdf_text``.

pypdf gives each page's lines; a line that starts indented opens a
paragraph (UN documents indent first lines and do not space paragraphs), so
a blank line is put before it, and pages are separated by an empty line, the
shape ``pdf_text`` reads. Line numbers in warnings are those of that
extracted text.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from resolutions.ingest.document import ParsedDocument, ParseError, SourceInfo
from resolutions.ingest.pdf_text import parse_text

FORMAT = "pdf"
MAX_PAGES = 500


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
    return "\n\n".join(_page_lines(page) for page in pages)


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
