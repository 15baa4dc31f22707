"""The search page and the API's search with the record's filters: the form, the chips, the facets by name."""

import re

import pytest

from tests.search.conftest import record_archive  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_where_a_state_voted_no(client, record_archive):  # noqa: F811
    page = client.get("/search/", {"q": "development", "voter": "fra", "vote": "no"})
    assert page.status_code == 200
    shown = text(page)
    assert "3 hits in 1 resolution" in shown
    assert "Voting state: France" in shown and "Its vote: No" in shown
    # The facet of the chosen state's votes, each vote with the search narrowed to it.
    assert re.search(r"Vote of France .*Yes 3 .*No 3", shown)
    html = page.content.decode()
    assert '<option value="FRA" selected>France</option>' in html
    assert '<option value="no" selected>No</option>' in html


def test_facets_name_states_goals_and_subjects(client, record_archive):  # noqa: F811
    page = client.get("/search/", {"q": "development"})
    shown = text(page)
    assert re.search(r"Adopted By a recorded vote 6 Without a vote 1", shown)
    assert re.search(r"Sponsor France 6 Chile 3 Japan 1", shown)
    assert re.search(r"SDG 10: Reduced inequalities 6 SDG 1: No poverty 3", shown)
    assert re.search(r"Subject SOCIAL DEVELOPMENT 6 HUMAN RIGHTS 3", shown)
    assert 'href="?q=development&amp;sponsor=CHL"' in page.content.decode()


def test_a_subject_typed_by_its_name(client, record_archive):  # noqa: F811
    page = client.get("/search/", {"q": "development", "subject": "Human rights"})
    assert "3 hits in 1 resolution" in text(page)
    assert 'name="subject" value="HUMAN RIGHTS"' in page.content.decode()


def test_bad_record_filters_answer_400(client, record_archive):  # noqa: F811
    page = client.get("/search/", {"q": "development", "vote": "no"})
    assert page.status_code == 400
    assert "Choose the Member State whose vote" in text(page)
    assert client.get("/api/v1/search", {"q": "development", "sponsor": "ZZZ"}).status_code == 400


def test_the_api_searches_with_the_record_filters(client, record_archive):  # noqa: F811
    body = client.get("/api/v1/search", {"q": "development", "adoption": "recorded", "sdg": "1"}).json()
    assert body["total"] == 3
    assert body["filters"] == {"adoption": "recorded", "sdg": "1"}
    assert {hit["symbol"] for hit in body["results"]} == {"A/RES/70/1"}
    assert body["facets"]["sponsor"] == [{"value": "CHL", "count": 3}, {"value": "FRA", "count": 3}]
    assert body["facets"]["vote"] == []
    schema = client.get("/api/v1/schema", HTTP_ACCEPT="application/json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"adoption", "voter", "vote", "sponsor", "sdg", "subject"} <= parameters
