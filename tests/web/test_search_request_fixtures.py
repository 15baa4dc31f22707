"""Search over the project's fixture (the four seed resolutions), checked against the texts themselves."""

import json
import re

import pytest

from resolutions.ingest.document import ParsedResolution
from resolutions.store.load import load_resolution
from tests.conftest import PROJECT

pytestmark = pytest.mark.django_db

FIXTURE = PROJECT / "fixtures" / "resolutions.json"


@pytest.fixture
def seeds():
    parsed = [ParsedResolution.from_dict(data) for data in json.loads(FIXTURE.read_text())["resolutions"]]
    for resolution in parsed:
        load_resolution(resolution)
    return parsed


def hits(client, **params):
    """Every hit of a search, all pages."""
    found, page, pages = set(), 1, 1
    while page <= pages:
        response = client.get("/api/search", {**params, "page": page})
        assert response.status_code == 200, response.content
        body = response.json()
        found |= {
            (h["symbol"], h["paragraph"] if h["type"] == "paragraph" else f"fn{h['footnote']}") for h in body["results"]
        }
        page, pages = page + 1, body["pages"]
    assert len(found) == body["total"]
    return found


def texts_matching(seeds, pattern):
    """(symbol, key) of every paragraph and footnote whose text matches ``pattern``: the oracle."""
    found = set()
    for resolution in seeds:
        found |= {(resolution.symbol, p.key) for p in resolution.paragraphs if re.search(pattern, p.text, re.I)}
        found |= {
            (resolution.symbol, f"fn{f.marker}") for f in resolution.footnotes if re.search(pattern, f.text, re.I)
        }
    return found


@pytest.mark.parametrize(
    "phrase", ["social protection floors", "older persons", "persons with disabilities", "social inclusion"]
)
def test_exact_phrases_match_the_texts(client, seeds, phrase):
    expected = texts_matching(seeds, r"\b" + r"\W+".join(phrase.split()) + r"\b")
    assert expected, phrase
    assert hits(client, q=f'"{phrase}"') == expected


def test_exclusion_removes_every_paragraph_with_the_word(client, seeds):
    with_inclusion = hits(client, q="inclusion")
    without_integration = hits(client, q="inclusion -integration")
    assert without_integration and without_integration < with_inclusion
    assert not without_integration & texts_matching(seeds, r"\bintegrat")


def test_filters_hold_on_every_hit(client, seeds):
    escap = hits(client, q="social protection", body="ESCAP")
    assert escap and {symbol for symbol, _ in escap} == {"E/ESCAP/RES/67/8"}
    calls_upon = hits(client, q="states", opening="Calls upon")
    openings = {(r.symbol, p.key): p.opening_phrase for r in seeds for p in r.paragraphs}
    assert calls_upon and {openings[hit] for hit in calls_upon} == {"Calls upon"}
    kinds = {(r.symbol, p.key): p.kind for r in seeds for p in r.paragraphs}
    preambular = hits(client, q="social", kind="preambular")
    assert preambular and {kinds[hit] for hit in preambular if not hit[1].startswith("fn")} == {"preambular"}


def test_symbols_of_the_fixture_jump_to_their_pages(client, seeds):
    for resolution in seeds:
        response = client.get("/search/", {"q": resolution.symbol})
        assert response.status_code == 302 and response["Location"].startswith(f"/{resolution.symbol}/")
