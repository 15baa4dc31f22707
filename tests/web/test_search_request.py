"""One request to the search, as both the page and the JSON API answer it: known answers on a small hand-made
archive."""

import pytest

from resolutions.store.load import load_resolution
from tests.conftest import make_resolution
from tests.web.conftest import numbered, paragraph

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get("/api/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def found(client, **params):
    """(symbol, paragraph key or footnote marker) of every hit, in order."""
    body = api(client, **params)
    return [
        (hit["symbol"], hit["paragraph"] if hit["type"] == "paragraph" else f"fn{hit['footnote']}")
        for hit in body["results"]
    ]


def test_words_match_stems_but_a_quoted_phrase_is_exact(client, search_archive):
    words = set(found(client, q="older persons"))
    assert words == {("A/RES/70/126", "pp1"), ("A/RES/70/126", "op1"), ("A/RES/70/126", "op2")}
    assert set(found(client, q='"older persons"')) == {("A/RES/70/126", "pp1"), ("A/RES/70/126", "op1")}


def test_stemming_finds_variants_and_a_quoted_word_does_not(client, search_archive):
    assert set(found(client, q="inclusion")) == {
        ("A/RES/70/126", "pp1"),
        ("A/RES/70/126", "op2"),
        ("E/RES/2010/12", "op2"),  # 70/126 op2 says "inclusive"
    }
    assert set(found(client, q='"inclusion"')) == {("A/RES/70/126", "pp1"), ("E/RES/2010/12", "op2")}


def test_exclusion(client, search_archive):
    assert set(found(client, q="urges")) == {("A/RES/70/126", "op1"), ("A/RES/70/126", "op3")}
    assert found(client, q="urges -ageing") == [("A/RES/70/126", "op1")]
    assert found(client, q='urges -"social protection"') == [("A/RES/70/126", "op3")]


def test_or(client, search_archive):
    assert set(found(client, q="poverty OR disabilities")) == {("E/RES/2010/12", "pp1"), ("E/RES/2010/12", "op2")}
    assert set(found(client, q="poverty OR disabilities development")) == {("E/RES/2010/12", "op2")}


def test_footnotes_are_hits_linked_to_their_paragraph(client, search_archive):
    body = api(client, q="pensioners")
    assert [hit["type"] for hit in body["results"]] == ["footnote"]
    hit = body["results"][0]
    assert hit["paragraph"] == "op3" and hit["footnote"] == "1"
    assert hit["url"].endswith("/A/RES/70/126/op3/")
    assert "<mark>pensioners</mark>" in hit["highlight"]


def test_opening_phrase_match_ranks_above_a_passing_mention(client, search_archive):
    assert found(client, q="urges") == [("A/RES/70/126", "op1"), ("A/RES/70/126", "op3")]


def test_title_match_ranks_above_an_equal_paragraph(client, search_archive):
    # The same text in two resolutions: the one whose title says "integration" comes first.
    assert found(client, q="integration importance") == [("E/RES/2010/12", "op3"), ("A/RES/72/140", "op3")]


def test_sort_by_date_newest_first(client, search_archive):
    assert [symbol for symbol, _ in found(client, q="importance", sort="date")] == ["A/RES/72/140", "E/RES/2010/12"]
    # Within a resolution, document order; a footnote after the paragraphs of its resolution.
    assert found(client, q="urges OR pensioners OR calls", sort="date") == [
        ("A/RES/70/126", "op1"),
        ("A/RES/70/126", "op2"),
        ("A/RES/70/126", "op3"),
        ("A/RES/70/126", "fn1"),
        ("E/RES/2010/12", "op1"),
    ]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"body": "ECOSOC"}, {("E/RES/2010/12", "op1")}),
        ({"session": "70"}, {("A/RES/70/126", "op2")}),
        ({"year_from": "2011"}, {("A/RES/70/126", "op2")}),
        ({"year_to": "2011"}, {("E/RES/2010/12", "op1")}),
        ({"year_from": "2010", "year_to": "2010"}, {("E/RES/2010/12", "op1")}),
        ({"committee": "third committee"}, {("A/RES/70/126", "op2")}),
        ({"kind": "operative"}, {("A/RES/70/126", "op2"), ("E/RES/2010/12", "op1")}),
        ({"kind": "preambular"}, set()),
        ({"opening": "Calls upon"}, {("A/RES/70/126", "op2"), ("E/RES/2010/12", "op1")}),
    ],
)
def test_each_filter(client, search_archive, params, expected):
    assert set(found(client, q="calls", **params)) == expected


