"""Member States, goals and subjects looked up in bulk, not one query each (issue 17: a recorded vote of ~190 states
made ~190 queries, a third of a corpus import's time)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.ingest.document import Vote as ParsedVote
from resolutions.models import MemberState, Resolution, Vote
from resolutions.reference.member_states import UN_MEMBERS, state_name
from resolutions.store.load import load_resolution
from resolutions.store.reference_ids import ReferenceIds
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

STATES = sorted(UN_MEMBERS)


def recorded_vote(states):
    return [ParsedVote(state_name(code).upper(), "Y") for code in states]


def state_queries(context) -> int:
    """Queries of the states themselves (the search index's rows join them too, once)."""
    return sum(
        query["sql"].startswith(('SELECT "resolutions_memberstate"', 'INSERT INTO "resolutions_memberstate"'))
        for query in context.captured_queries
    )


def test_a_recorded_vote_of_every_member_state_reads_the_states_in_one_query():
    load_resolution(make_resolution("A/RES/70/1", votes=recorded_vote(STATES)))  # the states made, once
    with CaptureQueriesContext(connection) as context:
        load_resolution(make_resolution("A/RES/70/2", votes=recorded_vote(STATES)))
    assert Vote.objects.filter(resolution__symbol="A/RES/70/2").count() == len(STATES)
    assert state_queries(context) == 1


def test_a_state_the_archive_does_not_hold_yet_is_made_once():
    load_resolution(make_resolution("A/RES/70/1", votes=recorded_vote(STATES[:10])))
    load_resolution(make_resolution("A/RES/70/2", votes=recorded_vote(STATES[:12])))
    assert MemberState.objects.count() == 12
    votes = Vote.objects.filter(resolution__symbol="A/RES/70/2").select_related("member_state")
    assert sorted(vote.member_state.code for vote in votes) == STATES[:12]


def test_an_id_is_never_remembered_across_a_rolled_back_load():
    """Each load asks afresh: a state made by a load that rolled back is not pointed at by the next."""
    broken = make_resolution("A/RES/70/1", votes=recorded_vote(STATES[:3]))
    ids = ReferenceIds()
    with pytest.raises(RuntimeError):
        from django.db import transaction

        with transaction.atomic():
            ids.state_id(STATES[0])
            raise RuntimeError("rolled back")
    assert not MemberState.objects.exists()
    load_resolution(broken)
    assert Resolution.objects.get(symbol="A/RES/70/1").votes.count() == 3
