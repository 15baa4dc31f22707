"""Which source gives the text, and what a new text does to each paragraph address (resolutions/provenance.py)."""

import pytest

from resolutions.store.provenance import (
    ADDED,
    CHANGED,
    MOVED,
    OCR_FORMAT,
    REMOVED,
    ParagraphChange,
    SourceRef,
    describe_changes,
    gives_text,
    paragraph_changes,
)

AKN = SourceRef("akn", "a" * 64)
PDF = SourceRef("pdf", "b" * 64)
PDF_TEXT = SourceRef("pdf-text", "c" * 64)
OCR = SourceRef(OCR_FORMAT, "d" * 64)


@pytest.mark.parametrize(
    "candidate, current, pin, expected",
    [
        (PDF_TEXT, AKN, "", False),  # AKN over extracted text
        (PDF, AKN, "", False),  # AKN over the PDF
        (AKN, PDF_TEXT, "", True),
        (PDF, PDF_TEXT, "", True),  # the PDF over text extracted from it
        (OCR, PDF, "", False),  # a text layer over OCR
        (PDF_TEXT, None, "", True),  # the first source gives the text
        (SourceRef("pdf-text", "e" * 64), PDF_TEXT, "", True),  # same rank: the later import
        (AKN, AKN, "", True),  # the same source again
        (PDF_TEXT, AKN, PDF_TEXT.sha256, True),  # a curator's pin wins
        (AKN, PDF_TEXT, PDF_TEXT.sha256, False),  # even against AKN
        (PDF, PDF_TEXT, "f" * 64, True),  # a pin on neither: the format rule
    ],
)
def test_the_precedence_rule(candidate, current, pin, expected):
    assert gives_text(candidate, current, pin) is expected


def test_paragraph_changes_name_every_address_a_new_text_touches():
    old = [
        ("pp1", "Recalling its resolution,"),
        ("p1", "Adopts the declaration;"),
        ("op2", "Decides to act;"),
        ("op3", "Gone;"),
    ]
    new = [
        ("pp1", "Recalling  its resolution,"),
        ("op1", "Adopts the declaration;"),
        ("op2", "Decides to act now;"),
        ("op4", "New;"),
    ]
    assert paragraph_changes(old, new) == [
        ParagraphChange(MOVED, "p1", "Adopts the declaration;", "op1", "Adopts the declaration;"),
        ParagraphChange(CHANGED, "op2", "Decides to act;", "op2", "Decides to act now;"),
        ParagraphChange(REMOVED, "op3", "Gone;"),
        ParagraphChange(ADDED, "op4", new_text="New;"),
    ]  # pp1: the same text, spacing aside


def test_the_same_paragraphs_are_no_change():
    same = [("pp1", "Recalling,"), ("op1", "Decides;")]
    assert paragraph_changes(same, same) == []


def test_changes_read_as_a_diff():
    changes = [
        ParagraphChange(MOVED, "p1", "x", "op1", "x"),
        ParagraphChange(CHANGED, "op2", "Decides to act;", "op2", "Decides to act now;"),
        ParagraphChange(REMOVED, "op3", "Gone;"),
        ParagraphChange(ADDED, "op4", new_text="New " * 40),
    ]
    lines = describe_changes(changes, width=20)
    assert lines[:3] == [
        "> p1 -> op1 (same text)",
        "~ op2: 'Decides to act;' -> 'Decides to act now;'",
        "- op3: 'Gone;'",
    ]
    assert lines[3] == "+ op4: 'New New New New New…'"
