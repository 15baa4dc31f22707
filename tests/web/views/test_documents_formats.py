"""Content negotiation on permalinks: the same address as HTML, as the API's JSON, as AKN; by suffix or Accept;
and the page cache keeping the formats apart."""

import pytest
from lxml import etree

from resolutions.exports.akn import AKN_NS

pytestmark = pytest.mark.django_db


def test_accept_json_on_a_paragraph_gives_the_apis_json(client, archive):
    response = client.get("/A/RES/70/126/op1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response.json() == client.get("/api/v1/resolutions/A/RES/70/126/paragraphs/op1/").json()
    assert "Accept" in response["Vary"]


def test_accept_json_on_a_resolution(client, archive):
    response = client.get("/A/RES/70/126/", HTTP_ACCEPT="application/json")
    assert response.json() == client.get("/api/v1/resolutions/A/RES/70/126/").json()


@pytest.mark.parametrize(
    ("path", "same_as"),
    [("/A/RES/70/126/op1.json", "/A/RES/70/126/op1/"), ("/A/RES/70/126.json", "/A/RES/70/126/")],
)
def test_a_json_suffix(client, archive, path, same_as):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json() == client.get(same_as, HTTP_ACCEPT="application/json").json()


def test_a_browser_still_gets_the_page(client, archive):
    response = client.get("/A/RES/70/126/op1/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "request_kwargs",
    [{"path": "/A/RES/70/126.akn.xml"}, {"path": "/A/RES/70/126/", "HTTP_ACCEPT": "application/akn+xml"}],
)
def test_akn_by_suffix_or_accept(client, archive, request_kwargs):
    response = client.get(**request_kwargs)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/akn+xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"


@pytest.mark.parametrize(
    "request_kwargs",
    [{"path": "/A/RES/70/126/op1.akn.xml"}, {"path": "/A/RES/70/126/op1/", "HTTP_ACCEPT": "application/akn+xml"}],
)
def test_a_paragraph_as_a_portion_of_its_resolution(client, archive, request_kwargs):
    response = client.get(**request_kwargs)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/akn+xml")
    root = etree.fromstring(response.content)
    ns = {"akn": AKN_NS}
    assert root.xpath("string(//akn:portion/@includedIn)", namespaces=ns) == "#whole"
    assert root.xpath("//akn:portionBody/akn:paragraph/@eId", namespaces=ns) == ["op1"]


def test_a_paragraph_the_resolution_no_longer_holds_has_no_akn(client, archive):
    response = client.get("/A/RES/70/126/op99.akn.xml")
    assert response.status_code == 404


def test_bibtex_and_ris_by_suffix_and_by_accept(client, archive):
    import bibtexparser
    import rispy

    bib = client.get("/A/RES/70/126.bib")
    assert bib.status_code == 200 and bib["Content-Type"].startswith("application/x-bibtex")
    entry = bibtexparser.parse_string(bib.content.decode()).entries[0]
    assert "A/RES/70/126" in entry.fields_dict["number"].value
    ris = client.get("/A/RES/70/126/op1/", HTTP_ACCEPT="application/x-research-info-systems")
    assert ris.status_code == 200 and "Accept" in ris["Vary"]
    record = rispy.loads(ris.content.decode())[0]
    assert record["urls"] == ["http://testserver/A/RES/70/126/op1/"]
    assert client.get("/A/RES/70/126/op1.ris").content == ris.content


def test_other_spellings_redirect_keeping_the_suffix(client, archive):
    response = client.get("/a/res/70/126/op1.json")
    assert response.status_code == 301 and response["Location"] == "/A/RES/70/126/op1.json"


def test_a_key_no_paragraph_holds_answers_404_in_json(client, archive):
    response = client.get("/A/RES/70/126/op99.json")
    assert response.status_code == 404


def test_the_page_cache_never_serves_html_for_json_or_the_reverse(client, archive, settings):
    settings.PAGE_CACHE_SECONDS = 60
    html = client.get("/A/RES/70/126/op1/")
    json_answer = client.get("/A/RES/70/126/op1/", HTTP_ACCEPT="application/json")
    html_again = client.get("/A/RES/70/126/op1/")
    json_again = client.get("/A/RES/70/126/op1/", HTTP_ACCEPT="application/json")
    assert html["Content-Type"].startswith("text/html") and html_again["Content-Type"].startswith("text/html")
    assert json_answer["Content-Type"] == json_again["Content-Type"] == "application/json"
    assert html_again["X-Cache"] == "hit" and json_again["X-Cache"] == "hit"
    assert json_again.json() == json_answer.json()
