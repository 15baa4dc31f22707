"""The seed resolutions of fixtures/resolutions.json, imported as ``make run`` imports them."""

import io

import pytest
from django.core.management import call_command

from tests.conftest import PROJECT


@pytest.fixture
def seeded(db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    call_command("ingest", str(PROJECT / "fixtures" / "resolutions.json"), "--quiet-warnings", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Throttle counts live in the throttle cache: each test starts with none."""
    from django.core.cache import caches

    cache = caches["throttle"]

    cache.clear()
    yield
    cache.clear()
