"""The archive the tests of the reading pages share: five resolutions."""

import datetime as dt

import pytest

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import ParsedFootnote, ParsedParagraph
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution


def paragraphs(*texts, opening=""):
    return [ParsedParagraph(f"op{n}", "operative", str(n), n, text, opening) for n, text in enumerate(texts, start=1)]


@pytest.fixture
def archive():
    """Five resolutions: a series of two, an ECOSOC one cited by both, one with a space, a special session."""
    load_resolution(
        make_resolution(
            "E/RES/2010/12",
            body="ECOSOC",
            title="Promoting social integration",
            adopted_on=dt.date(2010, 7, 22),
            committee="",
            paragraphs=paragraphs("Decides to act;", "Requests the Secretary-General to report;"),
            footnotes=[],
        )
    )
    load_resolution(
        make_resolution(
            "A/RES/68/131",
            adopted_on=dt.date(2013, 12, 18),
            committee="Third Committee",
            paragraphs=[
                ParsedParagraph("pp1", "preambular", "", 1, "Recalling Council resolution 2010/12,", "Recalling"),
                *[
                    ParsedParagraph(p.key, p.kind, p.number, p.order + 1, p.text, p.opening_phrase)
                    for p in paragraphs("Takes note of the report;", "Invites Member States to act;")
                ],
            ],
            citations=[
                ParsedCitation("E/RES/2010/12", "Council resolution 2010/12", "resolution", 10, 36, paragraph_key="pp1")
            ],
            footnotes=[],
        )
    )
    text_pp1 = "Recalling its resolution 68/131 and paragraph 2 of resolution 2010/12 <script>alert(1)</script>,"
    load_resolution(
        make_resolution(
            "A/RES/70/126",
            committee="Third Committee",
            report="A/70/481",
            agenda_item="28 (b)",
            paragraphs=[
                ParsedParagraph("pp1", "preambular", "", 1, text_pp1, "Recalling"),
                ParsedParagraph(
                    "op1", "operative", "1", 2, "Takes note of the report of the Secretary-General;", "Takes note"
                ),
                ParsedParagraph("op2", "operative", "2", 3, "Calls upon Member States:", "Calls upon"),
                ParsedParagraph("op2a", "operative", "(a)", 4, "To promote inclusion;", "", parent_key="op2"),
                ParsedParagraph("op3", "operative", "3", 5, "Decides to continue consideration;", "Decides"),
                ParsedParagraph(
                    "annex-op1", "operative", "1", 6, "Annexed text.", "", part="annex", heading="Guidelines"
                ),
            ],
            footnotes=[ParsedFootnote("1", "A/70/179, see also resolution 68/131.", "op1", 49)],
            citations=[
                ParsedCitation("A/RES/68/131", "resolution 68/131", "resolution", 14, 31, paragraph_key="pp1"),
                ParsedCitation(
                    "E/RES/2010/12",
                    "paragraph 2 of resolution 2010/12",
                    "resolution",
                    36,
                    69,
                    paragraph_key="pp1",
                    target_paragraph="op2",
                ),
                ParsedCitation("A/70/179", "A/70/179", "report", 0, 8, footnote_marker="1"),
                ParsedCitation("A/RES/68/131", "resolution 68/131", "resolution", 19, 36, footnote_marker="1"),
            ],
        )
    )
    load_resolution(make_resolution("A/RES/75/101 A", title="Part A", adopted_on=dt.date(2020, 12, 10), footnotes=[]))
    load_resolution(
        make_resolution("A/RES/S-24/2", title="Further initiatives", adopted_on=dt.date(2000, 7, 1), footnotes=[])
    )