def test_opening_phrase_filter_narrows(client, search_archive):
    assert set(found(client, q="social", opening="Urges")) == {("A/RES/70/126", "op1")}


def test_cites_filter(client, search_archive):
    assert found(client, q="youth", cites="A/RES/70/126") == [("A/RES/72/140", "op2")]
    assert found(client, q="youth", cites="70/126") == [("A/RES/72/140", "op2")]


def test_facet_counts_follow_the_query(client, search_archive):
    facets = api(client, q="calls")["facets"]
    assert {f["value"]: f["count"] for f in facets["body"]} == {"GA": 1, "ECOSOC": 1}
    assert {f["value"]: f["count"] for f in facets["year"]} == {"2015": 1, "2010": 1}
    assert {f["value"]: f["count"] for f in facets["opening"]} == {"Calls upon": 2}
    assert {f["value"]: f["count"] for f in api(client, q="social")["facets"]["kind"]} == {"operative": 2}


def test_total_and_grouping_by_resolution(client, search_archive):
    body = api(client, q="importance OR urges", view="resolutions")
    assert body["total"] == 4 and body["resolutions"] == 3
    groups = {group["symbol"]: [hit["paragraph"] for hit in group["hits"]] for group in body["groups"]}
    assert groups == {"A/RES/70/126": ["op1", "op3"], "E/RES/2010/12": ["op3"], "A/RES/72/140": ["op3"]}


@pytest.mark.parametrize(
    "query, target",
    [
        ("70/126", "/A/RES/70/126/"),
        ("A/RES/70/126", "/A/RES/70/126/"),
        ("a/res/70/126", "/A/RES/70/126/"),
        ("resolution 70/126 para 2", "/A/RES/70/126/op2/"),
        ("A/RES/70/126, para. 3", "/A/RES/70/126/op3/"),
        ("2010/12", "/E/RES/2010/12/"),
    ],
)
def test_symbol_or_citation_jumps_to_the_document(client, search_archive, query, target):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == target
    assert api(client, q=query)["reference"].endswith(target)


def test_did_you_mean_from_the_archive_vocabulary(client, search_archive):
    body = api(client, q="disabilties")
    assert body["total"] == 0
    assert body["suggestion"] == "disabilities"
    page = client.get("/search/", {"q": "Povrety"}).content.decode()
    assert "Did you mean" in page and ">Poverty</a>" in page


def test_no_hits_says_which_filters_removed_results(client, search_archive):
    body = api(client, q="poverty", body="GA", kind="operative")
    assert body["total"] == 0
    assert body["removed_by_filters"] == []  # removing either alone is not enough
    body = api(client, q="poverty", body="GA")
    assert body["removed_by_filters"] == ["body"]
    page = client.get("/search/", {"q": "poverty", "body": "GA"}).content.decode()
    assert "without <strong>Body</strong>" in page


def test_long_texts_show_fragments_around_the_matches(client):
    filler = " ".join(f"word{i}" for i in range(120))
    load_resolution(
        make_resolution(
            paragraphs=numbered(
                paragraph(
                    "op1", f"Decides {filler} to convene a summit on hydroponics {filler} in due course;", "Decides"
                ),
            )
        )
    )
    hit = api(client, q="hydroponics")["results"][0]
    assert "<mark>hydroponics</mark>" in hit["highlight"]
    assert hit["highlight"].startswith("… ") and hit["highlight"].endswith(" …") and len(hit["highlight"]) < 600


