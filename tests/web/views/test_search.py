"""The search page: hits, highlights, chips, facets and groups as HTML."""

import pytest

pytestmark = pytest.mark.django_db


def test_symbol_not_in_the_archive_or_within_words_is_searched(client, search_archive):
    assert client.get("/search/", {"q": "A/RES/99/1"}).status_code == 200
    assert client.get("/search/", {"q": "youth recalling resolution 70/126"}).status_code == 200


def test_highlight_is_html_safe(client, search_archive):
    page = client.get("/search/", {"q": "youth tag"}).content.decode()
    assert "<script>alert" not in page and "<img src" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;mark&gt;<mark>youth</mark>&lt;/mark&gt;" in page
    assert "<mark>tag</mark>" in page
    assert "&amp; &quot;quotes&quot;;" in page  # short texts are shown whole


def test_html_page_shows_hits_chips_and_facets(client, search_archive):
    response = client.get("/search/", {"q": "calls", "body": "GA"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 hit" in page
    assert 'href="/A/RES/70/126/op2/"' in page
    assert "Body: General Assembly" in page and 'aria-label="Remove filter Body: General Assembly"' in page
    assert "<mark>Calls</mark>" in page


def test_grouped_page_links_each_resolution(client, search_archive):
    page = client.get("/search/", {"q": "importance OR urges", "view": "resolutions"}).content.decode()
    assert '<a href="/E/RES/2010/12/" class="symbol">E/RES/2010/12</a>' in page
    assert "2 hits" in page  # A/RES/70/126 has two


def test_markup_only_query_gets_a_message(client, search_archive):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 400
    assert "only HTML markup" in response.content.decode() and "<script>alert" not in response.content.decode()
