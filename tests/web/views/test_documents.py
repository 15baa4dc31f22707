"""The document pages: a resolution, a paragraph, the other spellings of their addresses, and what HTTP makes of them."""

import json
import re

import pytest

TITLE = "Promoting social integration through social inclusion"

pytestmark = pytest.mark.django_db


def test_resolution_page_header_and_paragraphs_as_printed(client, archive):
    response = client.get("/A/RES/70/126/")
    assert response.status_code == 200
    page = response.content.decode()
    for expected in (
        "A/RES/70/126",
        TITLE,
        "General Assembly",
        "Seventieth session",
        "17 December 2015",
        "80th plenary meeting",
        "A/70/481",
        "28 (b)",
        "test.txt",
    ):
        assert expected in page
    assert '<div class="para preambular depth-0" id="pp1">' in page
    assert '<div class="para operative depth-1" id="op2a">' in page
    assert '<span class="para-number">(a)</span>' in page and '<span class="para-number">3.</span>' in page
    assert "<em>Takes note</em> of the report" in page
    assert 'href="/A/RES/70/126/op3/"' in page
    assert '<h2 class="part-heading">Annex</h2>' in page and '<h3 class="para-heading">Guidelines</h3>' in page
    assert page.index('id="pp1"') < page.index('id="op1"') < page.index('id="annex-op1"')


