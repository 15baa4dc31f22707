"""Exact totals and facet counts: the index against PostgreSQL counting the same condition in the texts."""

import io
import json

import pytest
from django.core.management import call_command

from resolutions.ingest.document import ParsedResolution
from resolutions.search import verify
from resolutions.store.load import load_resolution
from tests.conftest import PROJECT

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    for data in json.loads((PROJECT / "fixtures" / "resolutions.json").read_text())["resolutions"]:
        load_resolution(ParsedResolution.from_dict(data))


QUERIES = [
    *verify.STANDARD_QUERIES,
    "calls upon",
    '"Member States"',
    "women OR girls",
    "(women OR girls) -violence",
    "persons disabilities",
    "title:inclusion",
    "symbol:A/RES/*",
    "youth*",
    "e-government",
    "zyzzyva",
]
FILTERS = [
    {},
    {"body": "GA"},
    {"kind": "operative"},
    {"year_from": 2011},
    {"year_to": 2011, "body": "ECOSOC"},
    {"opening": "Recognizing"},
    {"committee": "third committee"},
    {"session": "70"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda filters: ",".join(filters) or "none")
def test_totals_and_facet_counts_equal_postgresql(seeds, filters):
    differing = [outcome.describe() for outcome in verify.compare_all(QUERIES, filters) if not outcome.equal]
    assert not differing


def test_the_check_itself_can_fail(seeds, monkeypatch):
    """A deliberately wrong index answer (one hit fewer) is caught."""
    from resolutions.search import execute

    real = execute.total
    monkeypatch.setattr(execute, "total", lambda searcher, query: real(searcher, query) - 1)
    assert not verify.compare("social").equal


@pytest.mark.corpus
def test_on_the_real_corpus(corpus, settings):
    """A slice of the UN's AKN corpus (80 resolutions of session 79): every standard query, exact against PostgreSQL.

    The whole corpus is checked by ``benchmarks/bench.py``; this keeps the suite short."""
    files = sorted((corpus / "unxml-ga" / "79" / "English").glob("*.xml"))[:80]
    call_command("ingest", *map(str, files), "--quiet-warnings", stdout=io.StringIO(), stderr=io.StringIO())
    differing = [outcome.describe() for outcome in verify.compare_all(verify.STANDARD_QUERIES) if not outcome.equal]
    assert not differing
