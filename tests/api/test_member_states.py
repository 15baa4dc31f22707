"""The Member States in the API: the list by ISO code, one state, its votes (filtered) and its sponsorships, each
list cursor-paged, and all of it in the generated OpenAPI description."""

import pytest

from tests.api.test_views import _pages
from tests.search.conftest import record_archive  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_list_pages_every_state_once_by_code(client, record_archive):  # noqa: F811
    pages = _pages(client, "/api/v1/states/?page_size=2")
    rows = [row for page in pages for row in page["results"]]
    assert [row["code"] for row in rows] == ["CHL", "FRA", "JPN"]
    assert rows[1] == {
        "code": "FRA",
        "name": "France",
        "vote_count": 2,
        "sponsored_count": 2,
        "url": "http://testserver/states/FRA/",
        "api_url": "http://testserver/api/v1/states/FRA/",
    }


def test_one_state_by_its_code_in_any_case(client, record_archive):  # noqa: F811
    body = client.get("/api/v1/states/jpn/").json()
    assert (body["code"], body["name"], body["vote_count"], body["sponsored_count"]) == ("JPN", "Japan", 2, 1)
    assert body["links"] == {
        "votes": "http://testserver/api/v1/states/JPN/votes/",
        "sponsorships": "http://testserver/api/v1/states/JPN/sponsorships/",
    }


def test_its_votes_by_symbol_and_filtered(client, record_archive):  # noqa: F811
    rows = [row for page in _pages(client, "/api/v1/states/FRA/votes/?page_size=1") for row in page["results"]]
    assert [(row["resolution"]["symbol"], row["vote"]) for row in rows] == [("A/RES/70/1", "yes"), ("A/RES/70/2", "no")]
    assert rows[0]["resolution"]["api_url"] == "http://testserver/api/v1/resolutions/A/RES/70/1/"
    against = client.get("/api/v1/states/FRA/votes/?vote=no").json()["results"]
    assert [row["resolution"]["symbol"] for row in against] == ["A/RES/70/2"]
    assert client.get("/api/v1/states/FRA/votes/?year_from=2016").json()["results"][0]["vote"] == "no"


def test_its_sponsorships_list_each_listing(client, record_archive):  # noqa: F811
    rows = client.get("/api/v1/states/FRA/sponsorships/").json()["results"]
    assert [(row["resolution"]["symbol"], row["role"]) for row in rows] == [
        ("A/RES/70/1", "sponsor"),
        ("A/RES/70/2", "sponsor"),
        ("A/RES/70/2", "additional"),
    ]
    assert rows[0]["name"] == "FRANCE"


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/v1/states/XYZ/", 404, "no Member State with the ISO code 'XYZ'"),
        ("/api/v1/states/XYZ/votes/", 404, "no Member State with the ISO code 'XYZ'"),
        ("/api/v1/states/FRA/votes/?vote=maybe", 400, "vote: Select a valid choice."),
        ("/api/v1/states/FRA/votes/?year_from=2020&year_to=2010", 400, "The year range is empty"),
        ("/api/v1/states/FRA/votes/?cursor=nonsense", 404, "Invalid cursor"),
        ("/api/v1/states/FRANCE/", 404, "No API address"),
    ],
)
def test_errors_in_json(client, record_archive, path, status, message):  # noqa: F811
    response = client.get(path)
    assert response.status_code == status
    assert message in response.json()["errors"][0]


def test_the_state_endpoints_are_described(client, db):
    paths = client.get("/api/v1/schema").json()["paths"]
    assert {
        "/api/v1/states/",
        "/api/v1/states/{code}/",
        "/api/v1/states/{code}/votes/",
        "/api/v1/states/{code}/sponsorships/",
    } <= set(paths)
    parameters = {p["name"] for p in paths["/api/v1/states/{code}/votes/"]["get"]["parameters"]}
    assert {"cursor", "page_size", "session", "committee", "vote", "year_from", "year_to"} <= parameters
