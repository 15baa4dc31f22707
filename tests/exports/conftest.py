"""Fixtures the tests of the exports share: hand-made citations (no database) and the seeds, imported."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from resolutions.exports.cited import Cited
from tests.conftest import PROJECT
from tests.web.conftest import search_archive  # noqa: F401 (the bulk tests export that archive)


def make_cited(key="", text="", **fields) -> Cited:
    values = {
        "symbol": "A/RES/70/126",
        "number": "70/126",
        "title": "Promoting social integration through social inclusion",
        "body_code": "GA",
        "body_name": "General Assembly",
        "adopted_on": dt.date(2015, 12, 17),
        "url": "https://archive.example.org/A/RES/70/126/" + (f"{key}/" if key else ""),
        "key": key,
        "text": text,
    }
    values.update(fields)
    return Cited(**values)


@pytest.fixture
def resolution_cited():
    return make_cited()


@pytest.fixture
def paragraph_cited():
    return make_cited("op5", "Calls upon Member States to promote social protection floors & 100% coverage;")


@pytest.fixture
def seeded(db, settings):
    """The seed resolutions of fixtures/resolutions.json, imported as ``make run`` imports them."""
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
