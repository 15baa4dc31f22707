"""The resolution builder: sub-paragraph and list numbering, numbering gaps, footnotes placed."""

from resolutions.ingest.document import SourceInfo
from resolutions.ingest.text.builder import ResolutionBuilder
from resolutions.ingest.text.segments import Segment


def build(paragraphs: list[str]):
    builder = ResolutionBuilder(SourceInfo("t.txt", "plain-text", "0" * 64), marker_style="explicit")
    for line, text in enumerate(
        ["Resolution 99/1", "A title", "The Economic and Social Commission for Asia and the Pacific,", *paragraphs], 1
    ):
        builder.add(Segment(text, line))
    return builder.build([])


def test_letters_and_roman_sub_items():
    resolution = build(
        [
            "1. Decides:",
            "(a) To act;",
            "(i) First;",
            "(ii) Second;",
            "(b) To report;",
            "2. Requests:",
            "(a) A;",
            "(b) B;",
            "(c) C;",
            "(d) D;",
            "(e) E;",
            "(f) F;",
            "(g) G;",
            "(h) H;",
            "(i) I;",
            "(j) J;",
            "3. Invites:",
            "(i) one;",
            "(ii) two.",
        ]
    )
    keys = [(p.key, p.parent_key) for p in resolution.paragraphs]
    assert keys[:5] == [("op1", ""), ("op1a", "op1"), ("op1a-i", "op1a"), ("op1a-ii", "op1a"), ("op1b", "op1")]
    assert ("op2i", "op2") in keys and ("op2j", "op2") in keys
    assert keys[-3:] == [("op3", ""), ("op3-i", "op3"), ("op3-ii", "op3")]


def test_numbering_gap_is_a_warning_naming_the_line():
    resolution = build(["1. Decides;", "3. Requests."])
    assert resolution.warnings == ["line 5: paragraph 3 follows paragraph 1"]


def test_numbered_list_inside_a_paragraph():
    resolution = build(
        [
            "10. Requests a report;",
            "11. Approves the following provisional agenda:",
            "1. Opening of the Congress.",
            "2. Adoption of the agenda.",
            "12. Decides to act.",
        ]
    )
    keys = [(p.key, p.parent_key) for p in resolution.paragraphs]
    assert keys == [("op10", ""), ("op11", ""), ("op11-1", "op11"), ("op11-2", "op11"), ("op12", "")]
    assert resolution.warnings == ["line 4: paragraph 10 follows paragraph 0"]


def test_markdown_footnote_references_and_definitions():
    from resolutions.ingest.pipeline import parse_bytes

    text = (
        "### 2099/3 A test\n\n*The Economic and Social Council,*\n\n*Recalling* the Summit,[^1]\n\n"
        "1. *Decides* to act.\n\n*1st plenary meeting  \n3 May 2099*\n\n[^1]: Resolution 70/1.\n"
    )
    (resolution,) = parse_bytes(text.encode(), "note.md").resolutions
    assert resolution.paragraphs[0].text == "Recalling the Summit,"
    assert [(f.marker, f.text, f.paragraph_key, f.offset) for f in resolution.footnotes] == [
        ("1", "Resolution 70/1.", "pp1", 21)
    ]
    assert resolution.warnings == []


def test_sections_that_number_afresh_key_every_paragraph_of_the_part_by_section():
    resolution = build(
        [
            "1. Adopts the rules annexed to the present resolution.",
            "Annex",
            "I. First rules",
            "1. One.",
            "2. Two.",
            "II. Second rules",
            "1. Again one.",
        ]
    )
    assert [p.key for p in resolution.paragraphs] == ["op1", "annex-sec-i-op1", "annex-sec-i-op2", "annex-sec-ii-op1"]
    assert not resolution.warnings


def test_sections_that_number_on_keep_the_keys_they_always_had():
    resolution = build(["1. Adopts the rules.", "Annex", "I. First rules", "1. One.", "II. Second rules", "2. Two."])
    assert [p.key for p in resolution.paragraphs] == ["op1", "annex-op1", "annex-op2"]


def test_a_heading_opens_no_list_under_the_paragraph_before():
    resolution = build(["1. Decides the following:", "A. Rules", "1. One.", "2. Two.", "B. More rules", "1. Three."])
    assert [p.key for p in resolution.paragraphs] == ["op1", "sec-a-op1", "sec-a-op2", "sec-b-op1"]
