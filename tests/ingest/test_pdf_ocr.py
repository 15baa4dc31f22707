"""Scanned PDFs read by OCR when asked (resolutions/ingest/pdf_ocr.py), on a scan made here from an invented text."""

import io
import shutil
from pathlib import Path

import pytest

from resolutions.ingest.document import ParseError
from resolutions.ingest.pipeline import detect_format, parse_bytes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # Debian's fonts-dejavu-core, beside poppler
SCANNED_PAGE = [
    "A/RES/97/8",
    "",
    "General Assembly                                   Distr.: General",
    "                                                   12 December 2097",
    "",
    "Resolution adopted by the General Assembly on 10 December 2097",
    "",
    "[without reference to a Main Committee (A/97/L.21)]",
    "",
    "97/8.   Bells of the river ferries",
    "",
    "The General Assembly,",
    "",
    "Recalling its resolution 95/4 of 1 March 2095,",
    "",
    "1.  Invites Member States to keep the bells of river ferries;",
    "",
    "2.  Decides to remain seized of the matter.",
    "",
    "47th plenary meeting",
    "10 December 2097",
]


def scanned_pdf(lines: list[str]) -> bytes:
    """A one-page PDF holding nothing but an image of ``lines`` (no text layer), as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 34)
    page = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((200, 250 + number * 60), line, font=font, fill=0)
    out = io.BytesIO()
    page.save(out, "PDF", resolution=300)
    return out.getvalue()


@pytest.fixture
def scan():
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        pytest.skip(
            "tesseract or pdftoppm is not installed (Debian's tesseract-ocr and poppler-utils: `make pdf-tools`)"
        )
    if not FONT.exists():
        pytest.skip(f"{FONT} is not installed (Debian's fonts-dejavu-core) to draw the test scan")
    return scanned_pdf(SCANNED_PAGE)


def test_a_scan_is_refused_unless_ocr_is_asked_for(scan):
    assert detect_format(scan, "scan.pdf") == "pdf"
    with pytest.raises(ParseError, match=r"no text layer.*--format pdf-ocr"):
        parse_bytes(scan, "scan.pdf")


def test_ocr_reads_a_scanned_resolution_and_says_so_in_its_provenance(scan):
    (resolution,) = parse_bytes(scan, "scan.pdf", "pdf-ocr").resolutions
    assert resolution.source.format == "pdf-ocr"
    assert (resolution.symbol, resolution.title, resolution.adopted_on.isoformat()) == (
        "A/RES/97/8",
        "Bells of the river ferries",
        "2097-12-10",
    )
    assert [(p.key, p.text) for p in resolution.paragraphs] == [
        ("pp1", "Recalling its resolution 95/4 of 1 March 2095,"),
        ("op1", "Invites Member States to keep the bells of river ferries;"),
        ("op2", "Decides to remain seized of the matter."),
    ]
    assert resolution.meeting == "47th plenary meeting"


def test_ocr_of_something_that_is_no_pdf_is_refused_with_a_message():
    with pytest.raises(ParseError, match="not a PDF"):
        parse_bytes(b"The General Assembly,", "notes.txt", "pdf-ocr")


def test_the_caller_names_the_language_ocr_reads_in(scan, monkeypatch):
    from resolutions.ingest import pdf_ocr

    asked = []

    def read_page(image, lang):
        asked.append(lang)
        return "\n".join(SCANNED_PAGE)

    monkeypatch.setattr(pdf_ocr.pytesseract, "image_to_string", read_page)
    parse_bytes(scan, "scan.pdf", "pdf-ocr", ocr_language="fr")
    parse_bytes(scan, "scan.pdf", "pdf-ocr")
    assert asked == ["fra", "eng"]  # English unless named


def test_ocr_in_a_language_that_is_no_un_language_is_refused_with_a_message(scan):
    with pytest.raises(ParseError, match=r"OCR reads the UN languages only \(ar, en, es, fr, ru, zh\), not 'de'"):
        parse_bytes(scan, "scan.pdf", "pdf-ocr", ocr_language="de")


@pytest.mark.django_db
def test_the_ingest_command_passes_the_ocr_language(monkeypatch, tmp_path):
    """`manage.py ingest --ocr-language fr` reaches the importer; a language Tesseract is not given is refused."""
    from django.core.management import CommandError, call_command

    from resolutions.management.commands import ingest

    asked = []

    def path_import(*, path, format, dry_run, ocr_language, run=None):
        asked.append((format, ocr_language))
        return ingest.SourceImport()

    monkeypatch.setattr(ingest, "path_import", path_import)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    call_command("ingest", str(scan), "--format", "pdf-ocr", "--ocr-language", "fr", stdout=io.StringIO())
    assert asked == [("pdf-ocr", "fr")]
    with pytest.raises(CommandError, match="invalid choice: 'xx'"):
        call_command("ingest", str(scan), "--ocr-language", "xx", stdout=io.StringIO())
