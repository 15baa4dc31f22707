"""Golden files: small excerpts written for the tests, one folder per format.

Each ``tests/golden/<format>/<name>.<ext>`` is parsed (format detected from
its content) and compared with ``<name>.json`` beside it: every field the
importer produces except the citations, which the citation finder's own tests
cover. After a deliberate change to an importer, regenerate the expected
files with ``UPDATE_GOLDEN=1 pytest tests/ingest/test_golden.py`` and read
the diff before committing it.
"""

import json
import os
from pathlib import Path

import pytest

from resolutions.ingest.pipeline import detect_format, parse_path

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
FORMATS = ["ods-text", "markdown", "plain-text", "pdf-text"]
SOURCES = sorted(p for fmt in FORMATS for p in (GOLDEN / fmt).iterdir() if p.suffix in (".txt", ".md"))


def parsed_without_citations(path: Path) -> dict:
    document = parse_path(path)
    assert len(document.resolutions) == 1
    data = document.resolutions[0].to_dict()
    data.pop("citations")
    return data


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_file(source):
    expected_path = source.with_suffix(".json")
    actual = parsed_without_citations(source)
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(
            json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_has_a_golden_file_detected_by_content(fmt):
    sources = [p for p in SOURCES if p.parent.name == fmt]
    assert sources, f"no golden file for {fmt}"
    for source in sources:
        assert detect_format(source.read_bytes(), "source.txt") == fmt  # by content, whatever the name


def test_a_markdown_rendering_of_a_pdf_is_markdown_with_its_footnotes():
    """Front matter naming the source PDF, footnote definitions after the closing formula: nothing dropped."""
    source = GOLDEN / "markdown" / "front_matter_footnotes.md"
    assert detect_format(source.read_bytes(), "rendering.txt") == "markdown"
    data = parsed_without_citations(source)
    assert [(f["marker"], f["paragraph"]) for f in data["footnotes"]] == [("1", "pp1"), ("2", "pp2")]
    assert data["metadata"]["source_pdf"].endswith("A_RES_98_31-EN.pdf") and data["warnings"] == []


def test_a_1990s_web_page_reads_its_cover_and_keeps_lettered_headings_as_headings():
    """Symbol twice, date and meeting above the title, no "46/77." line, "1/" markers, an annex with I./A. headings."""
    data = parsed_without_citations(GOLDEN / "plain-text" / "web_1990s.txt")
    assert (data["symbol"], data["title"], data["adopted_on"], data["meeting"]) == (
        "A/RES/46/77",
        "Lighthouses of the southern seas",
        "1991-12-12",
        "73rd plenary meeting",
    )
    assert [(f["marker"], f["paragraph"]) for f in data["footnotes"]] == [("1", "pp2")]
    annex = [(p["key"], p["heading"]) for p in data["paragraphs"] if p["part"] == "annex"]
    assert [key for key, _ in annex] == ["annex-op1", "annex-op2", "annex-op3", "annex-op4"]
    assert annex[2][1] == "B. The logbook" and annex[3][1] == "II. VISITORS" and data["warnings"] == []


def test_footnotes_left_between_two_lines_of_a_paragraph_read_as_with_page_breaks():
    """The same PDF text with no empty line at page ends: the next page's header ends each footnote block."""
    with_breaks = parsed_without_citations(GOLDEN / "pdf-text" / "ga_99_5.txt")
    without = parsed_without_citations(GOLDEN / "pdf-text" / "footnotes_mid_paragraph.txt")
    for name in ("paragraphs", "footnotes", "metadata", "warnings"):
        assert without[name] == with_breaks[name], name
