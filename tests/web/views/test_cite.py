"""The citation look-up, and the not-found pages with the nearest resolutions or paragraphs."""

import pytest

pytestmark = pytest.mark.django_db


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


def test_not_found_page_queries_stay_few(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get("/A/RES/70/127/").status_code == 404
