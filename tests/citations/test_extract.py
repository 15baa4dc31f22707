"""The citation finder: what it must find in a resolution's text, what it must leave alone, and the paragraphs cited."""

import pytest

from resolutions.citations.extract import find_citations
from resolutions.ingest.document import ParsedFootnote, ParsedParagraph
from resolutions.ingest.pipeline import citations_for
from tests.conftest import make_resolution


def symbols(text, context_body="GA"):
    return [c.symbol for c in find_citations(text, context_body=context_body)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("General Assembly resolution 66/122 of 19 December 2011", ["A/RES/66/122"]),
        (
            "General Assembly resolutions 66/122 of 19 December 2011 and 68/131 of 18 December 2013 on promoting",
            ["A/RES/66/122", "A/RES/68/131"],
        ),
        ("its resolutions 64/135, 65/185 and 66/124", ["A/RES/64/135", "A/RES/65/185", "A/RES/66/124"]),
        ("Economic and Social Council resolution 2010/12 of 22 July 2010", ["E/RES/2010/12"]),
        ("Recalling resolution 65/1,", ["A/RES/65/1"]),
        ("its resolution 74/120", ["A/RES/74/120"]),
        ("Resolution 70/1.", ["A/RES/70/1"]),
        ("General Assembly resolution S-24/2, annex", ["A/RES/S-24/2"]),
        ("resolution ES-10/20", ["A/RES/ES-10/20"]),
        ("A/68/169.", ["A/68/169"]),
        ("E/CN.5/2010/2.", ["E/CN.5/2010/2"]),
        ("A/63/538-E/2009/4, annex.", ["A/63/538"]),
        ("Human Rights Council resolution 35/2", ["A/HRC/RES/35/2"]),
        ("Human Rights Council resolutions 35/2 and 36/1", ["A/HRC/RES/35/2", "A/HRC/RES/36/1"]),
        ("A/HRC/RES/35/2", ["A/HRC/RES/35/2"]),
        ("resolutions 1514 (XV) of 14 December 1960 and 1541 (XV)", ["A/RES/1514(XV)", "A/RES/1541(XV)"]),
        ("resolution 217 A (III)", ["A/RES/217(III)"]),
        (
            "Security Council resolutions 1325 (2000), 1820 (2008) and 1888 (2009)",
            ["S/RES/1325(2000)", "S/RES/1820(2008)", "S/RES/1888(2009)"],
        ),
        ("resolution 72/262 C", ["A/RES/72/262 C"]),
        ("resolution 61/16 A-C", ["A/RES/61/16 A", "A/RES/61/16 B", "A/RES/61/16 C"]),
        ("A/RES/75/101B", ["A/RES/75/101 B"]),
        ("its decision 72/550 of 26 January 2018", ["A/DEC/72/550"]),
        ("Economic and Social Council decision 2017/206", ["E/DEC/2017/206"]),
        ("report of the Special Committee (A/75/23) and A/72/6 (Sect. 24)", ["A/75/23", "A/72/6(Sect.24)"]),
        ("E/ESCAP/RES/67/8", ["E/ESCAP/RES/67/8"]),
        (
            "General Assembly resolution 70/1 and Economic and Social Council resolution 2016/5",
            ["A/RES/70/1", "E/RES/2016/5"],
        ),
        # the body named just before "its resolution" / "including resolution"
        ("the Human Rights Council, in its resolution 36/10, decided", ["A/HRC/RES/36/10"]),
        ("Human Rights Council resolutions on the subject, including resolution 48/5", ["A/HRC/RES/48/5"]),
        (
            "Human Rights Council resolutions 23/13 of 13 June 2013 on attacks, as well as resolutions 28/6 of 26 March 2015",
            ["A/HRC/RES/23/13", "A/HRC/RES/28/6"],
        ),
        ("the Committee established pursuant to Security Council resolution 1373 (2001)", ["S/RES/1373(2001)"]),
        ("the Security Council Committee established pursuant to resolution 1373 (2001)", ["S/RES/1373(2001)"]),
        (
            "General Assembly and Security Council resolutions 70/262 and 2282 (2016) of 27 April 2016",
            ["A/RES/70/262", "S/RES/2282(2016)"],
        ),
        ("United Nations Environment Assembly resolution 4/6", ["UNEP/EA.4/RES.6"]),
        # list items separated by dates, titles, sections and relative clauses
        (
            "its resolutions 74/270 of 2 April 2020 on global solidarity to fight COVID-19 (COVID-19), 74/274 of 20 April 2020 "
            "entitled “International cooperation”, and 74/307",
            ["A/RES/74/270", "A/RES/74/274", "A/RES/74/307"],
        ),
        (
            "its resolutions 58/293 of 10 June 2004, in which it proclaimed 2005 the International Year of Physics, and 62/200",
            ["A/RES/58/293", "A/RES/62/200"],
        ),
        (
            "Resolutions 52/214, sect. B, 57/283 B, sect. III, and 58/250",
            ["A/RES/52/214", "A/RES/57/283 B", "A/RES/58/250"],
        ),
        (
            "its resolutions 48/75 J of 16 December 1993 and 53/77 AA of 4 December 1998",
            ["A/RES/48/75 J", "A/RES/53/77 AA"],
        ),
        ("its resolution 75/254 A to C", ["A/RES/75/254 A", "A/RES/75/254 B", "A/RES/75/254 C"]),
        ("General Assembly resolution ES‑10/15", ["A/RES/ES-10/15"]),  # non-breaking hyphen
        ("A/56/1026-S/2002/932, annex II, resolution 14/221.", ["A/56/1026"]),  # 14/221: a resolution inside it
        ("Resolution 78/3, annex, resolution 78/4, annex.", ["A/RES/78/3", "A/RES/78/4"]),
        ("the Preparatory Committee established by resolution 69/292 of 19 June 2015", ["A/RES/69/292"]),
        (
            "its resolutions 75/247 of 31 December 202, 76/241 of 15 of December of 2021 and 77/203",  # misprinted dates
            ["A/RES/75/247", "A/RES/76/241", "A/RES/77/203"],
        ),
        ("Bearing in mind the work of the Special Committee contained in its resolution 47/120 B", ["A/RES/47/120 B"]),
    ],
)
def test_finds(text, expected):
    assert symbols(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(United Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II.",
        "the 2030 Agenda for Sustainable Development and its 17 Sustainable Development Goals",
        "adopted on 19 December 2011 at its 89th plenary meeting",
        "HIV/AIDS and TB/HIV co-infection, 24/7 services",
        "the present resolution",
        "Commission on Narcotic Drugs resolution 59/5",
        "decision 14/17 of the Conference of the Parties",
        "World Health Assembly resolution 72/8",
        "in the biennium 2020/21 and the period 2018-2019",
        "www.un.org/dppa/decolonization/en/c24/regional-seminars/2019",
        "resolutions 5/3 of 29 November 2013 and 6/3 of 6 November 2015 of the Conference of the States Parties",
        "the Commission on Narcotic Drugs, in its resolution 59/5",
        "resolution 8/6 of 20 December 2019",  # the Assembly numbered no resolution N/N before its 31st session
        "World Trade Organization decision WT/MIN(15)/48 and document LEG/CONF.15/21",  # not UN document series
        "decision X/29 of the Conference of the Parties",
        "its decision 7/1 of 12 December 2016",  # the Assembly's decisions are numbered from 401
        "the Technology Facilitation Mechanism and the 17 Goals",
    ],
)
def test_leaves_alone(text):
    assert symbols(text) == []


