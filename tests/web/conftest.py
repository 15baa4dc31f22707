"""Fixtures shared by the tests of the web pages."""

import datetime as dt

import pytest

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import ParsedFootnote, ParsedParagraph
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution


def paragraph(key, text, opening=""):
    kind = "preambular" if key.startswith("pp") else "operative"
    return ParsedParagraph(key, kind, "" if kind == "preambular" else key[2:], 0, text, opening)


def numbered(*paragraphs):
    """The paragraphs in document order (order = position from 1)."""
    return [
        ParsedParagraph(p.key, p.kind, p.number, index, p.text, p.opening_phrase)
        for index, p in enumerate(paragraphs, 1)
    ]


CITING_TEXT = "Encourages youth employment, recalling resolution 70/126;"
CITED = "resolution 70/126"


@pytest.fixture
def search_archive():
    """A small hand-made archive whose search answers are known."""
    load_resolution(
        make_resolution(
            "A/RES/70/126",
            title="Promoting social integration through social inclusion",
            committee="Third Committee",
            adopted_on=dt.date(2015, 12, 17),
            paragraphs=numbered(
                paragraph("pp1", "Recalling its resolution 68/131 on the inclusion of older persons,", "Recalling"),
                paragraph("op1", "Urges Member States to promote social protection floors for older persons;", "Urges"),
                paragraph(
                    "op2",
                    "Calls upon Member States to consider inclusive policies that take into account "
                    "the situation of the older person;",
                    "Calls upon",
                ),
                paragraph(
                    "op3",
                    "Takes note of the report of the Secretary-General, which urges attention to ageing;",
                    "Takes note",
                ),
            ),
            footnotes=[ParsedFootnote("1", "A/70/179, on the rights of pensioners in rural areas.", "op3", 40)],
        )
    )
    load_resolution(
        make_resolution(
            "E/RES/2010/12",
            body="ECOSOC",
            session="2010",
            number="2010/12",
            title="Promoting social integration",
            adopted_on=dt.date(2010, 7, 21),
            paragraphs=numbered(
                paragraph("pp1", "Reaffirming the commitment to poverty eradication,", "Reaffirming"),
                paragraph("op1", "Calls upon Governments to strengthen social protection systems;", "Calls upon"),
                paragraph("op2", "Encourages the inclusion of persons with disabilities in development;", "Encourages"),
                paragraph("op3", "Stresses the importance of integration;", "Stresses"),
            ),
            footnotes=[],
        )
    )
    load_resolution(
        make_resolution(
            "A/RES/72/140",
            title="Policies and programmes involving youth",
            adopted_on=dt.date(2017, 12, 19),
            paragraphs=numbered(
                paragraph(
                    "op1",
                    "Notes the <script>alert(1)</script> text, <img src=x onerror=alert(1)> and a literal "
                    '<mark>youth</mark> tag & "quotes";',
                    "Notes",
                ),
                paragraph("op2", CITING_TEXT, "Encourages"),
                paragraph("op3", "Stresses the importance of integration;", "Stresses"),
            ),
            footnotes=[],
            citations=[
                ParsedCitation(
                    "A/RES/70/126",
                    CITED,
                    "resolution",
                    CITING_TEXT.index(CITED),
                    CITING_TEXT.index(CITED) + len(CITED),
                    paragraph_key="op2",
                )
            ],
        )
    )
