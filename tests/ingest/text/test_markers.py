"""Footnote markers: plain digits told from numbers of the text, explicit markers with their offsets."""

import pytest

from resolutions.ingest.text.markers import find_plain_marker, strip_explicit_markers


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
