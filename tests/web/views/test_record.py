"""A resolution's adoption on its page, a Member State's page, the list of states, an SDG's and a subject's."""

import datetime as dt
import re

import pytest

from resolutions.ingest.document import Vote as ParsedVote
from resolutions.ingest.pipeline import parse_path
from resolutions.models import MemberState, Sponsor
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

# A metadata line as the corpus prints one: the UN's spellings, counts beside the lists.
LINE = {
    "adoption_type": "By a recorded vote",
    "MS_in_favour_count": "4",
    "MS_against_count": "1",
    "MS_abstaining_count": "1",
    "sponsors": ["BOLIVIA (PLURINATIONAL STATE OF)", "submitted by the President of the General Assembly"],
    "additional_sponsors": ["TÜRKIYE"],
    "SDGs": ["1", "10"],
    "subjects": [["SOCIAL DEVELOPMENT", "UNBIS Thesaurus"]],
}
VOTES = [
    ParsedVote("FRANCE", "Y"),
    ParsedVote("BOLIVIA (PLURINATIONAL STATE OF)", "Y"),
    ParsedVote("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "N"),
    ParsedVote("TÜRKIYE", "Y"),
    ParsedVote("CÔTE D'IVOIRE", "Y"),
    ParsedVote("UNITED STATES", "A"),
]


@pytest.fixture
def voted():
    load_resolution(make_resolution("A/RES/70/126", votes=VOTES, metadata=dict(LINE)))
    load_resolution(
        make_resolution(
            "A/RES/70/127",
            title="Against the majority",
            adopted_on=dt.date(2015, 12, 18),
            committee="Second Committee",
            votes=[ParsedVote("FRANCE", "N"), ParsedVote("JAPAN", "Y"), ParsedVote("CHILE", "Y")],
            metadata={"adoption_type": "By a recorded vote", "sponsors": ["FRANCE"]},
        )
    )
    load_resolution(make_resolution("A/RES/70/128", metadata={"adoption_type": "Without a vote"}))


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_vote_counts_on_the_page_are_the_sources(client, voted):
    page = client.get("/A/RES/70/126/")
    assert page.status_code == 200
    shown = text(page)
    assert "Adopted by a recorded vote at the 80th plenary meeting" in shown
    # 4 yes, 1 no, 1 abstention as the line counts; 193 - 6 non-voting (adopted after 2011)
    counts = {kind: int(n) for kind, n in re.findall(r"(In favour|Against|Abstaining|Non-voting) (\d+)", shown)}
    assert counts == {"In favour": 4, "Against": 1, "Abstaining": 1, "Non-voting": 187}
    assert (counts["In favour"], counts["Against"], counts["Abstaining"]) == tuple(
        int(LINE[key]) for key in ("MS_in_favour_count", "MS_against_count", "MS_abstaining_count")
    )
    html = page.content.decode()
    assert '<desc id="vote-chart-desc">In favour 4, Against 1, Abstaining 1, Non-voting 187</desc>' in html
    assert 'href="/states/PRK/">Democratic People&#x27;s Republic of Korea</a>' in html
    assert 'href="/states/BOL/">BOLIVIA (PLURINATIONAL STATE OF)</a>' in html  # a sponsor, as printed
    assert "submitted by the President of the General Assembly" in shown
    assert 'href="/sdgs/10/">SDG 10: Reduced inequalities</a>' in html
    assert 'href="/subjects/social-development/">SOCIAL DEVELOPMENT</a>' in html


def test_adopted_without_a_vote_says_so_and_has_no_table(client, voted):
    page = client.get("/A/RES/70/128/")
    assert "Adopted without a vote at the 80th plenary meeting" in text(page)
    assert "votes-table" not in page.content.decode()


def test_a_member_states_page_counts_its_votes_with_the_majority(client, voted):
    page = client.get("/states/FRA/")
    assert page.status_code == 200
    shown = text(page)
    assert (
        "France voted with the majority on 1 of 2 recorded votes (50%); it voted against 1 and abstained on 0" in shown
    )
    assert "A/RES/70/127" in shown and "(not with the majority)" in shown
    assert "Resolutions sponsored" in shown and shown.count("A/RES/70/127") == 2


def test_a_member_states_votes_filter_by_committee_session_and_vote(client, voted):
    assert "on 0 of 1 recorded vote (0%)" in text(client.get("/states/FRA/", {"committee": "Second Committee"}))
    assert "on 1 of 1 recorded vote (100%)" in text(client.get("/states/FRA/", {"vote": "Y"}))
    assert "on 1 of 2 recorded votes" in text(client.get("/states/FRA/", {"session": "70"}))
    bad = client.get("/states/FRA/", {"vote": "maybe"})
    assert bad.status_code == 400 and "These filters cannot be applied" in text(bad)


def test_unknown_and_lower_case_state_codes(client, voted):
    assert client.get("/states/fra/").headers["Location"] == "/states/FRA/"
    missing = client.get("/states/XYZ/")
    assert missing.status_code == 404 and "XYZ" in text(missing)


def test_the_list_of_member_states(client, voted):
    shown = text(client.get("/states/"))
    assert "Türkiye TUR 1 1" in shown and "France FRA 2 1" in shown


def test_an_sdg_and_a_subject_list_the_resolutions_sharing_them(client, voted):
    assert "1 resolution" in text(client.get("/sdgs/10/")) and "A/RES/70/126" in text(client.get("/sdgs/10/"))
    assert client.get("/sdgs/18/").status_code == 404
    assert "A/RES/70/126" in text(client.get("/subjects/social-development/"))
    assert client.get("/subjects/no-such-subject/").status_code == 404


def test_a_source_without_sponsors_keeps_them(voted):
    from resolutions.ingest.document import SourceInfo

    newer = make_resolution("A/RES/70/126", source=SourceInfo("later.xml", "akn", "f" * 64), metadata={})
    load_resolution(newer)
    assert [sponsor.name for sponsor in Sponsor.objects.filter(resolution__symbol="A/RES/70/126")] == [
        "BOLIVIA (PLURINATIONAL STATE OF)",
        "submitted by the President of the General Assembly",
        "TÜRKIYE",
    ]


@pytest.mark.corpus
def test_corpus_vote_counts_equal_the_metadata_line(client, corpus):
    path = corpus / "unxml-ga" / "76" / "English" / "A_RES_76_10-2117757E.xml"
    (parsed,) = parse_path(path).resolutions
    load_resolution(parsed)
    shown = text(client.get("/A/RES/76/10/"))
    counts = dict(re.findall(r"(In favour|Against|Abstaining) (\d+)", shown))
    assert counts == {"In favour": "148", "Against": "9", "Abstaining": "14"}
    assert MemberState.objects.filter(votes__resolution__symbol="A/RES/76/10").count() == 171
