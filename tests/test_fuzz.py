"""Generated inputs for every public URL and parameter: no 5xx, and the API as its description says.

The JSON API is fuzzed by schemathesis from its OpenAPI description (generated from the code by
drf-spectacular), both ways, with a fixed seed and a bounded number of examples per operation: every
answer must have a documented status, content type and body schema; what the description rules out is
refused, and what it allows is accepted. The HTML views by hypothesis, with odd paths, parameters,
bytes and lengths.
"""

import io
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import schemathesis
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from archive.wsgi import application
from resolutions.ingest.document import Vote as ParsedVote
from resolutions.search.execute import max_page
from resolutions.search.filters import ParagraphSearchFilter
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "resolutions.json"
FUZZ_SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)

API_FUZZ_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
PATH_PARAMETER = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9./()_-]*"
)  # symbols and keys, as resolutions/api/urls.py routes them
CONFORMANCE = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    # Both ways: what the description rules out (a year of 0, a page size of 0, a sort it does not list, an empty
    # value) is refused with a 4xx, and what it allows is accepted (no 400 for a valid value; a symbol or a state
    # the archive does not hold may be a 404).
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.positive_data_acceptance,
]
# What a description cannot state but in words (the parameters' descriptions and the 400 say it): a filter by a
# Member State, a subject or a cited document names one the archive holds, and a search has a word that is not a
# stop word. A valid case takes these values.
HELD_BY_THE_ARCHIVE = {"voter": "FRA", "sponsor": "fra", "subject": "social-development", "cites": "A/RES/65/1"}


def with_values_the_archive_holds(case) -> None:
    """A positive case's filters by what the archive holds, given values it holds (a vote with its voter)."""
    if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE or not case.query:
        return
    for name, value in HELD_BY_THE_ARCHIVE.items():
        if name in case.query:
            case.query[name] = value
    if case.query.get("vote") and "voter" not in case.query:
        case.query["voter"] = HELD_BY_THE_ARCHIVE["voter"]
    if "q" in case.query:
        # A query of stop words or punctuation alone is refused (its 400 says to add a specific word): one leads.
        case.query["q"] = f"development {case.query['q']}"


@pytest.fixture
def archive(db):
    """The seed resolutions, and one with a recorded vote (France's) and a subject to filter by."""
    call_command("ingest", str(FIXTURE), "--quiet-warnings", stdout=io.StringIO())
    load_resolution(
        make_resolution(
            "A/RES/70/1",
            votes=[ParsedVote("FRANCE", "Y")],
            metadata={"sponsors": ["FRANCE"], "subjects": [["SOCIAL DEVELOPMENT", "UNBIS Thesaurus"]]},
        )
    )


@pytest.fixture
def wsgi_app(archive):
    """The real WSGI application, minus the signal that would close the test's own connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def unthrottled(monkeypatch):
    """The fuzzing client makes thousands of requests: the anonymous rate would answer most with 429."""
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1000000/minute"})


def _year(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def rules_across_parameters_broken(query: dict) -> bool:
    """The rules between parameters an OpenAPI description cannot state (its 400 says them in words):
    ``year_from`` after ``year_to``, a search's page past the last of its view, and a search's filters without
    words to search for."""
    first, last = _year(query.get("year_from")), _year(query.get("year_to"))
    if first is not None and last is not None and first > last:
        return True
    page = _year(query.get("page"))
    if page is not None and query.get("view") != "resolutions" and page > max_page(grouped=False):
        return True  # the description's maximum is the last page of resolutions; paragraphs end sooner
    filters = set(ParagraphSearchFilter.base_filters)  # every filter, as the search reads them
    return not str(query.get("q") or "").strip() and any(query.get(name) not in (None, "") for name in filters)


@schema.parametrize()
@API_FUZZ_SETTINGS
def test_api_answers_as_its_description_says(case, wsgi_app, unthrottled):
    # Path parameters outside their documented pattern (control characters…) are refused before the API by the
    # request guard, in plain text: tested with the HTML views below, not here.
    assume(all(PATH_PARAMETER.fullmatch(str(value)) for value in (case.path_parameters or {}).values()))
    with_values_the_archive_holds(case)
    assume(not rules_across_parameters_broken(case.query or {}))
    response = case.call(app=wsgi_app, headers={"Accept-Encoding": "identity"})  # the WSGI client does not unzip
    assert response.status_code < 500, (case.path, case.query, response.status_code)
    case.validate_response(response, checks=CONFORMANCE)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "CONNECT"])
@pytest.mark.parametrize("address", ["/api/v1/resolutions/", "/api/search", "/", "/A/RES/70/126/"])
def test_methods_the_archive_does_not_take_are_405(client, method, address):
    response = client.generic(method, address)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_the_description_documents_year_bounds_and_400s():
    description = SchemaGenerator().get_schema(request=None, public=True)
    listing = description["paths"]["/api/v1/resolutions/"]["get"]
    year_from = next(p for p in listing["parameters"] if p["name"] == "year_from")
    assert year_from["schema"].get("minimum") == 1945
    search = description["paths"]["/api/v1/search"]["get"]
    assert next(p for p in search["parameters"] if p["name"] == "year_from")["schema"].get("minimum") == 1945
    for path, operations in description["paths"].items():
        assert "400" in operations["get"]["responses"], path


ODD_TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            '"',
            "&|!:*()<->",
            "\x00",
            "%00",
            "%ff%fe",
            "-1",
            "1000000000000",
            "abc",
            "A/RES/70/126",
            "70/126",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "../../etc/passwd",
            "//evil.example",
            "https://evil.example/",
            "a" * 10_000,
            " OR ".join(["x"] * 100),
            "para. 5",
            "op5",
            "S-24/2",
            "E/ESCAP/RES/67/8",
        ]
    ),
)
PATH_TEMPLATES = st.sampled_from(
    [
        "/",
        "/bodies/",
        "/bodies/{0}/",
        "/bodies/{0}/{1}/",
        "/resolutions/",
        "/cite/",
        "/search/",
        "/{0}/",
        "/A/RES/{0}/{1}/",
        "/A/RES/70/126/{0}/",
        "/E/ESCAP/RES/67/{0}/",
        "/{0}/{1}/",
        "/feeds/recent.atom",
        "/sitemap-{0}.xml",
        "/api/search",
    ]
)
PARAMETERS = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "page",
            "body",
            "session",
            "year_from",
            "year_to",
            "committee",
            "sort",
            "order",
            "title",
            "kind",
            "opening",
            "cites",
            "view",
            "next",
            "{0}",
        ]
    ),
    ODD_TEXT,
    max_size=4,
)


@given(template=PATH_TEMPLATES, a=ODD_TEXT, b=ODD_TEXT, params=PARAMETERS)
@FUZZ_SETTINGS
def test_html_views_never_answer_5xx(client, archive, template, a, b, params):
    path = template.format(quote(a[:200], safe=""), quote(b[:200], safe=""))
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params.items())
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code < 500, (path, query, response.status_code)
    if response.status_code in (301, 302, 307, 308):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), f"open redirect to {location}"


@pytest.mark.parametrize(
    "raw_query",
    [b"q=%ff%fe%fd", b"q=\xff\xfe", b"page=%00", b"q=" + b"%41" * 20_000, b"q=a&q=b&page=1&page=2"],
)
def test_invalid_bytes_in_query_strings(client, archive, raw_query):
    for path in ["/search/", "/api/search", "/resolutions/", "/cite/"]:
        response = client.get(path, QUERY_STRING=raw_query.decode("latin-1"))
        assert response.status_code < 500, (path, raw_query[:40], response.status_code)
