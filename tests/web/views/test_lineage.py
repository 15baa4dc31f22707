"""The agreed-language pages: /compare/, /agreed-language/ and a paragraph page's history."""

from pathlib import Path

import pytest

from resolutions.store.imports import path_import

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "resolutions.json"


@pytest.fixture
def seeds(search_index):
    path_import(path=FIXTURES)
    search_index()


def test_compare_shows_tracked_changes_moved_new_dropped_and_folds_unchanged(client, seeds):
    page = client.get("/compare/?to=A/RES/70/126").content.decode()
    assert "A/RES/70/126 compared with A/RES/68/131" in page
    assert "General Assembly <del>resolution </del><ins>resolutions </ins>66/122" in page
    assert "<ins>and 68/131 of 18 December 2013 </ins>" in page
    assert '<details class="unchanged">' in page and "2 unchanged paragraphs: pp1–pp2" in page
    assert '<strong class="moved-mark">moved</strong>' in page
    assert '<div class="change new" id="op7">' in page
    assert "Dropped from A/RES/68/131" in page and 'href="/A/RES/68/131/op12/"' in page
    explicit = client.get("/compare/", {"from": "A/RES/68/131", "to": "a/res/70/126"})
    assert explicit.status_code == 200 and "A/RES/70/126 compared with A/RES/68/131" in explicit.content.decode()
    # any two resolutions, not only neighbours: the one named in ``from`` is compared, never the predecessor
    other = client.get("/compare/", {"to": "A/RES/70/126", "from": "E/RES/2010/12"}).content.decode()
    assert "A/RES/70/126 compared with E/RES/2010/12" in other


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"to": "not a symbol"}, 400, "is not a UN document symbol"),
        ({"from": "A/RES/68/131"}, 400, "This field is required"),
        ({"to": "A/RES/99/1"}, 404, "holds no resolution A/RES/99/1"),
        ({"to": "A/RES/68/131"}, 404, "has no predecessor"),
    ],
)
def test_compare_says_what_is_wrong_with_its_input(client, seeds, query, status, message):
    response = client.get("/compare/", query)
    assert response.status_code == status and message in response.content.decode()


def test_compare_without_parameters_is_the_form_to_choose_two_resolutions(client, seeds):
    response = client.get("/compare/")
    page = response.content.decode()
    assert response.status_code == 200 and 'name="to"' in page and 'name="from"' in page
    assert "This field is required" not in page


def test_used_before_lists_the_same_wording_first_then_near_repeats_with_their_record(client, seeds):
    page = client.get("/agreed-language/", {"symbol": "A/RES/70/126", "key": "op1"}).content.decode()
    assert "General Assembly resolution 68/131, para. 1" in page and "same wording" in page
    assert 'href="/A/RES/70/126/op1/"' not in page.split("found-title")[1]  # not itself
    edited = client.get("/agreed-language/", {"symbol": "A/RES/70/126", "key": "op5"}).content.decode()
    assert "General Assembly resolution 68/131, para. 5" in edited and "% alike" in edited
    assert "through <del>, </del>inter alia" in edited  # the earlier wording marked against the one asked


def test_used_before_a_phrase_finds_the_paragraphs_containing_it(client, seeds):
    page = client.get("/agreed-language/", {"text": "social protection floors"}).content.decode()
    assert "Searched as a phrase" in page
    assert "ensuring <mark>social protection floors</mark>" in page  # where the phrase stands in each paragraph
    assert (
        "General Assembly resolution 70/126, para. 5" in page and "General Assembly resolution 68/131, para. 5" in page
    )


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"text": "ab"}, 400),
        ({"text": "x" * 4001}, 400),
        ({"symbol": "A/RES/70/126"}, 400),
        ({"symbol": "A/RES/70/126", "key": "op5", "text": "some words here"}, 400),
        ({"symbol": "A/RES/70/126", "key": "<script>"}, 400),
        ({"symbol": "A/RES/70/126", "key": "op99"}, 404),
        ({"text": "x" * 4000}, 200),  # one word too long to search as a phrase: compared whole, nothing found
        ({"text": " ".join(["development" * 8] * 7)}, 200),  # seven words, longer than a phrase search takes
    ],
)
def test_used_before_rejects_bad_input_clearly(client, seeds, query, status):
    assert client.get("/agreed-language/", query).status_code == status


def test_paragraph_page_shows_its_history_and_links_to_its_wording_elsewhere(client, seeds):
    page = client.get("/A/RES/70/126/op5/").content.decode()
    assert "This wording across the series" in page
    assert 'First adopted in <a href="/A/RES/68/131/op5/">A/RES/68/131</a>' in page
    assert "ensuring social protection floors<ins>, particularly </ins>for those" in page
    assert "/agreed-language/?symbol=A/RES/70/126&amp;key=op5" in page


def test_used_before_pages_through_every_wording_found_while_the_count_stays_whole(client, seeds, monkeypatch):
    monkeypatch.setattr("resolutions.web.views.lineage.FOUND_PER_PAGE", 1)
    asked = {"text": "social protection floors"}
    pages = [client.get("/agreed-language/", {**asked, "page": str(n)}).content.decode() for n in range(1, 5)]
    assert all("Found: 4 paragraphs" in page for page in pages)
    assert "Showing 1–1 of 4, oldest first." in pages[0] and "Showing 4–4 of 4, oldest first." in pages[3]  # a phrase
    assert 'rel="next" href="?text=social+protection+floors&amp;page=2"' in pages[0] and 'rel="prev"' not in pages[0]
    assert 'rel="prev" href="?text=social+protection+floors"' in pages[1] and 'rel="next"' not in pages[3]
    shown = [page.split('class="found-meta"><a href="')[1].split('"')[0] for page in pages]
    assert len(set(shown)) == 4 and {"/A/RES/70/126/op5/", "/A/RES/68/131/op5/"} <= set(shown)  # none twice
    past = client.get("/agreed-language/", {**asked, "page": "5"})
    assert past.status_code == 404 and "There is no page 5" in past.content.decode()
    assert client.get("/agreed-language/", {**asked, "page": "0"}).status_code == 400
