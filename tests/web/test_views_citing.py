"""Citing from the reader's side, on the seed resolutions: typed citations and odd addresses land on the
paragraph named, citations in the text link to the paragraph they name, and a series names what it misses."""

import datetime as dt

import pytest

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import ParsedParagraph
from resolutions.ingest.pipeline import parse_path
from resolutions.store.load import load_resolution
from tests.conftest import PROJECT, make_resolution

pytestmark = pytest.mark.django_db

SEEDS = PROJECT / "fixtures" / "resolutions.json"


def load(path, **options):
    for parsed in parse_path(path, **options).resolutions:
        load_resolution(parsed)


@pytest.fixture
def seeds():
    """The four seed resolutions: A/RES/68/131, A/RES/70/126, E/ESCAP/RES/67/8, E/RES/2010/12."""
    load(SEEDS)


@pytest.mark.parametrize(
    "query, location",
    [
        ("A/RES/70/126 ¶5", "/A/RES/70/126/op5/"),
        ("pp3 of 70/126", "/A/RES/70/126/pp3/"),
        ("ESCAP resolution 67/8 para 2(d)", "/E/ESCAP/RES/67/8/op2d/"),
        ("sub-paragraph (b) of paragraph 1 of ESCAP resolution 67/8", "/E/ESCAP/RES/67/8/op1b/"),
        ("operative paragraph 3 of ECOSOC resolution 2010/12", "/E/RES/2010/12/op3/"),
        ("third preambular paragraph of General Assembly resolution 68/131", "/A/RES/68/131/pp3/"),
        ("paras. 3–5 of resolution 70/126", "/A/RES/70/126/op3/?through=op5"),
    ],
)
def test_cite_lands_on_the_paragraph_named(client, seeds, query, location):
    response = client.get("/cite/", {"q": query})
    assert response.status_code == 302 and response["Location"] == location
    assert client.get(location).status_code == 200


def test_a_range_is_noted_on_its_first_paragraph(client, seeds):
    page = client.get("/A/RES/70/126/op3/?through=op5").content.decode()
    note = page[page.index('class="notice range-note"') :]
    note = note[: note.index("</div>")]
    assert "Cited as a range through operative paragraph 5" in note
    assert '<a href="/A/RES/70/126/op4/">para. 4</a>, <a href="/A/RES/70/126/op5/">para. 5</a>' in note
    backwards = client.get("/A/RES/70/126/op5/?through=op3")
    assert backwards.status_code == 200 and "does not follow this paragraph" in backwards.content.decode()
    assert "range-note" not in client.get("/A/RES/70/126/op3/").content.decode()


def test_the_body_named_in_the_text_is_not_ignored(client, seeds):
    missing = client.get("/cite/", {"q": "ECA resolution 67/8 para 2"})
    assert missing.status_code == 404
    assert "The archive does not hold E/ECA/RES/67/8." in missing.content.decode()


@pytest.mark.parametrize(
    "path, canonical",
    [
        ("/E/ESCAP/RES/67/8/op2(d)", "/E/ESCAP/RES/67/8/op2d/"),
        ("/E/ESCAP/RES/67/8/op2(d)/", "/E/ESCAP/RES/67/8/op2d/"),
        ("/E/ESCAP/RES/67/8/para.2(d)/", "/E/ESCAP/RES/67/8/op2d/"),
        ("/A/RES/70/126%20%C2%B65", "/A/RES/70/126/op5/"),
        ("/A/RES/70/126/%C2%B65/", "/A/RES/70/126/op5/"),
        ("/A/RES/70/126/pp.3/", "/A/RES/70/126/pp3/"),
    ],
)
def test_addresses_written_as_citations_redirect_to_the_paragraph(client, seeds, path, canonical):
    response = client.get(path)
    assert response.status_code == 301 and response["Location"] == canonical


def _citing(text, citations):
    load_resolution(
        make_resolution(
            "A/RES/72/1",
            title="Citing",
            paragraphs=[ParsedParagraph("op1", "operative", "1", 1, text, "")],
            citations=citations,
            footnotes=[],
        )
    )


