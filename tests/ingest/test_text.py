"""The shared text logic: markers, opening phrases, line joins, sub-paragraph numbering."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolutions.ingest.document import SourceInfo
from resolutions.ingest.text.builder import ResolutionBuilder
from resolutions.ingest.text.furniture import foreign_reason
from resolutions.ingest.text.lines import join_lines
from resolutions.ingest.text.markers import find_plain_marker, strip_explicit_markers
from resolutions.ingest.text.phrases import opening_phrase
from resolutions.ingest.text.segments import Segment


@pytest.mark.parametrize(
    "text, marker, expected",
    [
        ("the Millennium Development Goals,1 in which Heads", 1, "1 in which"),
        ("the report of the Secretary-General;2", 2, "2"),
        ("the 2030 Agenda for Sustainable Development1 reflects", 1, "1 reflects"),
        ("the Convention on the Rights of the Child4 and the", 4, "4 and"),
        ("Political Rights, 1 the International Covenant", 1, " 1 the"),
        ("Programme of Action of the World Summit for Social Development 1", 1, " 1"),
        ("in line with the Paris Principles. 13 We will", 13, " 13 We"),
        ("for the Decade 2024–203412 and the Antigua", 12, "12 and"),
    ],
)
def test_markers_found(text, marker, expected):
    start, _end = find_plain_marker(text, marker, 0)
    assert text[start:].startswith(expected)


@pytest.mark.parametrize(
    "text, marker",
    [
        ("Recalling resolution 65/1 of 22 September 2010", 1),
        ("the 2030 Agenda for Sustainable Development", 2030),
        ("at its 80th plenary meeting", 80),
        ("among the 17 Sustainable Development Goals", 17),
        ("children under 5 years of age", 5),
        ("in particular paragraphs 13 and 14", 13),
        ("general recommendation No. 39 (2022)", 39),
        ("Recognizing that 5 September is commemorated", 5),
        ("see CEDAW/C/GC/39 and A/68/169", 39),
        ("General Assembly resolution S-24/2, annex", 2),
        ("affect 1.5 million people", 1),
        ("targets of Goal 1 on poverty", 1),
    ],
)
def test_numbers_that_are_not_markers(text, marker):
    assert find_plain_marker(text, marker, 0) is None


def test_explicit_markers_keep_offsets():
    clean, markers = strip_explicit_markers(
        "Social Development <sup>1</sup>and the session,<sup>2</sup> Commission,¹ through"
    )
    assert clean == "Social Development and the session, Commission, through"
    assert markers == [("1", 18), ("2", 35), ("1", 47)]
    assert strip_explicit_markers("the Summit[^3] and") == ("the Summit and", [("3", 10)])


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Recalling also Economic and Social Council resolution", "Recalling also"),
        ("Taking note with appreciation of the commitment", "Taking note with appreciation"),
        ("Takes note of the report", "Takes note"),
        ("Calls upon Member States to", "Calls upon"),
        ("Also encourages Member States", "Also encourages"),
        ("Expresses deep concern that", "Expresses deep concern"),
        ("Expressing concern that", "Expressing concern"),
        ("Noting with concern that", "Noting with concern"),
        ("Bearing in mind that", "Bearing in mind"),
        ("Having considered the report", "Having considered"),
        ("Deeply concerned that", "Deeply concerned"),
        ("Mindful of the need", "Mindful"),
        ("Decides to proclaim", "Decides"),
        ("We, Heads of State and Government", ""),
        ("To accord higher priority", ""),
        ("The Economic and Social Council,", ""),
    ],
)
def test_opening_phrase(text, phrase):
    assert opening_phrase(text) == phrase


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["social protec-", "tion systems"], "social protection systems"),
        (["long-", "lasting consequences"], "long-lasting consequences"),
        (["tuberculosis, including its drug -", "resistant forms"], "tuberculosis, including its drug-resistant forms"),
        (["the Decade 2024–", "2034 and"], "the Decade 2024–2034 and"),
        (["whole-", "of-government"], "whole-of-government"),
        (["non\u2011discrimination  and\u00a0equal"], "non-discrimination and equal"),
    ],
)
def test_line_joins(lines, joined):
    assert join_lines(lines) == joined


@given(st.lists(st.text(alphabet="abcdefghij ,;.", min_size=1, max_size=20), min_size=1, max_size=6))
def test_joining_keeps_every_word(lines):
    """Joining never loses a letter: only spaces and line-end hyphens change."""
    joined = join_lines(lines)
    assert joined.replace(" ", "") == "".join(lines).replace(" ", "")


def test_foreign_lines():
    assert foreign_reason("https://www.example.com/x?y=1") == "a bare web address"
    assert foreign_reason("预览已结束，完整报告链接和二维码如下：") == "not in the Latin script of an English text"
    assert foreign_reason("Recalling its resolution 67/8 on Asia – “social protection floor”") == ""


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