@pytest.mark.parametrize(
    "text, context_body, expected",
    [
        ("resolution 65/1", "GA", "A/RES/65/1"),
        ("its resolution 66/12", "ESCAP", "E/ESCAP/RES/66/12"),
        ("General Assembly resolution 65/1", "ESCAP", "A/RES/65/1"),
        ("resolution 2010/12", "ECOSOC", "E/RES/2010/12"),
        ("Council resolution 2008/18", "ECOSOC", "E/RES/2008/18"),
    ],
)
def test_body_from_context(text, context_body, expected):
    assert symbols(text, context_body) == [expected]


def test_spans_index_the_text():
    text = "Recalling General Assembly resolutions 66/122 of 19 December 2011 and 68/131, and A/68/169"
    for citation in find_citations(text):
        assert text[citation.start : citation.end] == citation.text
    texts = [c.text for c in find_citations(text)]
    assert texts == ["General Assembly resolutions 66/122", "68/131", "A/68/169"]


@pytest.mark.parametrize(
    "text, target_paragraph",
    [
        ("Recalling paragraph 10 of resolution 78/322,", "op10"),
        ("paragraphs 10 and 11 of its resolution 78/322", "op10"),
        ("paragraphs 7, 8 and 10 to 12 of resolution 78/322", "op7"),
        ("paragraph 3 of the annex to resolution 78/322", "annex-op3"),
        ("paragraph 2 (b) of the annex to its resolution 78/322", "annex-op2b"),
        ("paragraphs 7 (a) to (f) of General Assembly resolution 78/322", "op7a"),
        ("paragraph 8 of section XIII of its resolution 78/322", "sec-xiii-op8"),
        ("paragraph 1 of guideline 5 of the annex to resolution 78/322", "annex-sec-guideline-5-op1"),
        ("paragraph 2 of draft principle 3 of the annex to resolution 78/322", "annex-sec-principle-3-op2"),
        ("the fourth preambular paragraph of resolution 78/322", "pp4"),
        ("paragraph 6, of its resolution 78/322", "op6"),
        ("resolution 78/322, paragraph 10", "op10"),
        ("Recalling its resolution 78/322 of 13 August 2024", ""),
    ],
)
def test_citations_in_the_text_keep_the_paragraph_they_name(text, target_paragraph):
    (citation,) = find_citations(text)
    assert citation.symbol == "A/RES/78/322" and citation.target_paragraph == target_paragraph


def test_regional_commissions_named_in_the_text_are_theirs():
    assert [c.symbol for c in find_citations("Recalling ESCAP resolution 67/8 of 19 May 2011,")] == ["E/ESCAP/RES/67/8"]
    found = find_citations(
        "Economic and Social Commission for Asia and the Pacific resolution 66/12", context_body="GA"
    )
    assert [c.symbol for c in found] == ["E/ESCAP/RES/66/12"]


def test_citations_for_keys_paragraphs_and_footnotes():
    resolution = make_resolution(
        paragraphs=[
            ParsedParagraph(
                "pp1", "preambular", "", 1, "Recalling its resolution 68/131 and resolution 70/126,", "Recalling"
            ),
            ParsedParagraph("op1", "operative", "1", 2, "Takes note of the report;", "Takes note"),
        ],
        footnotes=[ParsedFootnote("1", "A/70/179.", "op1", 24)],
    )
    found = [(c.symbol, c.paragraph_key, c.footnote_marker) for c in citations_for(resolution)]
    # A resolution's mention of itself is not a citation.
    assert found == [("A/RES/68/131", "pp1", ""), ("A/70/179", "", "1")]