def test_a_citation_naming_a_paragraph_links_to_it(client, seeds):
    text = "Recalls paragraph 10 of resolution 70/126 and paragraph 99 of resolution 70/126;"
    _citing(
        text,
        [
            ParsedCitation(
                "A/RES/70/126",
                "paragraph 10 of resolution 70/126",
                "resolution",
                8,
                41,
                paragraph_key="op1",
                target_paragraph="op10",
            ),
            ParsedCitation(
                "A/RES/70/126",
                "paragraph 99 of resolution 70/126",
                "resolution",
                46,
                79,
                paragraph_key="op1",
                target_paragraph="op99",
            ),
        ],
    )
    page = client.get("/A/RES/72/1/").content.decode()
    assert (
        '<a class="citation" href="/A/RES/70/126/op10/" title="A/RES/70/126, para. 10, in this archive">'
        "paragraph 10 of resolution 70/126</a>" in page
    )
    # The archive holds no paragraph 99 of 70/126: the link goes to the resolution, not to a 404.
    assert (
        '<a class="citation" href="/A/RES/70/126/" title="A/RES/70/126 in this archive">paragraph 99 of resolution 70/126</a>'
        in page
    )
    paragraph_page = client.get("/A/RES/72/1/op1/").content.decode()
    assert 'href="/A/RES/70/126/op10/"' in paragraph_page


def test_series_names_the_resolutions_the_archive_does_not_hold(client, seeds):
    page = client.get("/A/RES/70/126/").content.decode()
    series = page[page.index('id="series"') : page.index("</section>", page.index('id="series"'))]
    assert '<a href="https://undocs.org/A/RES/66/122" rel="external">A/RES/66/122</a> 19 December 2011' in series
    assert "not in the archive" in series
    assert series.index("A/RES/66/122") < series.index("A/RES/68/131") < series.index("(this resolution)")
    # Cited in the same sentence, but of another series (ECOSOC's "promoting social integration"): not listed.
    assert "2010/12" not in series
    earlier = client.get("/A/RES/68/131/").content.decode()
    assert earlier.count("A/RES/66/122</a>") == 1


def test_series_from_the_real_corpus_names_72_142(client, seeds, corpus):
    load(corpus / "unxml-ga" / "74" / "English" / "74_120.xml")
    page = client.get("/A/RES/74/120/").content.decode()
    series = page[page.index('id="series"') : page.index("</section>", page.index('id="series"'))]
    assert '<a href="https://undocs.org/A/RES/72/142" rel="external">A/RES/72/142</a>' in series
    assert (
        series.index("A/RES/68/131")
        < series.index("A/RES/70/126")
        < series.index("A/RES/72/142")
        < series.index("(this resolution)")
    )


def test_annex_paragraph_of_the_real_80_5(client, corpus):
    load(corpus / "pdf-text" / "A-RES-80-5.txt")
    response = client.get("/cite/", {"q": "paragraph 18 (b) of the annex to resolution 80/5"})
    assert response.status_code == 302 and response["Location"] == "/A/RES/80/5/annex-op18b/"
    response = client.get("/cite/", {"q": "A/RES/80/5, annex, paras. 18–19"})
    assert response["Location"] == "/A/RES/80/5/annex-op18/?through=annex-op19"


def test_a_held_resolution_cited_by_date_only_is_not_a_missing_member(client):
    load_resolution(make_resolution("A/RES/66/122", adopted_on=dt.date(2011, 12, 19), footnotes=[]))
    load_resolution(
        make_resolution(
            "A/RES/68/131",
            adopted_on=dt.date(2013, 12, 18),
            paragraphs=[
                ParsedParagraph(
                    "pp1",
                    "preambular",
                    "",
                    1,
                    "Recalling its resolution 66/122 of 19 December 2011 on promoting social integration "
                    "through social inclusion,",
                    "Recalling",
                )
            ],
            citations=[ParsedCitation("A/RES/66/122", "resolution 66/122", "resolution", 14, 31, paragraph_key="pp1")],
            footnotes=[],
        )
    )
    series = client.get("/A/RES/68/131/").content.decode()
    assert '<a href="/A/RES/66/122/">A/RES/66/122</a>' in series and "not in the archive" not in series
