"""No input makes the search fail: limits answered with a message and status 400, a fuzz test."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.search.execute import max_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_archive")]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x" * 501}, "at most 500 characters"),
        ({"q": "poverty " * 1250}, "at most 500 characters"),
        ({"q": " OR ".join(f"word{i}" for i in range(100))}, "at most 500 characters"),
        ({"q": " OR ".join(["aid"] * 30)}, "at most 20"),
        ({"q": "poverty", "page": "-1"}, "greater than or equal to 1"),
        ({"q": "poverty", "page": "0"}, "greater than or equal to 1"),
        ({"q": "poverty", "page": "abc"}, "whole number"),
        ({"q": "poverty", "page": str(10**12)}, "Results are shown up to page"),
        ({"q": "poverty", "body": "NOPE"}, "Select a valid choice"),
        ({"q": "poverty", "kind": "footnote"}, "Select a valid choice"),
        ({"q": "poverty", "sort": "random"}, "Select a valid choice"),
        ({"q": "poverty", "view": "cards"}, "Select a valid choice"),
        ({"q": "poverty", "year_from": "abc"}, "whole number"),
        ({"q": "poverty", "year_from": "2015", "year_to": "2010"}, "year range is empty"),
        ({"q": "poverty", "cites": "not a symbol"}, "not a UN document symbol"),
        ({"q": "poverty\x00"}, "Null characters"),
        ({"q": "poverty", "session": "70\x00"}, "Null characters"),
        ({"q": "-ageing"}, "at least one word to find"),
        ({"q": "the of and"}, "very common words"),
        ({"q": "the -of"}, "very common words"),
        ({"q": '& | ! : * ( ) <-> ""'}, "very common words"),
        ({"q": ""}, None),
        ({"q": "", "body": "GA"}, "Type some words"),
        ({"q": "poverty OR -ageing"}, "cannot be one side of an OR"),
        ({"q": "<script>alert(1)</script>"}, "only HTML markup"),
        ({"q": "s*"}, "at least 2 letters"),
    ],
)
def test_bad_input_gets_a_message_and_400(client, params, message):
    api = client.get("/api/search", params)
    page = client.get("/search/", params)
    if message is None:
        assert api.status_code == 200 and page.status_code == 200
        return
    assert api.status_code == 400
    assert any(message in error for error in api.json()["errors"]), api.json()
    assert page.status_code == 400
    assert message in page.content.decode().replace("&#x27;", "'")


def test_page_limit_is_the_deepest_hit(client):
    response = client.get("/api/search", {"q": "poverty", "page": str(max_page() + 1)})
    assert response.status_code == 400
    assert client.get("/api/search", {"q": "poverty", "page": str(max_page())}).json()["page"] == 1
    grouped = client.get(
        "/api/search", {"q": "poverty", "view": "resolutions", "page": str(max_page(grouped=True) + 1)}
    )
    assert grouped.status_code == 400


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%ff%fe%fd",
        "q=pov%e9rty",
        "q=%c3%28",
        "q=%00%00",
        "q=poverty&page=%ff",
        "q=poverty&body=%ff",
        "q=%22unclosed",
        "q=-%22%22",
        "q=OR+OR+OR",
        "q=a%3A*+%26+b",
        "q=%3C-%3E",
        "q=poverty&q=ageing",
    ],
)
def test_odd_query_strings_never_fail(client, query_string):
    for path in ("/search/", "/api/search"):
        response = client.get(path, QUERY_STRING=query_string)
        assert response.status_code in (200, 302, 400), (path, query_string, response.status_code)


@pytest.fixture
def fuzz_client(client):
    return client


SEARCH_ALPHABET = st.sampled_from(
    [
        *list("abcdeiloprsty \"-&|!:*()<>\\'/.,;%"),
        "OR",
        " OR ",
        "<->",
        "\x00",
        "é",
        "—",
        "\ue002",
        "😀",
        "70/126",
        "poverty",
        "older",
        "youth",
        "social",
    ]
)


@settings(
    max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    query=st.one_of(st.text(max_size=60), st.lists(SEARCH_ALPHABET, max_size=30).map("".join)),
    page=st.one_of(st.none(), st.integers(-5, 400).map(str), st.text(max_size=5)),
    sort=st.sampled_from([None, "relevance", "date", "x"]),
    view=st.sampled_from([None, "paragraphs", "resolutions"]),
)
def test_fuzzed_queries_never_fail(fuzz_client, query, page, sort, view):
    params = {"q": query}
    for name, value in (("page", page), ("sort", sort), ("view", view)):
        if value is not None:
            params[name] = value
    response = fuzz_client.get("/api/search", params)
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 200:
        body = response.json()
        assert "reference" in body or body["total"] >= len(body.get("results", []))
