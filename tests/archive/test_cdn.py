"""The cache headers a CDN in front needs: hashed static files for a year, cached pages public with s-maxage + ETag."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

PAGE = "/A/RES/70/126/op1/"


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CDN_PAGE_SECONDS = 300
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }


def directives(response) -> dict[str, str]:
    parts = [part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()]
    return dict(part.split("=", 1) if "=" in part else (part, "") for part in parts)


@pytest.mark.django_db
def test_a_cached_page_is_public_for_shared_caches_and_revalidated_by_browsers(client, page_cache):
    parsed = make_resolution()
    load_resolution(parsed)
    for expected in ("miss", "hit"):
        response = client.get(PAGE)
        assert response["X-Cache"] == expected
        cache_control = directives(response)
        assert "public" in cache_control and cache_control["s-maxage"] == "300" and cache_control["max-age"] == "0"
        assert response["ETag"]
    not_modified = client.get(PAGE, HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""

    changed = dataclasses.replace(parsed, paragraphs=[dataclasses.replace(p) for p in parsed.paragraphs])
    changed.paragraphs[1].text = "Takes note with appreciation of the report;"
    load_resolution(changed)
    after = client.get(PAGE, HTTP_IF_NONE_MATCH=response["ETag"])
    assert after.status_code == 200 and after["ETag"] != response["ETag"]  # the new data version, a new ETag


@pytest.mark.django_db
def test_a_search_is_kept_no_longer_than_the_search_cache(client, page_cache, settings, search_index):
    settings.SEARCH_CACHE_SECONDS = 30
    load_resolution(make_resolution())
    response = client.get("/search/", {"q": "report"})
    assert response.status_code == 200
    assert directives(response)["s-maxage"] == "30"


@pytest.mark.django_db
def test_nothing_personal_is_made_public(client, page_cache, settings):
    load_resolution(make_resolution())
    with_session = client.get(PAGE, HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert "public" not in directives(with_session)
    assert "public" not in directives(client.get("/healthz"))


@pytest.mark.django_db
def test_no_public_caching_when_cdn_seconds_is_zero(client, page_cache, settings):
    settings.CDN_PAGE_SECONDS = 0
    load_resolution(make_resolution())
    assert "public" not in directives(client.get(PAGE))


@pytest.mark.django_db
def test_hashed_static_files_are_immutable_for_a_year(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    hashed = staticfiles_storage.url("css/site.css")
    assert hashed != "/static/css/site.css"  # a content hash in the name
    response = Client().get(hashed)  # a new client: WhiteNoise reads the collected files as it starts
    assert response.status_code == 200
    cache_control = directives(response)
    assert "immutable" in cache_control and "public" in cache_control
    assert int(cache_control["max-age"]) >= 365 * 24 * 3600
