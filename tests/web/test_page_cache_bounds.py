"""The page cache: keys that ignore junk parameters and follow the deployment; a bounded folder, culled
now and then; a damaged entry is a miss (archive/file_cache.py, resolutions/web/page_cache.py)."""

import os
import time

import pytest
from django.core.cache import caches

from resolutions.store.load import load_resolution
from resolutions.web import page_cache
from tests.conftest import make_resolution


@pytest.fixture(autouse=True)
def bounded_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "archive.file_cache.BoundedFileCache",
            "LOCATION": str(tmp_path / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 50, "MAX_BYTES": 400_000, "CULL_SECONDS": 60},
        },
    }
    yield tmp_path / "pages"
    page_cache.deployment_version.cache_clear()


def entries(folder):
    return sorted(folder.glob("*.djcache"))


@pytest.mark.django_db
def test_unknown_query_parameters_share_the_one_cached_page(client, bounded_cache):
    load_resolution(make_resolution())
    first = client.get("/A/RES/70/126/op1/")
    for n in range(20):
        answer = client.get(f"/A/RES/70/126/op1/?utm={n}&fbclid=x{n}")
        assert answer.status_code == 200 and answer["X-Cache"] == "hit"
        assert answer.content == first.content
    assert len(entries(bounded_cache)) == 1
    assert b"utm=" not in client.get("/search/?q=development&utm=5").content


@pytest.mark.django_db
def test_parameters_a_page_reads_still_make_their_own_page(client, bounded_cache):
    load_resolution(make_resolution())
    client.get("/resolutions/?page=1")
    assert client.get("/resolutions/?page=1&utm=1")["X-Cache"] == "hit"
    assert client.get("/resolutions/?body=GA")["X-Cache"] == "miss"


@pytest.mark.django_db
def test_a_new_deployment_is_never_served_pages_of_the_old_one(client, settings):
    load_resolution(make_resolution())
    assert client.get("/A/RES/70/126/")["X-Cache"] == "miss"
    assert client.get("/A/RES/70/126/")["X-Cache"] == "hit"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
    page_cache.deployment_version.cache_clear()  # a new process: what a deploy or settings change starts
    assert client.get("/A/RES/70/126/")["X-Cache"] == "miss"


@pytest.mark.django_db
def test_a_damaged_cache_entry_is_a_miss_not_a_500(client, bounded_cache):
    load_resolution(make_resolution())
    first = client.get("/A/RES/70/126/")
    [entry] = entries(bounded_cache)
    entry.write_bytes(entry.read_bytes()[:40] + b"\x00garbage")
    again = client.get("/A/RES/70/126/")
    assert again.status_code == 200 and again["X-Cache"] == "miss"
    assert again.content == first.content
    assert client.get("/A/RES/70/126/")["X-Cache"] == "hit"


def test_the_cache_folder_is_bounded_in_bytes(bounded_cache):
    cache = caches["default"]
    for n in range(30):
        cache.set(f"page-{n}", b"x" * 50_000, 60)
        if n == 20:
            (bounded_cache / ".last-cull").touch()
            os.utime(bounded_cache / ".last-cull", (0, 0))  # the minute since the last cull has passed
    assert sum(entry.stat().st_size for entry in entries(bounded_cache)) <= 400_000 + 9 * 50_100
    assert cache.cull_now() >= 0
    assert sum(entry.stat().st_size for entry in entries(bounded_cache)) <= 400_000
    assert cache.get("page-29") is not None  # the newest are kept


def test_a_write_does_not_list_the_folder_between_culls(bounded_cache, monkeypatch):
    cache = caches["default"]
    cache.set("first", b"x", 60)  # culls (no marker yet), then writes the marker
    listed = []
    monkeypatch.setattr(type(cache), "_list_cache_files", lambda self: listed.append(1) or [])
    started = time.perf_counter()
    for n in range(200):
        cache.set(f"page-{n}", b"x", 60)
    assert listed == [], "a write listed the whole cache folder"
    assert time.perf_counter() - started < 5
