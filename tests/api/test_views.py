"""The read API: lists paged by cursor, details by symbol and key, citations both ways, search, and what HTTP
makes of them (ETags, throttling, CORS, errors in JSON)."""

import pytest
from rest_framework.settings import api_settings

from resolutions.models import Citation, Resolution

SEEDS = ["A/RES/68/131", "A/RES/70/126", "E/ESCAP/RES/67/8", "E/RES/2010/12"]


def _pages(client, url):
    """Every page of a cursor-paged list, following ``next``."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        pages.append(response.json())
        url = pages[-1]["next"]
    return pages


def test_pages_of_one_see_every_resolution_once_in_symbol_order(client, seeded):
    pages = _pages(client, "/api/v1/resolutions/?page_size=1")
    seen = [row["symbol"] for page in pages for row in page["results"]]
    assert seen == sorted(SEEDS) and len(pages) == len(SEEDS)


def test_pages_run_back_with_previous(client, seeded):
    last = _pages(client, "/api/v1/resolutions/?page_size=3")[-1]
    back = client.get(last["previous"]).json()
    assert [row["symbol"] for row in back["results"]] == sorted(SEEDS)[:3]


def test_the_list_takes_the_browse_filters(client, seeded):
    rows = client.get("/api/v1/resolutions/?body=GA&year_from=2014").json()["results"]
    assert [row["symbol"] for row in rows] == ["A/RES/70/126"]
    assert rows[0]["url"] == "http://testserver/A/RES/70/126/"
    assert rows[0]["api_url"] == "http://testserver/api/v1/resolutions/A/RES/70/126/"


@pytest.mark.parametrize(
    ("query", "message"),
    [("year_from=abc", "year_from: Enter a whole number."), ("body=XX", "body: Select a valid choice.")],
)
def test_bad_filters_answer_400_in_json(client, seeded, query, message):
    response = client.get(f"/api/v1/resolutions/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0].startswith(message)


def test_a_bad_cursor_answers_404_in_json(client, seeded):
    response = client.get("/api/v1/resolutions/?cursor=not-a-cursor")
    assert response.status_code == 404 and response.json() == {"errors": ["Invalid cursor"]}


def test_resolution_detail_has_its_text_notes_citations_and_votes(client, seeded):
    body = client.get("/api/v1/resolutions/A/RES/70/126/").json()
    resolution = Resolution.objects.get(symbol="A/RES/70/126")
    assert [p["key"] for p in body["paragraphs"]] == list(
        resolution.paragraphs.order_by("order").values_list("key", flat=True)
    )
    assert [f["marker"] for f in body["footnotes"]] == list(
        resolution.footnotes.order_by("order").values_list("marker", flat=True)
    )
    assert len(body["citations"]) == resolution.citations.count() > 0
    assert body["links"]["akn"] == "http://testserver/A/RES/70/126.akn.xml"
    assert body["votes"] == [
        {"member_state": vote.member_state, "vote": vote.get_vote_display().lower()}
        for vote in resolution.votes.order_by("member_state")
    ]


def test_a_symbol_with_a_space_is_written_with_an_underscore(client, db):
    from resolutions.store.load import load_resolution
    from tests.conftest import make_resolution

    load_resolution(make_resolution("A/RES/75/101 A"))
    assert client.get("/api/v1/resolutions/A/RES/75/101_A/").json()["symbol"] == "A/RES/75/101 A"


def test_paragraph_detail_by_key(client, seeded):
    body = client.get("/api/v1/resolutions/A/RES/70/126/paragraphs/op5/").json()
    assert body["key"] == "op5" and body["label"] == "para. 5"
    assert body["url"] == "http://testserver/A/RES/70/126/op5/"
    assert body["resolution"]["symbol"] == "A/RES/70/126"


def test_paragraphs_are_paged_in_document_order(client, seeded):
    pages = _pages(client, "/api/v1/resolutions/A/RES/70/126/paragraphs/?page_size=2")
    keys = [row["key"] for page in pages for row in page["results"]]
    expected = Resolution.objects.get(symbol="A/RES/70/126").paragraphs.order_by("order")
    assert keys == list(expected.values_list("key", flat=True))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/v1/resolutions/A/RES/99/999/", "The archive holds no resolution A/RES/99/999."),
        ("/api/v1/resolutions/A/RES/70/126/paragraphs/op99/", "A/RES/70/126 has no paragraph op99."),
        ("/api/v1/resolutions/A/RES/99/999/cites/", "The archive holds no resolution A/RES/99/999."),
    ],
)
def test_unknown_addresses_answer_404_in_json(client, seeded, path, message):
    response = client.get(path)
    assert response.status_code == 404 and response.json() == {"errors": [message]}


def test_cites_and_cited_by_are_the_two_ends_of_one_citation(client, seeded):
    citation = Citation.objects.filter(target__isnull=False).select_related("resolution", "target").first()
    citing, cited = citation.resolution.symbol, citation.target.symbol
    cites = [
        row for page in _pages(client, f"/api/v1/resolutions/{citing}/cites/?page_size=1") for row in page["results"]
    ]
    cited_by = [row for page in _pages(client, f"/api/v1/resolutions/{cited}/cited-by/") for row in page["results"]]
    assert len(cites) == Citation.objects.filter(resolution=citation.resolution).count()
    assert any(row["target_symbol"] == cited and row["target_held"] for row in cites)
    assert any(row["citing_symbol"] == citing for row in cited_by)


def test_search_answers_as_the_first_endpoint(client, seeded):
    from resolutions.search import index

    index.rebuild()
    first = client.get("/api/search?q=social&page=1").json()
    second = client.get("/api/v1/search?q=social&page=1").json()
    assert second == first and second["total"] > 0


def test_search_errors_in_json(client, seeded):
    response = client.get("/api/v1/search?page=0")
    assert response.status_code == 400 and response.json()["errors"]


def test_etag_and_304(client, seeded):
    response = client.get("/api/v1/resolutions/A/RES/70/126/")
    etag = response["ETag"]
    assert etag
    again = client.get("/api/v1/resolutions/A/RES/70/126/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/resolutions/A/RES/68/131/", HTTP_IF_NONE_MATCH=etag)
    assert other.status_code == 200


def test_anonymous_clients_are_throttled_with_retry_after(client, seeded, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [client.get("/api/v1/resolutions/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/resolutions/")
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["errors"][0].startswith("Request was throttled.")


def test_the_rate_is_a_setting(settings):
    assert api_settings.DEFAULT_THROTTLE_RATES["anon"] == settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]


def test_cors_allows_reads_from_anywhere(client, seeded):
    response = client.get("/api/v1/resolutions/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/resolutions/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writes_are_refused_in_json(client, seeded):
    response = client.post("/api/v1/resolutions/", {})
    assert response.status_code == 405 and response.json()["errors"]


def test_the_openapi_description_is_generated_at_both_addresses(client, db):
    schema = client.get("/api/v1/schema").json()
    assert client.get("/api/openapi.json").json() == schema
    assert "/api/v1/resolutions/" in schema["paths"] and "/api/v1/search" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "page", "body", "cites", "kind"} <= parameters


def test_votes_name_their_state_by_name_and_code(client, seeded):
    from resolutions.models import MemberState, Resolution, Vote

    resolution = Resolution.objects.get(symbol="A/RES/70/126")
    chile = MemberState.objects.create(code="CHL", name="Chile")
    Vote.objects.create(resolution=resolution, member_state=chile, vote="Y")
    data = client.get("/api/v1/resolutions/A/RES/70/126/").json()
    assert data["votes"] == [{"member_state": "Chile", "member_state_code": "CHL", "vote": "yes"}]


@pytest.mark.django_db
def test_an_api_parameter_without_a_value_is_refused_in_json(client):
    """The description has no empty values: ``?year_to=`` is a 400 naming the parameter, not a quiet default."""
    response = client.get("/api/v1/resolutions/", {"year_to": "", "body": "GA"})
    assert response.status_code == 400
    assert response.json() == {"errors": ["year_to: give a value, or leave the parameter out"]}
