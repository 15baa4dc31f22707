"""The search index on disk: where it lives, whether it matches the database, and how it is written.

PostgreSQL is the record; the index is derived from it and says which
state of it it reflects: its *state* document holds the database's data
version (``data_version``), a sequence that triggers advance on every write
to the searchable tables. A search compares the two and refuses to answer
from an index that does not match (``IndexUnavailable``, shown as a 503),
rather than answer wrongly.

Layout, under ``SEARCH_INDEX_DIR``, one folder per database::

    <database>/current -> gen-<time>-<pid>   (a symlink, swapped atomically)
    <database>/gen-...                       (Tantivy index folders)

Writers (``IndexSession``): the per-resolution load (``resolutions.store.load``)
and ``rebuild``. Both hold one PostgreSQL advisory lock from before their
database write until the index commit that records the new data version, so
the version an index records always describes its content. A session that
finds the index missing or not matching the database rebuilds it first.

Readers: every worker process opens ``current`` (the files are memory-mapped,
so all workers share one copy in the page cache) and, when the database's
version has moved on, reloads -- or reopens, when a rebuild swapped the
symlink. During an import a search may find the index one commit behind; it
waits up to ``SEARCH_INDEX_WAIT_MS`` for the writer's next commit.

A writer killed between a database commit and its index commit (``kill -9``
of an import) leaves the index behind for good: nothing would commit it
again. Every resolution's write records its id in the backlog
(``IndexBacklog``) in its own transaction, and every writer's run records
that it began; an index commit removes what it now holds. A search that
finds the index behind while no writer holds the lock catches it up from
the backlog (``catch_up``: the few resolutions the dead writer committed),
so searches and did-you-mean answer from what PostgreSQL committed, without
a restart or another import.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import connection

from resolutions.models import IndexBacklog
from resolutions.search import analysis, source
from resolutions.search.schema import STATE, STATE_VALUE, document, schema, state_document

logger = logging.getLogger(__name__)

WRITER_LOCK = 0x5EA4C4  # pg_advisory_lock key of the index writers
COMMIT_EVERY_SECONDS = 1.0  # a session's commits during a long import: searches wait at most about this


class IndexUnavailable(Exception):
    """The index is missing or does not match the database: searches answer 503 with this message."""


def data_version() -> str:
    """Changes whenever searchable rows change (a sequence that triggers on those tables advance).

    Inside a transaction that has written (an import, a test), the
    transaction's id is part of it, so what it sees is never shared. The
    database's own oid is part of it too: a database dropped and created
    again (a new test run, a restore) starts its sequence afresh.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {DATA_VERSION_COLUMNS} FROM resolutions_search_data_version AS data_version")
        return data_version_text(*cursor.fetchone())


# What ``data_version`` reads of ``resolutions_search_data_version`` (as ``data_version``), for a query that
# reads other versions with it in one round trip (the page cache's key).
DATA_VERSION_COLUMNS = (
    "data_version.last_value, pg_current_xact_id_if_assigned(),"
    " (SELECT oid FROM pg_database WHERE datname = current_database())"
)


def data_version_text(version: int, transaction_id, database_oid: int) -> str:
    return f"{database_oid}:{version}:{transaction_id or ''}"


def data_version_advance() -> None:
    """Advance the data version once more, after a write has committed.

    The triggers advance the sequence as rows are written, before their
    transaction commits (a sequence is not transactional): a page rendered
    in between reads the new version with the old rows, and would be cached
    under it. Called from ``transaction.on_commit``, this makes the version
    that every cache key carries after the commit newer than any a reader
    could have seen before it.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('resolutions_search_data_version')")


def root() -> Path:
    """This database's folder of indexes (servers and databases sharing SEARCH_INDEX_DIR keep apart)."""
    database = connection.settings_dict
    server = hashlib.sha256(repr((database["HOST"] or "", str(database["PORT"] or ""))).encode()).hexdigest()[:8]
    return Path(settings.SEARCH_INDEX_DIR) / f"{database['NAME']}-{server}"


