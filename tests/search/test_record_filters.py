"""Filters and facets on the resolution's record: known answers over every match, and the index checked
against PostgreSQL for each of them (``verify.compare``)."""

import pytest

from resolutions.ingest.document import Vote as ParsedVote
from resolutions.models import Paragraph
from resolutions.search import compile, execute, index, query, verify
from resolutions.search.filters import ParagraphSearchFilter
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution
from tests.search.conftest import paragraphs_of

pytestmark = pytest.mark.django_db


def search(text="development", **filters):
    plan = compile.plan(query.parse(text))
    return execute.run(index.searcher(), plan, filters)


def symbols(results) -> list[str]:
    return sorted({hit.resolution.symbol for hit in results.hits})


def test_unfiltered_facets_count_every_hit(record_archive):
    results = search()
    assert results.total == 8
    assert results.facets["adoption"] == [("recorded", 6), ("without", 1)]
    assert results.facets["sponsor"] == [("FRA", 6), ("CHL", 3), ("JPN", 1)]
    assert results.facets["sdg"] == [("10", 6), ("1", 3)]
    assert results.facets["subject"] == [("social-development", 6), ("human-rights", 3)]
    assert results.facets["vote"] == []  # no state chosen


@pytest.mark.parametrize(
    ("filters", "expected", "total"),
    [
        ({"adoption": "recorded"}, ["A/RES/70/1", "A/RES/70/2"], 6),
        ({"adoption": "without"}, ["A/RES/70/3"], 1),
        ({"voter": "FRA", "vote": "no"}, ["A/RES/70/2"], 3),
        ({"voter": "FRA", "vote": "yes"}, ["A/RES/70/1"], 3),
        ({"voter": "CHL", "vote": "no"}, ["A/RES/70/1", "A/RES/70/2"], 6),
        ({"voter": "JPN"}, ["A/RES/70/1", "A/RES/70/2"], 6),
        ({"voter": "JPN", "vote": "non-voting"}, [], 0),
        ({"sponsor": "JPN"}, ["A/RES/70/3"], 1),
        ({"sponsor": "FRA", "sdg": 1}, ["A/RES/70/1"], 3),
        ({"sdg": 10}, ["A/RES/70/1", "A/RES/70/2"], 6),
        ({"subject": "human-rights"}, ["A/RES/70/2"], 3),
    ],
)
def test_filters_find_the_known_resolutions(record_archive, filters, expected, total):
    results = search(**filters)
    assert (symbols(results), results.total) == (expected, total)


def test_the_vote_facet_counts_each_vote_of_the_chosen_state(record_archive):
    assert search(voter="FRA").facets["vote"] == [("yes", 3), ("no", 3)]
    # The vote filter itself does not narrow its own facet: the other votes stay to choose from.
    assert search(voter="CHL", vote="no", sdg=1).facets["vote"] == [("no", 3)]
    assert search(voter="JPN", adoption="recorded").facets["vote"] == [("yes", 3), ("abstain", 3)]


FILTERS = [
    {},
    {"adoption": "recorded"},
    {"adoption": "without"},
    {"voter": "FRA"},
    {"voter": "FRA", "vote": "no"},
    {"voter": "CHL", "vote": "no", "sponsor": "FRA"},
    {"sponsor": "FRA"},
    {"sdg": 10},
    {"subject": "social-development", "adoption": "recorded"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda filters: ",".join(filters) or "none")
def test_the_index_agrees_with_postgresql_on_the_record(record_archive, filters):
    for text in ("development", "decides", "development OR decides", "report"):
        outcome = verify.compare(text, filters)
        assert outcome.equal, outcome.describe()


def test_the_record_check_can_fail(record_archive, monkeypatch):
    """An index whose record facet lost a value is caught."""
    real = execute.counts

    def wrong(*args, **kwargs):
        counted = real(*args, **kwargs)
        counted.facets["sponsor"] = counted.facets["sponsor"][1:]
        return counted

    monkeypatch.setattr(execute, "counts", wrong)
    assert not verify.compare("development").equal


def test_the_record_follows_a_new_import(record_archive):
    """A later import that adds votes is searchable at once (writing votes moves the index's data version)."""
    assert search(voter="FRA", vote="abstain").total == 0
    load_resolution(
        make_resolution(
            "A/RES/70/4",
            paragraphs=paragraphs_of("Recognizes development needs;"),
            footnotes=[],
            votes=[ParsedVote("FRANCE", "A")],
        )
    )
    assert symbols(search(voter="FRA", vote="abstain")) == ["A/RES/70/4"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"vote": "no"}, "Choose the Member State whose vote"),
        ({"voter": "XYZ"}, "is not the ISO code of a Member State"),
        ({"voter": "France"}, "is not the ISO code of a Member State"),
        ({"sponsor": "ZZZ"}, "is not the ISO code of a Member State"),
        ({"sdg": "18"}, "Ensure this value is less than or equal to 17"),
        ({"sdg": "five"}, "Enter a whole number"),
        ({"subject": "no such subject"}, "No subject"),
        ({"adoption": "maybe"}, "Select a valid choice"),
        ({"voter": "FRA", "vote": "perhaps"}, "Select a valid choice"),
    ],
)
def test_bad_record_filters_are_refused_with_a_message(record_archive, params, message):
    filterset = ParagraphSearchFilter(params, queryset=Paragraph.objects.none())
    assert not filterset.is_valid()
    assert message in str(filterset.errors)


def test_names_and_case_are_read(record_archive):
    filterset = ParagraphSearchFilter(
        {"voter": "fra", "sponsor": "chl", "subject": "Human Rights"}, queryset=Paragraph.objects.none()
    )
    assert filterset.is_valid(), filterset.errors
    cleaned = filterset.form.cleaned_data
    assert (cleaned["voter"], cleaned["sponsor"], cleaned["subject"]) == ("FRA", "CHL", "human-rights")
