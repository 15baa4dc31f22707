"""Arabic PDFs: a small Arabic page printed to PDF here by headless Chromium (no binary file in the repository),
read back by the importer's extraction (pypdf). What the extraction gives is checked, not assumed: the glyphs'
presentation forms are folded to letters, and a line mixing Arabic with digits, Latin or a footnote marker reads
in logical order (pypdf gives such a line's runs in visual order: the page is read again, see pdf.py)."""

import io
from pathlib import Path

import pytest

from resolutions.ingest import pdf
from resolutions.ingest.pdf import extract_text, is_right_to_left, letters, text_lines, visual_text

CHROMIUM = Path("/usr/bin/chromium")
LINES = [
    "قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2099",
    "إن الجمعية العامة،",
    "إذ تشير إلى الوثيقة الختامية للاجتماع الرفيع المستوى،",
    "تحيط علما بتقرير الأمين العام؛",
    "1 - تقرر أن تبقي المسألة قيد نظرها(2)؛",
    "2 - تطلب إلى الأمين العام أن يقدم تقريرا عن القرار 75/1 وعن الوثيقة A/75/100؛",
    "A/RES/99/123",
]


def arabic_pdf() -> bytes:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make browser` (apt-get install chromium) installs it")
    from playwright.sync_api import sync_playwright

    body = "".join(f"<p>{line}</p>" for line in LINES)
    html = f'<html lang="ar" dir="rtl"><body style="font-family: \'DejaVu Sans\'">{body}</body></html>'
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(html)
            return page.pdf()
        finally:
            browser.close()


def test_letters_fold_presentation_forms_and_drop_direction_marks():
    assert letters("ﻛﺎﻧﻮن اﻷول") == "كانون الأول"  # the ligature's lam before its alef, as read
    assert letters("\u202bإن الجمعية العامة\u202c،") == "إن الجمعية العامة،"
    assert letters("General Assembly ﬁ") == "General Assembly ﬁ"  # only Arabic's forms are folded


def test_a_page_is_read_right_to_left_when_most_of_its_letters_are():
    assert is_right_to_left("قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2099 A/RES/99/123")
    assert is_right_to_left("ﻛﺎﻧﻮن اﻷول")  # presentation forms, before they are folded
    assert not is_right_to_left("Resolution adopted by the General Assembly (قرار)")
    assert not is_right_to_left("2099 - 14")


def test_pages_that_are_not_right_to_left_are_never_read_again(monkeypatch):
    """English and other PDFs are pypdf's text as before: the second reading is not even started."""
    from tests.ingest.test_pdf import TEST_PDF_PAGES, make_pdf

    def refuse(*args, **kwargs):
        raise AssertionError("a left-to-right PDF was read again")

    monkeypatch.setattr(pdf, "extract_pages", refuse)
    assert "Resolution adopted by the General Assembly on 4 May 2099" in extract_text(make_pdf(TEST_PDF_PAGES), "a.pdf")


@pytest.mark.browser
def test_an_arabic_pdf_reads_as_arabic_letters_in_reading_order():
    text = extract_text(arabic_pdf(), "arabic.pdf")
    assert not any("\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff" for char in text)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    # Lines of Arabic alone come in reading order, the ligatures' letters too ("الأمين", "الختامية")
    assert "إن الجمعية العامة،" in lines
    assert "إذ تشير إلى الوثيقة الختامية للاجتماع الرفيع المستوى،" in lines
    assert "تحيط علما بتقرير الأمين العام؛" in lines


@pytest.mark.browser
def test_lines_mixing_arabic_with_digits_and_latin_read_in_logical_order():
    text = extract_text(arabic_pdf(), "arabic.pdf")
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines == LINES  # the date, the paragraph numbers, "(2)؛" (not "؛(2)" nor ")2("), the symbols


@pytest.mark.browser
def test_glyphs_drawn_right_to_left_read_left_to_right_as_printed():
    """A producer drawing a right-to-left run's glyphs from the right (logical order) gives the same line as
    Chromium, which draws them from the left; without its space glyphs, the gaps give the spaces."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    page = next(extract_pages(io.BytesIO(arabic_pdf())))
    for line in text_lines(page):
        glyphs = [glyph for glyph in line if isinstance(glyph, LTChar)]
        printed = visual_text(glyphs)
        assert visual_text(glyphs[::-1]) == printed
        assert visual_text([glyph for glyph in glyphs if glyph.get_text() != " "][::-1]) == printed
