"""The PDF importer on a small PDF built here, byte by byte (no binary file in the repository)."""

import io

import pytest

from resolutions.ingest.document import ParseError
from resolutions.ingest.pipeline import detect_format, parse_bytes


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one Helvetica text line per string; an empty string leaves a gap.

    Lines starting with a space are indented, as UN documents indent the first
    line of a paragraph (and their PDFs carry that space).
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = 1 + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        commands = [b"BT /F1 10 Tf"]
        y = 740
        for line in lines:
            if line:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
                commands.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (90 if line.startswith(" ") else 72, y, escaped))
            y -= 14
        commands.append(b"ET")
        stream = b"\n".join(commands)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    assert (
        add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
        == pages_id
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO(b"")
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


TEST_PDF_PAGES = [
    [
        "United Nations A/RES/99/7",
        "General Assembly",
        "Distr.: General",
        "5 May 2099",
        "99-10001 (E)",
        "*9910001*",
        "Ninety-ninth session",
        "Agenda item 9",
        "",
        " Resolution adopted by the General Assembly on 4 May 2099",
        "",
        " [without reference to a Main Committee (A/99/L.7)]",
        "",
        " 99/7. A test resolution in a PDF",
        "",
        " The General Assembly,",
        " Recalling its resolution 70/1 and the Sustainable",
        "Development Goals, 1 in particular Goal 1 on poverty and the long-",
        "lasting work of develop-",
        "ment,",
        " 1. Decides to proclaim 5 September a test day;",
        " 2. Requests the Secretary-General to bring the present resolution to the",
        "____________________",
        " 1 Resolution 70/1.",
    ],
    [
        "A/RES/99/7 A test resolution in a PDF",
        "",
        "99-10001 2/2",
        "",
        "attention of all Member States.",
        "",
        " 10th plenary meeting",
        "4 May 2099",
    ],
]


@pytest.fixture(scope="module")
def parsed():
    data = make_pdf(TEST_PDF_PAGES)
    assert detect_format(data, "whatever.bin") == "pdf"
    return parse_bytes(data, "test.pdf").resolutions[0]


def test_metadata(parsed):
    assert (parsed.symbol, parsed.number, parsed.title) == ("A/RES/99/7", "99/7", "A test resolution in a PDF")
    assert str(parsed.adopted_on) == "2099-05-04" and parsed.meeting == "10th plenary meeting"
    assert parsed.agenda_item == "9" and parsed.metadata["draft"] == "A/99/L.7"
    assert parsed.source.format == "pdf"


def test_paragraphs_across_the_page_break(parsed):
    assert [(p.key, p.kind) for p in parsed.paragraphs] == [
        ("pp1", "preambular"),
        ("op1", "operative"),
        ("op2", "operative"),
    ]
    pp1, op1, op2 = parsed.paragraphs
    assert pp1.text == (
        "Recalling its resolution 70/1 and the Sustainable Development Goals, in particular Goal 1 on poverty "
        "and the long-lasting work of development,"
    )
    assert op1.text == "Decides to proclaim 5 September a test day;"
    assert op2.text.endswith("bring the present resolution to the attention of all Member States.")


def test_footnote_after_a_space(parsed):
    (footnote,) = parsed.footnotes
    assert (footnote.marker, footnote.text, footnote.paragraph_key) == ("1", "Resolution 70/1.", "pp1")
    assert parsed.paragraphs[0].text[: footnote.offset].endswith("Development Goals,")
    assert parsed.warnings == []


def test_pdf_without_text_layer_is_refused():
    with pytest.raises(ParseError, match="no text layer"):
        parse_bytes(make_pdf([[""]]), "scan.pdf")
