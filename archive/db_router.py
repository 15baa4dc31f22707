"""Which PostgreSQL a query goes to: writes and migrations to the primary, a web request's reads to a replica
that has caught up.

With ``DATABASE_REPLICA_URLS`` set (``archive/settings/database.py``), the database aliases are ``default``
(the primary) and ``replica1``, ``replica2``… (streaming replicas). The rules, in order:

- Writes, migrations, and every read outside a web request (``ingest``, ``search_index``, ``backup``, the
  shell) go to the primary: an import reads what it is about to change where it changes it.
- A request that can write or may follow its own write reads the primary too: any method but GET, HEAD and
  OPTIONS, a request carrying a session cookie (curators: the session itself lives in the database), and a
  read inside a transaction on the primary.
- Any other request reads from a replica only if, when its first read is routed, that replica has replayed
  all the WAL the primary had written at that moment (``pg_last_wal_replay_lsn`` against
  ``pg_current_wal_insert_lsn``). Every write committed before the request began is in that WAL, so a
  request that follows a write sees it, and a page is never rendered from data older than the data
  version its cache key was read with (``resolutions/web/page_cache.py`` reads the version from the
  primary first, through ``django.db.connection``). A replica that lags, whose replay is paused, or that
  cannot be reached within ``DATABASE_REPLICA_CONNECT_TIMEOUT`` is passed over: the primary answers.
- A replica that fails while a GET is being answered (stopped, restarted, a query cancelled by a recovery
  conflict) is left alone for ``DATABASE_REPLICA_RETRY_SECONDS`` and the request is answered again from
  the primary by ``ReplicaReadsMiddleware``, so a replica going away never shows as an error.

The data-version query and the search index (``resolutions/search/``) use ``django.db.connection``, which is
always the primary, whatever this router says.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass

import psycopg
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import InterfaceError, OperationalError

logger = logging.getLogger("archive.db_router")

PRIMARY = DEFAULT_DB_ALIAS
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# A WAL page begins with a header; an insert position just past one means nothing was written on that page
# yet, so a replica that replayed up to the page boundary has everything (PostgreSQL's SizeOfXLogShortPHD and
# SizeOfXLogLongPHD, the latter on a segment's first page).
SHORT_PAGE_HEADER = 24
LONG_PAGE_HEADER = 40


@dataclass
class RequestReads:
    """Where the reads of the request being answered go."""

    primary_only: bool
    alias: str | None = None  # decided at the request's first read
    replica_failed: bool = False


_request: ContextVar[RequestReads | None] = ContextVar("archive_request_reads", default=None)
_down_until: dict[str, float] = {}
_down_lock = threading.Lock()


def replicas() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


def mark_down(alias: str, error: BaseException) -> None:
    """Leave ``alias`` alone for a while (this process): its requests read the primary meanwhile."""
    with _down_lock:
        first = _down_until.get(alias, 0) < time.monotonic()
        _down_until[alias] = time.monotonic() + settings.DATABASE_REPLICA_RETRY_SECONDS
    if first:
        logger.warning("replica %s unavailable, reading the primary: %s", alias, str(error).splitlines()[0:1])


def is_down(alias: str) -> bool:
    return _down_until.get(alias, 0) > time.monotonic()


def primary_wal_position() -> int:
    """Where the primary's WAL ends now, as a byte position (a page header not yet followed by a record
    does not count)."""
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute(
            "SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint, current_setting('wal_block_size')::int,"
            " pg_size_bytes(current_setting('wal_segment_size'))"
        )
        return written_end(*cursor.fetchone())


def written_end(insert_position: int, block_size: int, segment_size: int) -> int:
    """The end of what is written, from the position where the next WAL record would go."""
    if insert_position % segment_size == LONG_PAGE_HEADER:
        return insert_position - LONG_PAGE_HEADER
    if insert_position % block_size == SHORT_PAGE_HEADER:
        return insert_position - SHORT_PAGE_HEADER
    return insert_position


def replayed_position(alias: str) -> int | None:
    """How far ``alias`` has replayed the primary's WAL; None when it is not a replica in recovery."""
    with connections[alias].cursor() as cursor:
        # pg_last_wal_replay_lsn() stays set on a server that replayed WAL once (a crash recovery at start, a
        # promoted replica): only a server still in recovery follows the primary.
        cursor.execute("SELECT CASE WHEN pg_is_in_recovery() THEN (pg_last_wal_replay_lsn() - '0/0')::bigint END")
        (position,) = cursor.fetchone()
    return position


def caught_up_replica() -> str | None:
    """A replica that has replayed everything the primary holds now, or None (the primary reads then)."""
    candidates = [alias for alias in replicas() if not is_down(alias)]
    if not candidates:
        return None
    wanted = primary_wal_position()
    random.shuffle(candidates)
    for alias in candidates:
        try:
            replayed = replayed_position(alias)
        except (OperationalError, InterfaceError) as error:
            mark_down(alias, error)
            with contextlib.suppress(Exception):
                connections[alias].close()
            continue
        if replayed is not None and replayed >= wanted:
            return alias
    return None


def read_alias() -> str:
    """The database the current read goes to."""
    reads = _request.get()
    if reads is None or reads.primary_only or not replicas() or connections[PRIMARY].in_atomic_block:
        return PRIMARY
    if reads.alias is None:
        reads.alias = caught_up_replica() or PRIMARY
    return reads.alias


class ReplicaRouter:
    """Django's router (``DATABASE_ROUTERS``): the rules of this module."""

    def db_for_read(self, model, **hints):
        return read_alias()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, copied: rows from the primary and a replica are the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def _recoverable(error: BaseException) -> bool:
    """A replica's failure the primary can make good: the connection or the server, not the query itself."""
    cause = error.__cause__
    # A statement timeout would time out on the primary too; a query cancelled by replay is the replica's doing.
    return not isinstance(cause, psycopg.errors.QueryCanceled) or "recovery" in str(cause)


class ReplicaReadsMiddleware:
    """Sets where a request's reads go (see the module's rules) and answers a GET again from the primary when a
    replica failed under it. Placed before every middleware that reads the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replicas():
            return self.get_response(request)
        primary_only = request.method not in SAFE_METHODS or settings.SESSION_COOKIE_NAME in request.COOKIES
        response, reads = self._answer(request, RequestReads(primary_only=primary_only))
        if reads.replica_failed and not reads.primary_only:
            response, _ = self._answer(request, RequestReads(primary_only=True))
        return response

    def _answer(self, request, reads: RequestReads):
        token = _request.set(reads)
        try:
            with contextlib.ExitStack() as watching:
                for alias in [] if reads.primary_only else replicas():
                    watching.enter_context(connections[alias].execute_wrapper(self._watch(reads)))
                return self.get_response(request), reads
        finally:
            _request.reset(token)

    @staticmethod
    def _watch(reads: RequestReads):
        def watch(execute, sql, params, many, context):
            try:
                return execute(sql, params, many, context)
            except (OperationalError, InterfaceError) as error:
                if _recoverable(error):
                    alias = context["connection"].alias
                    mark_down(alias, error)
                    reads.replica_failed = True
                raise

        return watch