def test_results_are_cached_until_searchable_data_changes(client, search_archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert set(found(client, q="youth")) == {("A/RES/72/140", "op1"), ("A/RES/72/140", "op2")}
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/search", {"q": "youth"})["X-Cache"] == "hit"
    assert len(queries) == 1  # the data version: the answer itself comes from the cache
    load_resolution(
        make_resolution(
            "A/RES/72/141",
            title="Youth",
            paragraphs=numbered(
                paragraph("op1", "Invites youth delegates;", "Invites"),
            ),
        )
    )
    assert ("A/RES/72/141", "op1") in found(client, q="youth")


def test_result_cache_can_be_switched_off(client, search_archive, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    api(client, q="youth")
    response = client.get("/api/search", {"q": "youth"})
    assert "X-Cache" not in response and response.json()["total"] == 2


def test_stop_words_are_ignored_but_kept_inside_exact_phrases(client, search_archive):
    assert set(found(client, q="the urges of")) == set(found(client, q="urges"))
    body = api(client, q="the urges of")
    assert body["understood_as"] == "urges" and body["ignored_words"] == ["the", "of"]
    assert set(found(client, q='"report of the Secretary-General"')) == {("A/RES/70/126", "op3")}
    assert found(client, q='"report the Secretary-General"') == []
    assert client.get("/api/search", {"q": "the of"}).status_code == 400


def test_filter_by_a_body_the_archive_has_no_resolution_of(client, search_archive):
    response = client.get("/api/search", {"q": "social", "body": "ECA"})
    assert response.status_code == 200 and response.json()["total"] == 0


def test_not_parentheses_and_prefix(client, search_archive):
    assert found(client, q="urges NOT ageing") == [("A/RES/70/126", "op1")]
    assert set(found(client, q="(poverty OR disabilities) -development")) == {("E/RES/2010/12", "pp1")}
    assert set(found(client, q="inclu*")) == {
        ("A/RES/70/126", "pp1"),
        ("A/RES/70/126", "op2"),
        ("E/RES/2010/12", "op2"),
    }
    assert client.get("/api/search", {"q": "i*"}).status_code == 400  # one letter stands for too much


def test_field_terms(client, search_archive):
    # "youth" is in the title of 72/140 only; its paragraphs match title:youth whatever their text says.
    assert {symbol for symbol, _ in found(client, q="title:youth")} == {"A/RES/72/140"}
    assert set(found(client, q="symbol:E/RES/2010/12 calls")) == {("E/RES/2010/12", "op1")}
    assert set(found(client, q="symbol:A/RES/7* importance")) == {("A/RES/72/140", "op3")}
    assert set(found(client, q='opening:"calls upon"')) == {("A/RES/70/126", "op2"), ("E/RES/2010/12", "op1")}


def test_a_title_alone_does_not_make_a_hit(client, search_archive):
    """The title lifts its paragraphs' scores; a paragraph must hold the words itself."""
    assert found(client, q="programmes") == []  # only in the title "Policies and programmes involving youth"


def test_phrase_highlight_marks_the_phrase_not_its_words_elsewhere(client, search_archive):
    hit = api(client, q='"older persons"')["results"]
    highlights = {h["paragraph"]: h["highlight"] for h in hit}
    assert "<mark>older persons</mark>" in highlights["op1"]
    assert "<mark>older</mark>" not in highlights["op1"]


def test_deep_pages_show_the_true_ranking_to_the_end(client, settings):
    """Every page is a slice of the one ranking over all matches; pages stop at SEARCH_MAX_HITS."""
    load_resolution(
        make_resolution(
            paragraphs=numbered(
                *(
                    paragraph(f"op{n}", f"Decides {'again ' * (n % 7)}on hydroponics number {n};", "Decides")
                    for n in range(1, 46)
                )
            )
        )
    )
    settings.SEARCH_CACHE_SECONDS = 0
    first = api(client, q="hydroponics")
    assert first["total"] == 45 and first["pages"] == 3
    paged = [hit["paragraph"] for page in (1, 2, 3) for hit in api(client, q="hydroponics", page=page)["results"]]
    ranks = [hit["rank"] for page in (1, 2, 3) for hit in api(client, q="hydroponics", page=page)["results"]]
    assert len(paged) == len(set(paged)) == 45 and ranks == sorted(ranks, reverse=True)
    newest = [
        hit["paragraph"]
        for page in (1, 2, 3)
        for hit in api(client, q="hydroponics", sort="date", page=page)["results"]
    ]
    assert newest == [f"op{n}" for n in range(1, 46)]  # one resolution: document order, no repeat, no gap
    assert api(client, q="hydroponics", page=9)["page"] == 3  # past the last page: the last page
    settings.SEARCH_MAX_HITS = 20
    capped = api(client, q="hydroponics")
    assert capped["total"] == 45 and capped["pages"] == 1 and capped["deepest_hit"] == 20
    assert client.get("/api/search", {"q": "hydroponics", "page": "2"}).status_code == 400
    assert "pages reach the first 20" in client.get("/search/", {"q": "hydroponics"}).content.decode()


def test_did_you_mean_weighs_the_archive_words_by_use(client, search_archive):
    """ "socail" is one swap from "social" (common here) and two edits from "soil" (used once)."""
    load_resolution(
        make_resolution(
            "A/RES/72/150",
            title="Soil",
            paragraphs=numbered(
                paragraph("op1", "Encourages soil protection;", "Encourages"),
            ),
        )
    )
    body = api(client, q="socail protectoin")
    assert body["total"] == 0 and body["suggestion"] == "social protection"
