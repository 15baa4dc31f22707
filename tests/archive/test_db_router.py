"""Where a query goes, by the router's rules (the replica itself, for real, is in test_replicas.py)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from archive import db_router
from archive.environment import read_environment


@pytest.fixture
def one_replica(settings):
    settings.DATABASE_REPLICAS = ["replica1"]  # never reached: every case below must decide without it


def alias_seen_by_a_view(request) -> str:
    seen = {}

    def view(request):
        seen["alias"] = db_router.read_alias()
        return HttpResponse()

    db_router.ReplicaReadsMiddleware(view)(request)
    return seen["alias"]


def test_without_replicas_everything_is_the_primary(settings):
    settings.DATABASE_REPLICAS = []
    router = db_router.ReplicaRouter()
    assert router.db_for_read(None) == router.db_for_write(None) == "default"
    assert alias_seen_by_a_view(RequestFactory().get("/")) == "default"


def test_migrations_only_on_the_primary():
    router = db_router.ReplicaRouter()
    assert router.allow_migrate("default", "resolutions") is True
    assert router.allow_migrate("replica1", "resolutions") is False


def test_outside_a_request_reads_are_the_primarys(one_replica):
    """Commands (ingest, search_index, backup) read where they write."""
    assert db_router.read_alias() == "default"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_a_request_that_can_write_reads_the_primary(one_replica, method):
    assert alias_seen_by_a_view(getattr(RequestFactory(), method)("/")) == "default"


def test_a_curator_with_a_session_reads_the_primary(one_replica, settings):
    request = RequestFactory().get("/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert alias_seen_by_a_view(request) == "default"


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_on_the_primary_stay_there(one_replica):
    db_router._request.set(db_router.RequestReads(primary_only=False, alias="replica1"))
    try:
        with transaction.atomic():
            assert db_router.read_alias() == "default"
        assert db_router.read_alias() == "replica1"
    finally:
        db_router._request.set(None)


@pytest.mark.django_db
def test_a_server_not_in_recovery_is_no_replica(settings):
    """Listed as a replica but promoted (or the primary itself): its reads would not follow the primary's WAL."""
    settings.DATABASE_REPLICAS = ["default"]
    assert db_router.replayed_position("default") is None
    assert db_router.caught_up_replica() is None


def test_the_wal_end_skips_a_page_header_with_nothing_after_it():
    """An idle primary's insert position may stand just past a new page's header: a replica that replayed
    up to that page's start has everything."""
    block, segment = 8192, 16 * 1024 * 1024
    assert db_router.written_end(5 * block + 24, block, segment) == 5 * block
    assert db_router.written_end(3 * segment + 40, block, segment) == 3 * segment
    assert db_router.written_end(5 * block + 200, block, segment) == 5 * block + 200


def test_replica_settings_from_the_environment():
    env = read_environment({"DATABASE_REPLICA_URLS": "postgresql://a@r1/archive, postgresql://a@r2/archive"})
    assert env.replica_urls == ["postgresql://a@r1/archive", "postgresql://a@r2/archive"]
    assert env.database_pool is False  # off for commands and tests; archive/wsgi.py turns it on for the web