def current_path() -> Path | None:
    link = root() / "current"
    try:
        return (root() / os.readlink(link)).resolve()
    except OSError:
        return None


def _open(path: Path) -> tantivy.Index:
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema(), path=str(path), reuse=True)
    analysis.register(index)
    return index


def recorded_version(searcher: tantivy.Searcher) -> str | None:
    """The data version in the index's state document (None for an index that never finished)."""
    found = searcher.search(tantivy.Query.term_query(schema(), STATE, STATE_VALUE), 1, count=False).hits
    if not found:
        return None
    return searcher.doc(found[0][1]).get_first("data_version")


# --- reading ---


@dataclass
class _Reader:
    """One process's view of the index: the searcher whose recorded version is ``version``."""

    path: Path
    index: tantivy.Index
    searcher: tantivy.Searcher
    version: str | None
    pid: int = field(default_factory=os.getpid)


_readers: dict[Path, _Reader] = {}
_readers_lock = threading.Lock()


def _reader(refresh: bool) -> _Reader | None:
    """This process's reader of the current index, reloaded (or reopened after a rebuild) when asked."""
    key = root()
    reader = _readers.get(key)
    if reader is not None and reader.pid != os.getpid():
        reader = None  # opened before a fork (gunicorn's preload): not this process's
    if reader is not None and not refresh:
        return reader
    with _readers_lock:
        path = current_path()
        if path is None:
            _readers.pop(key, None)
            return None
        try:
            if reader is None or reader.path != path:
                index = _open(path)
            else:
                index = reader.index
                index.reload()
            searcher = index.searcher()
            reader = _Reader(path, index, searcher, recorded_version(searcher))
        except (OSError, ValueError) as error:  # swapped or removed under us: the next call opens afresh
            logger.warning("search index at %s unreadable: %s", path, error)
            _readers.pop(key, None)
            return None
        _readers[key] = reader
        return reader


def searcher(version: str | None = None) -> tantivy.Searcher:
    """A searcher over an index that reflects the database's data ``version`` (read now when not given).

    Raises ``IndexUnavailable`` when the index is missing, or still does not
    match after ``SEARCH_INDEX_WAIT_MS`` (an import commits about every
    second, so a search during one waits for that commit).
    """
    version = version or data_version()
    reader = _reader(refresh=False)
    if reader is not None and reader.version == version:
        return reader.searcher
    deadline = time.monotonic() + settings.SEARCH_INDEX_WAIT_MS / 1000
    tried_catching_up = False
    while True:
        reader = _reader(refresh=True)
        if reader is not None and reader.version == version:
            return reader.searcher
        if reader is not None and not tried_catching_up:
            tried_catching_up = True  # once: a running writer commits by itself, and a dead one is caught up now
            if catch_up():
                continue
        if time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    if reader is None:
        raise IndexUnavailable("The search index has not been built yet: searches resume once it is.")
    logger.warning("search index at %s is at data version %s, the database at %s", reader.path, reader.version, version)
    raise IndexUnavailable("The search index is being brought up to date with the archive: please try again shortly.")


# --- writing ---


@contextlib.contextmanager
def _writer_lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [WRITER_LOCK])
    try:
        yield
    finally:
        _writer_unlock()


def _writer_unlock() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s)", [WRITER_LOCK])


def backlog_record(resolution_ids) -> None:
    """Record, in the transaction writing them, resolutions whose documents the index must take (or drop)."""
    IndexBacklog.objects.bulk_create([IndexBacklog(resolution_id=resolution_id) for resolution_id in resolution_ids])


def _backlog_watermark() -> int:
    """The newest backlog entry: an index built from rows read after this holds everything up to it."""
    return IndexBacklog.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _backlog_clear(upto: int) -> None:
    IndexBacklog.objects.filter(id__lte=upto).delete()


def _documents_replace(writer: tantivy.IndexWriter, resolution_id: int) -> None:
    """A resolution's documents as PostgreSQL holds them now (none for a deleted one)."""
    writer.delete_documents_by_term("resolution_id", resolution_id)
    for row in source.rows([resolution_id]):
        writer.add_document(document(row))


