"""The shared caches: Redis (a real redis-server on loopback) when REDIS_URL is set, else files; never an error page."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from archive import local_servers
from archive.cache import shared_caches
from archive.environment import read_environment
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

PAGE = "/A/RES/70/126/op1/"


@pytest.fixture(scope="module")
def redis_server():
    if local_servers.redis_server_binary() is None:
        pytest.skip("redis-server is not installed (make servers installs Debian's redis-server)")
    folder = Path(tempfile.mkdtemp(prefix="archive-redis-"))
    server = local_servers.start_redis(folder, max_memory="64mb")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def redis_caches(settings, redis_server):
    """The settings a machine gets with REDIS_URL, on an empty Redis."""
    redis.Redis.from_url(redis_server.url).flushall()
    settings.CACHES = shared_caches(read_environment({"REDIS_URL": redis_server.url}))
    settings.PAGE_CACHE_SECONDS = 60
    return redis_server


def test_without_redis_the_file_cache_is_the_default(tmp_path):
    configured = shared_caches(read_environment({"PAGE_CACHE_DIR": str(tmp_path)}))
    assert configured["default"]["BACKEND"] == "archive.file_cache.BoundedFileCache"
    assert configured["default"]["LOCATION"] == str(tmp_path)


def test_with_redis_url_both_caches_are_djangos_redis_backend():
    configured = shared_caches(read_environment({"REDIS_URL": "redis://cache:6379/0"}))
    assert {entry["BACKEND"] for entry in configured.values()} == {"archive.cache.SharedRedisCache"}
    assert configured["default"]["KEY_PREFIX"] != configured["throttle"]["KEY_PREFIX"]


@pytest.mark.django_db
def test_pages_are_kept_in_redis_and_an_import_ends_them(client, redis_caches):
    parsed = make_resolution()
    load_resolution(parsed)
    first = client.get(PAGE)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    stored = redis.Redis.from_url(redis_caches.url).keys("archive:*")
    assert stored, "the page was not written to Redis"
    again = client.get(PAGE)
    assert again["X-Cache"] == "hit" and again.content == first.content

    changed = dataclasses.replace(parsed, paragraphs=[dataclasses.replace(p) for p in parsed.paragraphs])
    changed.paragraphs[1].text = "Takes note with appreciation of the report;"
    load_resolution(changed)
    after = client.get(PAGE)
    assert after["X-Cache"] == "miss" and b"with appreciation" in after.content


@pytest.mark.django_db
def test_a_page_cached_by_one_machine_is_served_by_another(client, redis_caches):
    """Two machines are two cache clients of one Redis: what one stored, the other reads."""
    load_resolution(make_resolution())
    first = client.get(PAGE)
    assert first["X-Cache"] == "miss"
    (stored,) = redis.Redis.from_url(redis_caches.url).keys("archive:*:page:*")
    other_machine = caches.create_connection("default")  # its own client and connections to the one Redis
    content, content_type, _ = other_machine.get(stored.decode().split(":", 2)[2])
    assert content == first.content and content_type == first["Content-Type"]


@pytest.mark.django_db
def test_redis_gone_costs_speed_not_the_answer(client, settings, redis_server):
    port = local_servers.free_port()  # nothing listens there
    settings.CACHES = shared_caches(read_environment({"REDIS_URL": f"redis://127.0.0.1:{port}/0"}))
    settings.PAGE_CACHE_SECONDS = 60
    load_resolution(make_resolution())
    for _ in range(2):
        response = client.get(PAGE)
        assert response.status_code == 200 and response["X-Cache"] == "miss"