def test_resolution_text_is_escaped(client, archive):
    page = client.get("/A/RES/70/126/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_footnote_markers_and_footnotes_link_both_ways(client, archive):
    page = client.get("/A/RES/70/126/").content.decode()
    assert 'the Secretary-General<sup class="fn-ref"><a id="fnref-1" href="#fn-1"' in page
    assert '<li id="fn-1">' in page and 'href="#fnref-1"' in page


def test_citations_link_into_the_archive_or_to_undocs(client, archive):
    page = client.get("/A/RES/70/126/").content.decode()
    assert (
        '<a class="citation" href="/A/RES/68/131/" title="A/RES/68/131 in this archive">resolution 68/131</a>' in page
    )
    assert 'href="/E/RES/2010/12/op2/"' in page  # the cited paragraph
    assert (
        '<a class="citation" href="https://undocs.org/A/70/179" title="A/70/179 at undocs.org" rel="external">A/70/179</a>'
        in page
    )


def test_cited_by_quotes_the_citing_sentence(client, archive):
    page = client.get("/E/RES/2010/12/").content.decode()
    section = page[page.index('id="cited-by"') :]
    assert section.count('<p class="citing">') == 2  # 68/131 and 70/126
    assert "<mark>Council resolution 2010/12</mark>" in section
    assert 'href="/A/RES/68/131/pp1/"' in section
    footnote_citing = client.get("/A/RES/68/131/").content.decode()
    assert 'href="/A/RES/70/126/#fn-1"' in footnote_citing  # a citation from a footnote links to it


def test_in_this_series(client, archive):
    page = client.get("/A/RES/70/126/").content.decode()
    series = page[page.index('id="series"') :]
    assert series.index("A/RES/68/131") < series.index("(this resolution)")
    later = client.get("/A/RES/68/131/").content.decode()
    assert later[later.index('id="series"') :].index("(this resolution)") < later[later.index('id="series"') :].index(
        "A/RES/70/126"
    )


def test_resolution_json_ld_is_legislation(client, archive):
    page = client.get("/A/RES/70/126/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert data["@type"] == "Legislation" and data["legislationIdentifier"] == "A/RES/70/126"
    assert data["legislationDate"] == "2015-12-17"


def test_resolution_page_queries_do_not_grow_with_paragraphs(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(
        15
    ):  # 8, its sources with the date its text last changed, its footnotes' further places;
        # its votes, sponsors, SDGs and subjects, the languages it is held in: one query each
        assert client.get("/A/RES/70/126/").status_code == 200


def test_paragraph_page(client, archive):
    response = client.get("/A/RES/70/126/op1/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Operative paragraph 1</h1>" in page
    assert '<p class="para-text" id="paragraph-text"><em>Takes note</em> of the report' in page
    assert 'rel="prev" href="/A/RES/70/126/pp1/"' in page and 'rel="next" href="/A/RES/70/126/op2/"' in page
    assert '<li id="fn-1">' in page  # its footnote, with the footnote's citations
    assert "General Assembly resolution 70/126, para. 1" in page
    assert "A/RES/70/126 of 17 December 2015, para. 1" in page
    assert "http://testserver/A/RES/70/126/op1/" in page
    assert '<meta property="og:description" content="Takes note of the report of the Secretary-General;">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert (
        'data-copy="cite-un" aria-describedby="cite-un-label" hidden' in page
    )  # works without JS: text shown, button hidden


def test_paragraph_json_ld(client, archive):
    page = client.get("/A/RES/70/126/pp1/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    assert "<" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Legislation" and data["isPartOf"]["legislationIdentifier"] == "A/RES/70/126"
    assert data["text"].endswith("<script>alert(1)</script>,")


def test_paragraph_cited_by_number(client, archive):
    page = client.get("/E/RES/2010/12/op2/").content.decode()
    section = page[page.index('id="cited-by"') :]
    assert "A/RES/70/126" in section and "<mark>paragraph 2 of resolution 2010/12</mark>" in section
    assert "1 resolution cites E/RES/2010/12 as a whole" in section


@pytest.mark.parametrize(
    "path, canonical",
    [
        ("/A/RES/70/126", "/A/RES/70/126/"),
        ("/a/res/70/126/", "/A/RES/70/126/"),
        ("/A-RES-70-126/", "/A/RES/70/126/"),
        ("/70/126/", "/A/RES/70/126/"),
        ("/A/RES/70/126/OP3/", "/A/RES/70/126/op3/"),
        ("/A/RES/70/126/op3", "/A/RES/70/126/op3/"),
        ("/A/RES/70/126/para.3/", "/A/RES/70/126/op3/"),
        ("/A/RES/70/126 para. 3", "/A/RES/70/126/op3/"),
        ("/a/res/70/126/para-2a/", "/A/RES/70/126/op2a/"),
        ("/e/escap/res/67/8/", None),  # not held: 404
        ("/A/RES/75/101%20A/", "/A/RES/75/101_A/"),
        ("/A/RES/75/101A/", "/A/RES/75/101_A/"),
        ("/a/res/75/101_a/op1/", "/A/RES/75/101_A/op1/"),
        ("/a/res/s-24/2/", "/A/RES/S-24/2/"),
        ("/2010/12/", "/E/RES/2010/12/"),
    ],
)
def test_other_spellings_redirect_permanently(client, archive, path, canonical):
    response = client.get(path)
    if canonical is None:
        assert response.status_code == 404
    else:
        assert response.status_code == 301 and response["Location"] == canonical
        assert client.get(canonical).status_code == 200


def test_canonical_symbols_with_slashes_letters_and_spaces_answer(client, archive):
    for path in ("/A/RES/75/101_A/", "/A/RES/75/101_A/op1/", "/A/RES/S-24/2/", "/E/RES/2010/12/op2/"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    "path", ["/%2F%2Fevil.example.com/", "/%5C%5Cevil.example.com/", "/https://evil.example.com/A/RES/70/126"]
)
def test_no_open_redirect(client, archive, path):
    response = client.get(path)
    assert response.status_code in (301, 404)
    if response.status_code == 301:
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")


def test_repeat_request_gets_304(client, archive):
    first = client.get("/A/RES/70/126/op1/")
    assert first.has_header("ETag")
    again = client.get("/A/RES/70/126/op1/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    listing = client.get("/resolutions/?body=GA")
    assert client.get("/resolutions/?body=GA", headers={"if-none-match": listing["ETag"]}).status_code == 304


def test_pages_are_compressed_and_still_answer_304(client, archive):
    first = client.get("/A/RES/70/126/", headers={"accept-encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    again = client.get("/A/RES/70/126/", headers={"accept-encoding": "gzip", "if-none-match": first["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/resolutions/?title=%00",
        "/resolutions/?session=" + "9" * 500,
        "/resolutions/?title=" + "x" * 5000,
        "/resolutions/?year_from=1e400",
        "/resolutions/?year_to=-1",
        "/resolutions/?committee=%FF%FE",
        "/resolutions/?page=9999999999999999999999",
        "/resolutions/?page=1.5",
        "/bodies/GA/%00/",
        "/bodies/" + "G" * 300 + "/",
        "/A/RES/70/126/%00/",
        "/" + "A/" * 2000,
        "/A/RES/70/126/op" + "9" * 100 + "/",
        "/%E2%80%AE/",
        "/A/RES/70/126/../../etc/passwd",
        "/cite/?q=%00",
        "/cite/?q=paragraph+99999999999999999999+of+resolution+70/126",
        "/cite/?body=%00&q=70/126",
        "/A/RES/70/126/op5/?q=<script>",
        "/favicon.ico",
        "/.env",
        "/wp-login.php",
    ],
)
def test_hostile_input_never_breaks_a_page(client, archive, path):
    response = client.get(path)
    assert response.status_code in (200, 301, 302, 400, 404)
