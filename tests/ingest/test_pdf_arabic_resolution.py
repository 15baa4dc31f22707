"""An Arabic resolution laid out as the UN prints one (cover, adoption formula, preamble, numbered operative
paragraphs, a footnote), printed to PDF here by headless Chromium (no binary file in the repository) and
imported through the pipeline: its mixed lines (Arabic with digits, symbols, markers) read in logical order."""

import datetime as dt
from pathlib import Path

import pytest

from resolutions.ingest.pipeline import parse_bytes, parse_path

CHROMIUM = Path("/usr/bin/chromium")
ADOPTED = "قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2099"
PREAMBLE = [
    "إذ تشير إلى قرارها 97/3 المؤرخ 2 أيار/مايو 2097 بشأن التراث الساحلي،",
    "وإذ تلاحظ مع التقدير تقرير الأمين العام (A/99/100)،",
]
OPERATIVE = [
    "تدعو الدول الأعضاء إلى حفظ سجلات حراس المنارات في محفوظاتها الوطنية(1)؛",
    "تطلب إلى الأمين العام أن يقدم إلى الجمعية العامة في دورتها المائة تقريرا عن تنفيذ هذا القرار، يتضمن"
    " توصيات بشأن حفظ السجلات المشار إليها في الفقرة 1 أعلاه وفقا للقرار 97/3 وللوثيقة A/99/100؛",
    "تقرر أن تبقي المسألة قيد نظرها.",
]
FOOTNOTE = "انظر تقرير معهد الاختبار للسجلات الساحلية (T/99/2)، الفصل الرابع."

STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 11pt; margin: 0; }
p { margin: 0; }
.body p.pp, .body p.op { text-indent: 2.5em; }
.rule { margin-top: 2em; }
"""


def resolution_html() -> str:
    cover = (
        '<p dir="ltr">A/RES/99/123</p>'
        "<p>&nbsp;</p>"
        "<p>الأمم المتحدة</p>"
        "<p>الجمعية العامة</p>"
        '<p dir="ltr">Distr.: General</p>'
        "<p>20 كانون الأول/ديسمبر 2099</p>"
        "<p>&nbsp;</p>"
        "<p>الدورة التاسعة والتسعون</p>"
        "<p>البند 27 من جدول الأعمال</p>"
        "<p>&nbsp;</p>"
        f"<p>{ADOPTED}</p>"
        "<p>&nbsp;</p>"
        "<p>[بناء على تقرير اللجنة الثالثة (A/99/455)]</p>"
        "<p>&nbsp;</p>"
        "<p>99/123 -</p>"
        "<p>&nbsp;</p>"
        "<p>حراس المنارات في الأرخبيلات الشمالية</p>"
        "<p>&nbsp;</p>"
    )
    preamble = "".join(f'<p class="pp">{text}</p>' for text in PREAMBLE)
    operative = "".join(f'<p class="op">{number} - {text}</p>' for number, text in enumerate(OPERATIVE, 1))
    footnotes = f'<p class="rule">__________________</p><p>1 {FOOTNOTE}</p>'
    body = f'{cover}<div class="body"><p class="pp">إن الجمعية العامة،</p>{preamble}{operative}</div>{footnotes}'
    return f'<html lang="ar" dir="rtl"><head><style>{STYLE}</style></head><body>{body}</body></html>'


def print_to_pdf(html: str) -> bytes:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make browser` (apt-get install chromium) installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(html)
            return page.pdf(format="A4", margin={"top": "2cm", "bottom": "2cm", "left": "2.5cm", "right": "2.5cm"})
        finally:
            browser.close()


@pytest.fixture(scope="module")
def arabic_resolution_pdf() -> bytes:
    return print_to_pdf(resolution_html())


@pytest.mark.browser
def test_an_arabic_resolution_pdf_imports_in_reading_order(arabic_resolution_pdf, tmp_path):
    path = tmp_path / "A_RES_99_123-AR.pdf"
    path.write_bytes(arabic_resolution_pdf)
    (parsed,) = parse_path(path).resolutions
    assert parsed.language == "ar"
    assert parsed.symbol == "A/RES/99/123"
    assert parsed.adopted_on == dt.date(2099, 12, 14)
    assert parsed.number == "99/123" and parsed.title == "حراس المنارات في الأرخبيلات الشمالية"
    assert parsed.report == "A/99/455" and parsed.committee == "Third Committee"
    assert parsed.warnings == []
    assert [(paragraph.key, paragraph.kind) for paragraph in parsed.paragraphs] == [
        ("pp1", "preambular"),
        ("pp2", "preambular"),
        ("op1", "operative"),
        ("op2", "operative"),
        ("op3", "operative"),
    ]
    texts = [paragraph.text for paragraph in parsed.paragraphs]
    assert texts[:2] == PREAMBLE
    assert texts[2:] == [text.replace("(1)", "") for text in OPERATIVE]
    (footnote,) = parsed.footnotes
    assert footnote.text == FOOTNOTE
    assert texts[2][: footnote.offset].endswith("الوطنية")


@pytest.mark.browser
def test_the_same_pdf_through_parse_bytes_detects_the_pdf_format(arabic_resolution_pdf):
    (parsed,) = parse_bytes(arabic_resolution_pdf, "resolution.pdf").resolutions
    assert parsed.language == "ar" and parsed.adopted_on == dt.date(2099, 12, 14)


@pytest.mark.browser
def test_a_paragraph_on_the_next_page_after_its_running_header():
    running_header = (
        '<p style="break-before: page" dir="ltr">A/RES/99/123</p>'
        "<p>حراس المنارات في الأرخبيلات الشمالية</p><p>&nbsp;</p>"
        '<p dir="ltr">2/2</p><p>&nbsp;</p>'
    )
    html = resolution_html().replace('<p class="op">3 -', f'{running_header}<p class="op">3 -')
    (parsed,) = parse_bytes(print_to_pdf(html), "resolution.pdf").resolutions
    assert [paragraph.key for paragraph in parsed.paragraphs] == ["pp1", "pp2", "op1", "op2", "op3"]
    assert parsed.paragraphs[-1].text == OPERATIVE[-1] and parsed.warnings == []
