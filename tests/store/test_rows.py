"""The row values of every table, from one parsed resolution (``resolutions.store.rows``)."""

import hashlib
import json

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import FootnotePlace
from resolutions.ingest.document import Vote as ParsedVote
from resolutions.models import (
    Citation,
    Footnote,
    FootnoteReference,
    Paragraph,
    ResolutionGoal,
    ResolutionSubject,
    Sponsor,
    Vote,
)
from resolutions.store.rows import child_rows, content_hash, resolution_row, row_counts, session_sort_key
from tests.conftest import make_resolution


class CountingIds:
    def __init__(self):
        self.next = {}

    def take(self, model):
        self.next[model] = self.next.get(model, 100) + 1
        return self.next[model]


class FakeReferences:
    """Ids of reference records without a database: a state's id is the position of its code."""

    def __init__(self):
        self.named: list = []

    def _id(self, key) -> int:
        if key not in self.named:
            self.named.append(key)
        return 500 + self.named.index(key)

    def state_id(self, code):
        return self._id(("state", code))

    def goal_id(self, number):
        return self._id(("goal", number))

    def subject_id(self, name, thesaurus):
        return self._id(("subject", thesaurus, name.lower()))


def test_a_footnote_printed_once_keeps_the_fingerprint_it_had_before_further_places(parsed_resolution):
    """Nor does one without italics: a resolution without them re-imports "unchanged"."""
    data = parsed_resolution.to_dict()
    data.pop("warnings")
    for footnote in data["footnotes"]:
        footnote.pop("further_places")
        footnote.pop("emphasis")
    before = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    assert content_hash(parsed_resolution) == before


def test_children_point_at_their_parents_by_the_ids_taken():
    parsed = make_resolution(
        citations=[
            ParsedCitation("A/RES/68/131", "resolution 68/131", "resolution", 22, 39, paragraph_key="pp1"),
            ParsedCitation("A/70/179", "A/70/179", "report", 0, 8, footnote_marker="1"),
        ]
    )
    parsed.footnotes[0].further_places = [FootnotePlace("op2", 10)]
    rows = child_rows(parsed, resolution_id=7, ids=CountingIds(), refs=FakeReferences())
    paragraph_ids = {row["key"]: row["id"] for row in rows.paragraphs}
    assert paragraph_ids == {"pp1": 101, "op1": 102, "op2": 103, "op2a": 104}
    assert [row["parent_id"] for row in rows.paragraphs] == [None, None, None, 103]
    (footnote,) = rows.footnotes
    assert (footnote["id"], footnote["paragraph_id"], footnote["order"], footnote["offset"]) == (101, 102, 1, 24)
    assert rows.footnote_places == [{"id": 101, "footnote_id": 101, "paragraph_id": 103, "offset": 10}]
    assert [(row["paragraph_id"], row["footnote_id"]) for row in rows.citations] == [(101, None), (None, 101)]
    assert rows.votes == []
    assert {row["resolution_id"] for row in rows.paragraphs + rows.footnotes + rows.citations} == {7}
    assert list(rows.by_model()) == [
        Paragraph,
        Footnote,
        FootnoteReference,
        Citation,
        Vote,
        Sponsor,
        ResolutionGoal,
        ResolutionSubject,
    ]
    assert row_counts(parsed) == {
        Paragraph: 4,
        Footnote: 1,
        FootnoteReference: 1,
        Citation: 2,
        Vote: 0,
        Sponsor: 0,
        ResolutionGoal: 0,
        ResolutionSubject: 0,
    }


def test_votes_point_at_states_and_one_state_printed_two_ways_votes_once():
    parsed = make_resolution(
        votes=[ParsedVote("TURKEY", "Y"), ParsedVote("FRANCE", "N"), ParsedVote("TÜRKİYE", "Y"), ParsedVote("CHAD", "")]
    )
    refs = FakeReferences()
    rows = child_rows(parsed, resolution_id=7, ids=CountingIds(), refs=refs)
    assert [(refs.named[row["member_state_id"] - 500][1], row["vote"]) for row in rows.votes] == [
        ("TUR", "Y"),
        ("FRA", "N"),
        ("TCD", ""),
    ]


def test_sponsors_sdgs_and_subjects_from_either_spelling_of_the_metadata():
    metadata = {
        "sponsors": ["Austria, Trinidad and Tobago and Uruguay", "submitted by the President of the General Assembly"],
        "additional_sponsors": ["FRANCE", "THE GAMBIA"],
        "SDGs": ["5", "16", "5", "99"],
        "subjects": [["Social Development", "UNBIS Thesaurus"]],
        "subjects_unbis": ["SOCIAL DEVELOPMENT", "Ageing persons"],
    }
    refs = FakeReferences()
    rows = child_rows(make_resolution(metadata=metadata), resolution_id=7, ids=CountingIds(), refs=refs)
    sponsors = [(row["order"], row["role"], row["name"], row["member_state_id"]) for row in rows.record.sponsors]
    state = refs.state_id
    assert sponsors == [
        (1, "sponsor", "Austria", state("AUT")),
        (2, "sponsor", "Trinidad and Tobago", state("TTO")),
        (3, "sponsor", "Uruguay", state("URY")),
        (4, "sponsor", "submitted by the President of the General Assembly", None),
        (5, "additional", "FRANCE", state("FRA")),
        (6, "additional", "THE GAMBIA", state("GMB")),
    ]
    assert [row["goal_id"] for row in rows.record.goals] == [refs.goal_id(5), refs.goal_id(16)]
    assert [row["subject_id"] for row in rows.record.subjects] == [
        refs.subject_id("Social Development", "UNBIS Thesaurus"),
        refs.subject_id("Ageing persons", "UNBIS Thesaurus"),
    ]


def test_every_row_names_model_fields():
    parsed = make_resolution(citations=[ParsedCitation("A/70/179", "A/70/179", "report", 0, 8, footnote_marker="1")])
    for model, rows in child_rows(parsed, resolution_id=1, ids=CountingIds(), refs=FakeReferences()).by_model().items():
        attnames = {f.attname for f in model._meta.concrete_fields}
        for row in rows:
            assert set(row) <= attnames, model


def test_the_resolution_row_holds_what_the_source_gives():
    row = resolution_row(make_resolution(), body_id=3)
    assert row["body_id"] == 3 and row["session_sort"] == 70 and row["session_label"] == "Seventieth session"
    assert row["content_hash"] == content_hash(make_resolution())
    assert not {"id", "created_at", "updated_at", "source_pin"} & set(row)


def test_sessions_sort_by_their_digits():
    assert [session_sort_key(s) for s in ("70", "S-24", "2010", "")] == [70, 24, 2010, 0]
