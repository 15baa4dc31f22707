"""Per-client limits on searches and exports (resolutions/web/client_limits.py): 429 with Retry-After."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings, tmp_path, search_index):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "archive.file_cache.BoundedFileCache", "LOCATION": str(tmp_path / "cache")},
    }
    settings.SEARCH_RATE = "5/m"
    settings.EXPORT_RATE = "2/m"
    settings.SEARCH_CACHE_SECONDS = 0  # every search computed


@pytest.mark.parametrize("address", ["/search/?q=poverty{n}", "/api/search?q=poverty{n}"])
def test_a_client_looping_on_searches_is_told_to_wait(client, limits, address):
    statuses = [client.get(address.format(n=n)).status_code for n in range(7)]
    assert 429 not in statuses[:5]
    assert statuses[5:] == [429, 429]
    limited = client.get(address.format(n=99))
    assert 0 < int(limited["Retry-After"]) <= 60
    if address.startswith("/api/"):
        assert limited.json()["errors"]
    other = client.get(address.format(n=1), REMOTE_ADDR="192.0.2.7")
    assert other.status_code != 429  # another client is not limited


def test_exports_are_limited_per_client(client, limits):
    statuses = [client.get(f"/search/export.csv?q=development{n}").status_code for n in range(3)]
    assert statuses[2] == 429 and 429 not in statuses[:2]


def test_the_address_a_proxy_in_front_names_is_the_client(client, limits, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    for n in range(5):
        client.get(f"/search/?q=x{n}", HTTP_X_REAL_IP="198.51.100.1")
    assert client.get("/search/?q=y", HTTP_X_REAL_IP="198.51.100.1").status_code == 429
    assert client.get("/search/?q=y", HTTP_X_REAL_IP="198.51.100.2").status_code != 429
