import xml.etree.ElementTree as ET

import pytest

from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def archive():
    load_resolution(make_resolution("A/RES/68/131"))
    load_resolution(make_resolution("A/RES/70/126"))


def test_sitemap_index_lists_sections_and_every_paragraph_is_in_a_sitemap(client, archive):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert any("sitemap-resolutions.xml" in url for url in sections)
    paragraphs = ET.fromstring(client.get("/sitemap-paragraphs.xml").content)
    urls = [loc.text for loc in paragraphs.findall("s:url/s:loc", SITEMAP_NS)]
    assert "http://testserver/A/RES/70/126/op2a/" in urls
    assert len(urls) == 8
    resolutions = ET.fromstring(client.get("/sitemap-resolutions.xml").content)
    assert {loc.text for loc in resolutions.findall("s:url/s:loc", SITEMAP_NS)} == {
        "http://testserver/A/RES/68/131/",
        "http://testserver/A/RES/70/126/",
    }


def test_every_sitemap_url_answers(client, archive):
    for section in ["resolutions", "paragraphs"]:
        tree = ET.fromstring(client.get(f"/sitemap-{section}.xml").content)
        for loc in tree.findall("s:url/s:loc", SITEMAP_NS):
            assert client.get(loc.text.removeprefix("http://testserver")).status_code == 200, loc.text


def test_atom_feed_lists_recent_resolutions(client, archive):
    response = client.get("/feeds/recent.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [e.text for e in feed.findall("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")]
    assert titles[0].startswith("A/RES/70/126")
    assert len(titles) == 2


def test_robots_and_opensearch(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /search/" in robots
    description = ET.fromstring(client.get("/opensearch.xml").content)
    templates = [u.get("template") for u in description.findall("{http://a9.com/-/spec/opensearch/1.1/}Url")]
    assert "http://testserver/search/?q={searchTerms}" in templates


def test_sitemap_unknown_section_is_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.fixture
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "archive.file_cache.BoundedFileCache", "LOCATION": str(tmp_path / "pages")},
    }


def test_the_sitemap_index_splits_paragraphs_into_parts_with_lastmod(client, archive, monkeypatch):
    from resolutions.web.syndication import ParagraphSitemap

    monkeypatch.setattr(ParagraphSitemap, "limit", 3)  # 8 paragraphs: three parts
    index = ET.fromstring(client.get("/sitemap.xml").content)
    parts = index.findall("s:sitemap", SITEMAP_NS)
    locations = [part.find("s:loc", SITEMAP_NS).text for part in parts]
    assert "http://testserver/sitemap-paragraphs.xml?p=3" in locations
    assert all(part.find("s:lastmod", SITEMAP_NS) is not None for part in parts)
    urls = []
    for page in (1, 2, 3):
        tree = ET.fromstring(client.get(f"/sitemap-paragraphs.xml?p={page}").content)
        urls += [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]
    assert len(urls) == len(set(urls)) == 8


def test_sitemaps_are_served_from_the_cache_until_the_data_changes(client, archive, page_cache_on):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for address in ("/sitemap.xml", "/sitemap-paragraphs.xml", "/sitemap-resolutions.xml"):
        first = client.get(address)
        assert first["X-Cache"] == "miss"
        with CaptureQueriesContext(connection) as queries:
            again = client.get(address)
        assert again["X-Cache"] == "hit" and again.content == first.content
        assert len(queries) == 1  # the data version
    load_resolution(make_resolution("A/RES/71/1"))
    assert b"A/RES/71/1/" in client.get("/sitemap-resolutions.xml").content
