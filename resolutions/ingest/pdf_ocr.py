"""Scanned PDFs (every resolution before the 1990s has no text layer): read by OCR, only when asked.

``manage.py ingest --format pdf-ocr FILE`` (or the admin's format choice)
renders each page with poppler's ``pdftoppm`` (through ``pdf2image``) and
reads it with Tesseract (through ``pytesseract``), both from Debian's
packages (``make pdf-tools``, with the six UN languages' data), in the
language the caller names (``ocr_language``, ISO 639-1 as resolutions store
it: "fr"; English unless named). The pages' text, one form feed after each,
is then read as ``pdf_text`` reads poppler's text. The source's format is ``pdf-ocr``, so its provenance says
the text was read by OCR (and ``resolutions.store.provenance`` ranks it below any
text layer). Never chosen by detection: OCR is slow and its text is not the
printed one, so a PDF without a text layer is refused unless OCR is asked for.
"""

from __future__ import annotations

import pdf2image
import pytesseract

from resolutions.ingest.document import OCR_FORMAT, ParsedDocument, ParseError, SourceInfo
from resolutions.ingest.pdf import MAX_PAGES
from resolutions.ingest.pdf import detect as is_pdf
from resolutions.ingest.pdf_text import parse_text

FORMAT = OCR_FORMAT
DEFAULT_LANGUAGE = "en"
# The six UN languages (ISO 639-1) to the names of Tesseract's data for them
TESSERACT_LANGUAGES = {"ar": "ara", "zh": "chi_sim", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
OCR_DPI = 300


def detect(data: bytes, name: str) -> bool:
    """Never: OCR is asked for (``--format pdf-ocr``), not guessed."""
    return False


def parse(data: bytes, source: SourceInfo, language: str = DEFAULT_LANGUAGE) -> ParsedDocument:
    if not is_pdf(data, source.name):
        raise ParseError("not a PDF: OCR reads scanned PDFs", source=source.name)
    return parse_text(ocr_text(data, source.name, language), source)


def tesseract_language(code: str, name: str) -> str:
    """Tesseract's name for a UN language given in ISO 639-1 ("fr" -> "fra"); a ParseError for any other."""
    try:
        return TESSERACT_LANGUAGES[code.lower()]
    except KeyError:
        known = ", ".join(sorted(TESSERACT_LANGUAGES))
        raise ParseError(f"OCR reads the UN languages only ({known}), not {code!r}", source=name) from None


def ocr_text(data: bytes, name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Each page's text as Tesseract reads it in ``language`` (ISO 639-1), a form feed after each page."""
    tesseract = tesseract_language(language, name)
    try:
        pages = pdf2image.pdfinfo_from_bytes(data).get("Pages", 0)
        if pages > MAX_PAGES:
            raise ParseError(f"the PDF has {pages} pages, more than {MAX_PAGES}", source=name)
        images = pdf2image.convert_from_bytes(data, dpi=OCR_DPI)
        return "".join(pytesseract.image_to_string(image, lang=tesseract) + "\f" for image in images)
    except (pdf2image.exceptions.PDFInfoNotInstalledError, pytesseract.TesseractNotFoundError):
        raise ParseError(
            "OCR needs poppler-utils and tesseract-ocr from Debian's packages (make pdf-tools)", source=name
        ) from None
    except (pdf2image.exceptions.PDFPageCountError, pdf2image.exceptions.PDFSyntaxError) as error:
        raise ParseError(f"not a readable PDF ({error})", source=name) from None
    except pytesseract.TesseractError as error:
        raise ParseError(f"OCR failed: {error.message}", source=name) from None
