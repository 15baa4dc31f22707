"""The reading pages: browse, resolution and paragraph pages, permalinks and their redirects."""

import datetime as dt
import json
import re

import pytest
from django.urls import resolve

from resolutions.ingest.document import ParsedCitation, ParsedFootnote, ParsedParagraph
from resolutions.store.load import load_resolution
from resolutions.web.views import documents as views
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

TITLE = "Promoting social integration through social inclusion"


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


# ---------------------------------------------------------------- browse


def test_home_shows_what_the_archive_holds(client, archive):
    page = client.get("/").content.decode()
    assert "5 resolutions" in page and "General Assembly" in page and "Economic and Social Council" in page
    assert 'action="/search/"' in page and 'href="/A/RES/75/101_A/"' in page


def test_bodies_sessions_and_a_session(client, archive):
    assert "General Assembly" in client.get("/bodies/").content.decode()
    sessions = client.get("/bodies/GA/").content.decode()
    assert (
        "Seventieth session" in sessions
        and 'href="/bodies/GA/70/"' in sessions
        and "Twenty-fourth special session" in sessions
    )
    session = client.get("/bodies/GA/70/")
    assert session.status_code == 200
    symbols = re.findall(r'class="symbol" href="([^"]+)"', session.content.decode())
    assert symbols == ["/A/RES/70/126/"]


def test_unknown_body_or_session_is_404_with_message(client, archive):
    assert client.get("/bodies/XX/").status_code == 404
    response = client.get("/bodies/GA/99/")
    assert response.status_code == 404 and "no resolution" in response.content.decode()


def listed(response):
    return re.findall(r'class="symbol" href="/([^"]+)/"', response.content.decode())


@pytest.mark.parametrize(
    "query, expected",
    [
        ("body=ECOSOC", ["E/RES/2010/12"]),
        ("body=GA&year_from=2013&year_to=2015", ["A/RES/70/126", "A/RES/68/131"]),
        ("committee=Third+Committee&sort=date", ["A/RES/68/131", "A/RES/70/126"]),
        ("title=social+inclusion&sort=-date", ["A/RES/70/126", "A/RES/68/131"]),
        ("body=GA&sort=number", ["A/RES/S-24/2", "A/RES/68/131", "A/RES/70/126", "A/RES/75/101_A"]),
        ("session=S-24", ["A/RES/S-24/2"]),
    ],
)
def test_resolution_list_filters_and_sorts(client, archive, query, expected):
    response = client.get(f"/resolutions/?{query}")
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("year_from=abc", "Enter a whole number"),
        ("year_from=99999", "less than or equal to 2100"),
        ("year_from=2015&year_to=2010", "The year range is empty"),
        ("body=NOPE", "Select a valid choice"),
        ("sort=price", "Select a valid choice"),
    ],
)
def test_bad_filters_get_a_clear_message(client, archive, query, message):
    response = client.get(f"/resolutions/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("page", ["99", "abc", "0", "-1"])
def test_bad_page_numbers_get_a_clear_message(client, archive, page):
    response = client.get(f"/resolutions/?page={page}")
    assert response.status_code == 404
    assert "There is no page" in response.content.decode()


def test_pages_keep_their_filters(client, archive, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    response = client.get("/resolutions/?body=GA&sort=number")
    page = response.content.decode()
    assert "page 1 of 2" in page and 'href="?body=GA&amp;sort=number&amp;page=2"' in page
    assert listed(client.get("/resolutions/?body=GA&sort=number&page=2")) == ["A/RES/70/126", "A/RES/75/101_A"]


# ---------------------------------------------------------------- resolution page


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
        10
    ):  # 8, its sources with the date its text last changed, its footnotes' further places
        assert client.get("/A/RES/70/126/").status_code == 200


# ---------------------------------------------------------------- paragraph page


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


# ---------------------------------------------------------------- addresses


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
    "query, location",
    [
        ("paragraph 3 of resolution 70/126", "/A/RES/70/126/op3/"),
        ("A/RES/70/126, op. 3", "/A/RES/70/126/op3/"),
        ("resolution 68/131", "/A/RES/68/131/"),
        ("https://undocs.org/en/A/RES/70/126", "/A/RES/70/126/"),
    ],
)
def test_cite_resolver_redirects(client, archive, query, location):
    response = client.get("/cite/", {"q": query})
    assert response.status_code == 302 and response["Location"] == location


def test_cite_resolver_bad_input(client, archive):
    assert client.get("/cite/").status_code == 200
    unreadable = client.get("/cite/", {"q": "//evil.example.com/"})
    assert unreadable.status_code == 400 and "does not read as a citation" in unreadable.content.decode()
    missing = client.get("/cite/", {"q": "A/RES/71/1"})
    assert missing.status_code == 404 and "https://undocs.org/A/RES/71/1" in missing.content.decode()
    no_paragraph = client.get("/cite/", {"q": "A/RES/70/126, para. 99"})
    assert no_paragraph.status_code == 404
    assert client.get("/cite/", {"q": "x" * 5000}).status_code == 400


@pytest.mark.parametrize(
    "path", ["/%2F%2Fevil.example.com/", "/%5C%5Cevil.example.com/", "/https://evil.example.com/A/RES/70/126"]
)
def test_no_open_redirect(client, archive, path):
    response = client.get(path)
    assert response.status_code in (301, 404)
    if response.status_code == 301:
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")


def test_unknown_symbol_offers_search_and_nearest(client, archive):
    response = client.get("/A/RES/70/127/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'action="/search/"' in page and 'href="/A/RES/70/126/"' in page
    assert 'href="https://undocs.org/A/RES/70/127"' in page


def test_unknown_key_offers_nearest_paragraphs(client, archive):
    response = client.get("/A/RES/70/126/op33/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'href="/A/RES/70/126/op3/"' in page and 'href="/A/RES/70/126/"' in page


@pytest.mark.parametrize(
    "path",
    [
        "/search/",
        "/api/v1/resolutions/",
        "/cite/",
        "/admin/",
        "/static/css/site.css",
        "/healthz",
        "/livez",
        "/sitemap.xml",
        "/robots.txt",
        "/feeds/latest/",
        "/bodies/",
        "/resolutions/",
    ],
)
def test_symbol_routes_do_not_swallow_other_paths(path):
    try:
        match = resolve(path)
    except Exception:  # Resolver404: nobody has claimed the path (yet), and neither do we
        return
    assert match.func is not views.document


# ---------------------------------------------------------------- HTTP


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


def test_not_found_page_queries_stay_few(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get("/A/RES/70/127/").status_code == 404
