"""Rendered resolution and paragraph pages are served from the cache until the archive's data changes."""

import dataclasses

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        },
    }


def test_a_page_is_served_again_with_one_query_until_an_import_changes_the_data(client):
    parsed = make_resolution()
    load_resolution(parsed)
    first = client.get("/A/RES/70/126/op1/")
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/A/RES/70/126/op1/")
    assert again.status_code == 200 and again.content == first.content and again["X-Cache"] == "hit"
    assert len(queries) == 1  # the data version and agreed language's, read together
    assert again["Content-Security-Policy"] and again["Content-Type"] == first["Content-Type"]

    changed = dataclasses.replace(parsed, paragraphs=[dataclasses.replace(p) for p in parsed.paragraphs])
    changed.paragraphs[1].text = "Takes note with appreciation of the report;"
    load_resolution(changed)
    after = client.get("/A/RES/70/126/op1/")
    assert b"with appreciation" in after.content


def test_other_addresses_and_hosts_are_cached_apart(client):
    load_resolution(make_resolution())
    resolution = client.get("/A/RES/70/126/")
    paragraph = client.get("/A/RES/70/126/op1/")
    assert resolution.content != paragraph.content
    other_host = client.get("/A/RES/70/126/", HTTP_HOST="localhost")
    assert b"http://localhost/A/RES/70/126/" in other_host.content
    assert b"http://localhost/" not in resolution.content


def test_not_found_and_redirects_are_not_stored(client, tmp_path):
    load_resolution(make_resolution())
    assert client.get("/A/RES/70/999/").status_code == 404
    assert client.get("/a/res/70/126").status_code in (301, 308)
    assert not list((tmp_path / "pages").glob("*"))
    assert client.get("/A/RES/70/126/").status_code == 200
    assert len(list((tmp_path / "pages").glob("*.djcache"))) == 1


def test_an_unwritable_cache_folder_costs_speed_not_the_page(client, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(blocker / "pages"),
        },
    }
    load_resolution(make_resolution())
    assert client.get("/A/RES/70/126/").status_code == 200


def test_search_answers_are_cached_for_their_own_lifetime(client, settings):
    load_resolution(make_resolution())
    settings.SEARCH_CACHE_SECONDS = 30
    assert client.get("/api/search", {"q": "social"})["X-Cache"] == "miss"
    assert client.get("/api/search", {"q": "social"})["X-Cache"] == "hit"
    assert client.get("/search/", {"q": "social"})["X-Cache"] == "miss"
    settings.SEARCH_CACHE_SECONDS = 0
    assert "X-Cache" not in client.get("/api/search", {"q": "social"})