def _state_commit(writer: tantivy.IndexWriter, version: str) -> None:
    writer.delete_documents_by_term(STATE, STATE_VALUE)
    writer.add_document(state_document(version))
    writer.commit()


def catch_up() -> bool:
    """Bring an index a dead writer left behind up to the database; True when the index is now fresh.

    Only when no writer holds the lock (a running one commits by itself) and
    the backlog says what the index lacks: the resolutions written since its
    last commit, each indexed again from PostgreSQL, then the data version
    recorded. An index stale for another reason (rows changed outside the
    store, which keeps no backlog) stays refused until ``search_index ensure``.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [WRITER_LOCK])
        if not cursor.fetchone()[0]:
            return False
    try:
        found = status()
        if found.fresh or found.path is None:
            return found.fresh
        upto = _backlog_watermark()
        if not upto:
            return False
        pending = sorted(
            set(
                IndexBacklog.objects.filter(id__lte=upto, resolution_id__isnull=False).values_list(
                    "resolution_id", flat=True
                )
            )
        )
        version = data_version()  # before the rows: a write in between leaves the index looking older, never newer
        writer = _open(found.path).writer(settings.SEARCH_INDEX_WRITER_MB * 1_000_000, 1)
        try:
            for resolution_id in pending:
                _documents_replace(writer, resolution_id)
            _state_commit(writer, version)
        finally:
            writer.wait_merging_threads()
        _backlog_clear(upto)
        logger.warning(
            "search index was at data version %s after a writer stopped midway: caught up to %s (%d resolutions)",
            found.index_version,
            version,
            len(pending),
        )
        return True
    finally:
        _writer_unlock()


@dataclass
class RebuildReport:
    path: Path
    documents: int
    seconds: float
    version: str


def _build(rows, path: Path, version: str) -> int:
    index = _open(path)
    # One thread with the whole heap: fewer, larger segments, which count facets faster.
    writer = index.writer(settings.SEARCH_INDEX_WRITER_MB * 1_000_000, 1)
    count = 0
    for row in rows:
        writer.add_document(document(row))
        count += 1
    writer.add_document(state_document(version))
    writer.commit()
    writer.wait_merging_threads()
    return count


def _swap(path: Path) -> None:
    """Point ``current`` at ``path`` atomically, then remove the other generations."""
    folder = root()
    temporary = folder / f".current-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(path.name, temporary)
    os.replace(temporary, folder / "current")
    for other in folder.glob("gen-*"):
        if other != path:
            # Workers still reading it keep their memory-mapped files until they reopen.
            shutil.rmtree(other, ignore_errors=True)


def _rebuild_locked() -> RebuildReport:
    started = time.monotonic()
    # The backlog and the version first, then the rows: a write in between makes the index look older than it
    # is (rebuilt again), never newer.
    upto = _backlog_watermark()
    version = data_version()
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"gen-{time.time_ns()}-{os.getpid()}"
    try:
        count = _build(source.rows(), path, version)
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise
    _swap(path)
    _backlog_clear(upto)
    return RebuildReport(path, count, time.monotonic() - started, version)


def rebuild() -> RebuildReport:
    """Build a new index from PostgreSQL beside the current one and switch to it (under the writer lock)."""
    with _writer_lock():
        return _rebuild_locked()


@dataclass
class Status:
    path: Path | None
    index_version: str | None
    database_version: str
    documents: int = 0

    @property
    def fresh(self) -> bool:
        return self.path is not None and self.index_version == self.database_version

    def describe(self) -> str:
        if self.path is None:
            return "missing"
        if not self.fresh:
            return f"stale (index at data version {self.index_version}, database at {self.database_version})"
        return f"fresh ({self.documents:,} documents, data version {self.database_version})"


def status() -> Status:
    version = data_version()
    reader = _reader(refresh=True)
    if reader is None:
        return Status(None, None, version)
    return Status(reader.path, reader.version, version, max(0, reader.searcher.num_docs - 1))


def ensure() -> tuple[Status, RebuildReport | None]:
    """Rebuild the index when it is missing or stale (start-up, and ``manage.py search_index ensure``)."""
    found = status()
    if found.fresh:
        return found, None
    with _writer_lock():
        found = status()
        if found.fresh:
            return found, None
        return found, _rebuild_locked()


class IndexSession:
    """The writer's side of one run of imports: rows written to PostgreSQL, then their documents indexed.

    Opened under the writer lock, on an index that matches the database
    (rebuilt first when it does not). ``resolution_changed(id)`` follows each
    resolution's database commit; the session commits the index about every
    ``COMMIT_EVERY_SECONDS`` and when it ends, each commit recording the data
    version then current. While the lock is held only this session writes, so
    that version describes the index -- also after a load that failed and
    rolled back, which may still have advanced the version's sequence. The
    run's start is in the backlog until it ends, and each resolution's entry
    until the commit that indexed it: a run killed midway is caught up from
    them (``catch_up``).
    """

    def __init__(self):
        self._writer: tantivy.IndexWriter | None = None
        self._pending = False
        self._last_commit = time.monotonic()
        self._indexed: dict[int, int] = {}  # resolution id -> its newest backlog entry when its rows were read
        found = status()
        if not found.fresh:
            # Documents are replaced per resolution, so they must start from the database's state.
            logger.info("search index %s before an import: rebuilding", found.describe())
            _rebuild_locked()
        self._started = IndexBacklog.objects.create(resolution_id=None).pk
        self._recorded = data_version()

    def _open_writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = _open(current_path()).writer(settings.SEARCH_INDEX_WRITER_MB * 1_000_000, 1)
        return self._writer

    def resolution_changed(self, resolution_id: int) -> None:
        writer = self._open_writer()
        self._indexed[resolution_id] = (
            IndexBacklog.objects.filter(resolution_id=resolution_id)
            .order_by("-id")
            .values_list("id", flat=True)
            .first()
            or 0
        )
        _documents_replace(writer, resolution_id)
        self._pending = True
        if time.monotonic() - self._last_commit >= COMMIT_EVERY_SECONDS:
            self.commit()

    def commit(self) -> None:
        version = data_version()
        if not self._pending and version == self._recorded:
            return
        _state_commit(self._open_writer(), version)
        self._pending, self._recorded, self._last_commit = False, version, time.monotonic()
        self._backlog_indexed()

    def _backlog_indexed(self) -> None:
        """The backlog entries the last commit holds: each resolution's, up to when its rows were read."""
        if not self._indexed:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM resolutions_indexbacklog AS entry"
                " USING unnest(%s::bigint[], %s::bigint[]) AS indexed(resolution_id, upto)"
                " WHERE entry.resolution_id = indexed.resolution_id AND entry.id <= indexed.upto",
                [list(self._indexed), list(self._indexed.values())],
            )
        self._indexed.clear()

    def close(self) -> None:
        try:
            self.commit()
            IndexBacklog.objects.filter(pk=self._started).delete()  # the run ended with everything indexed
        finally:
            if self._writer is not None:
                writer, self._writer = self._writer, None
                writer.wait_merging_threads()


def resolutions_changed(resolution_ids) -> None:
    """Index again resolutions that were written outside the loader (a curator's edit, a deletion), once
    their transaction has committed (``transaction.on_commit``)."""
    with indexing() as session:
        for resolution_id in resolution_ids:
            session.resolution_changed(resolution_id)


_session = threading.local()


@contextlib.contextmanager
def indexing():
    """Keep the index in step with the database writes made inside (re-entrant; holds the writer lock)."""
    active = getattr(_session, "current", None)
    if active is not None:
        yield active
        return
    with _writer_lock():
        session = IndexSession()
        _session.current = session
        try:
            yield session
        finally:
            _session.current = None
            try:
                session.close()
            except Exception:
                # Left stale: the version check refuses it, and the next writer or start-up rebuilds it.
                logger.exception("search index commit failed")
