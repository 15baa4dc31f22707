"""Hand-made citations the tests of the export formats share (pure: no database)."""

import datetime as dt

import pytest

from resolutions.exports.cited import Cited
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
