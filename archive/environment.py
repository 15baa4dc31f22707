"""Every environment variable the archive reads, in one typed place.

The settings (``archive/settings/``), the database location (``archive/database.py``) and gunicorn
(``gunicorn.conf.py``) read their variables through ``read_environment``, never ``os.environ``
directly, so this file is the list an operator needs: each variable's name, type, default and meaning.
Nothing here imports Django, so gunicorn's configuration can use it before Django starts.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
TRUE_WORDS = {"1", "true", "yes", "on"}
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
DEFAULT_GUNICORN_THREADS = 8  # threads per gunicorn worker, and so the database connections each process pools


class Variables:
    """Typed reads of one mapping of environment variables: an unset or empty variable gives the default."""

    def __init__(self, environ: Mapping[str, str]):
        self.environ = environ

    def text(self, name: str, default: str = "") -> str:
        value = self.environ.get(name, "").strip()
        return value or default

    def flag(self, name: str, default: bool) -> bool:
        value = self.text(name)
        return default if not value else value.lower() in TRUE_WORDS

    def number(self, name: str, default: int) -> int:
        value = self.text(name)
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"{name} must be a whole number, not {value!r}") from None

    def names(self, name: str, default: list[str]) -> list[str]:
        value = self.text(name)
        return [item.strip() for item in value.split(",") if item.strip()] if value else list(default)

    def path(self, name: str, default: Path) -> Path:
        return Path(self.text(name)) if self.text(name) else default


@dataclass(frozen=True)
class Environment:
    # Django
    debug: bool  # DJANGO_DEBUG: on for a laptop; production sets 0
    secret_key: str  # DJANGO_SECRET_KEY: required when DJANGO_DEBUG is off
    allowed_hosts: list[str]  # DJANGO_ALLOWED_HOSTS: comma-separated host names
    csrf_trusted_origins: list[str]  # DJANGO_CSRF_TRUSTED_ORIGINS: comma-separated https://… origins
    admin_path: str  # DJANGO_ADMIN_PATH: where the curators' admin is served ("admin/")
    log_format: str  # DJANGO_LOG_FORMAT: "plain" or "json" (json when DEBUG is off)
    log_level: str  # DJANGO_LOG_LEVEL
    plain_static: bool  # DJANGO_PLAIN_STATIC: serve static files unhashed (no collectstatic manifest needed)
    # Security
    login_failure_limit: int  # LOGIN_FAILURE_LIMIT: wrong admin passwords from one address before its lockout
    login_lockout_minutes: int  # LOGIN_LOCKOUT_MINUTES: how long a locked-out address is refused
    secure_cookies: bool  # DJANGO_SECURE_COOKIES: cookies over HTTPS only (on when DEBUG is off)
    hsts_seconds: int  # DJANGO_HSTS_SECONDS (a year when DEBUG is off)
    hsts_include_subdomains: bool  # DJANGO_HSTS_INCLUDE_SUBDOMAINS
    hsts_preload: bool  # DJANGO_HSTS_PRELOAD
    ssl_redirect: bool  # DJANGO_SSL_REDIRECT: redirect http:// to https://
    behind_tls_proxy: bool  # DJANGO_BEHIND_TLS_PROXY: trust X-Forwarded-Proto from the proxy in front
    # PostgreSQL
    database_url: str  # DATABASE_URL: postgresql://…; unset, the embedded server below is used
    embedded_data_dir: Path  # EMBEDDED_PG_DATA: the embedded server's data folder (var/pgdata)
    embedded_database: str  # EMBEDDED_PG_DBNAME: the database on the embedded server ("archive")
    test_database: str  # TEST_DATABASE_NAME: the database the tests create ("test_archive")
    connection_max_age: int  # DATABASE_CONN_MAX_AGE: seconds a connection is kept open
    statement_timeout_ms: int  # DATABASE_STATEMENT_TIMEOUT_MS: bound on every statement (0: none)
    request_deadline_ms: int  # REQUEST_DEADLINE_MS: bound on all the SQL of one web request together (0: none)
    replica_urls: list[str]  # DATABASE_REPLICA_URLS: comma-separated postgresql://… of streaming replicas (reads)
    replica_retry_seconds: int  # DATABASE_REPLICA_RETRY_SECONDS: a replica that failed is left alone this long
    replica_connect_timeout: int  # DATABASE_REPLICA_CONNECT_TIMEOUT: seconds to reach a replica before the primary
    database_pool: bool  # DATABASE_POOL: psycopg's connection pool per database (on in the web process)
    database_pool_max_size: int  # DATABASE_POOL_MAX_SIZE: connections a process keeps per database at most
    database_pool_timeout: int  # DATABASE_POOL_TIMEOUT: seconds a request waits for a primary connection (then 503)
    # Search and caches
    search_index_dir: Path  # SEARCH_INDEX_DIR: the Tantivy indexes, one folder per database
    search_index_wait_ms: int  # SEARCH_INDEX_WAIT_MS: how long a search waits for an import's index commit
    search_max_hits: int  # SEARCH_MAX_HITS: how deep a search pages through the ranking
    search_index_writer_mb: int  # SEARCH_INDEX_WRITER_MB: the index writer's memory
    search_cache_seconds: int  # SEARCH_CACHE_SECONDS: how long a search's page is kept (0: not cached)
    page_cache_seconds: int  # PAGE_CACHE_SECONDS: how long a rendered page is kept (until data changes)
    page_cache_dir: Path  # PAGE_CACHE_DIR: the file cache every worker shares
    page_cache_max_entries: int  # PAGE_CACHE_MAX_ENTRIES
    page_cache_max_mb: int  # PAGE_CACHE_MAX_MB: the page cache's size on disk, at most (checked every minute)
    redis_url: str  # REDIS_URL: redis://… shared by every web machine for the page and search caches (unset: files)
    cdn_page_seconds: int  # CDN_PAGE_SECONDS: s-maxage a shared cache (CDN) keeps a page (0: no public caching)
    # Exports
    export_max_rows: int  # EXPORT_MAX_ROWS: rows one search export (CSV, JSON Lines) writes at most
    bulk_dir: Path  # BULK_DIR: where `manage.py export_bulk` writes the bulk files that /bulk/ serves
    # Per-client limits (resolutions/web/client_limits.py)
    search_rate: str  # SEARCH_RATE: computed searches a client may ask for ("60/m"; "0" or "off": none)
    export_rate: str  # EXPORT_RATE: search exports a client may ask for ("10/m")
    client_ip_header: str  # CLIENT_IP_HEADER: header the proxy in front puts the client's address in ("X-Real-IP")
    # The read API
    api_anon_rate: str  # API_ANON_RATE: requests an anonymous client may make ("120/minute"; DRF's rate syntax)
    api_page_size: int  # API_PAGE_SIZE: items per page of the API's lists
    # gunicorn (gunicorn.conf.py)
    gunicorn_workers: int  # GUNICORN_WORKERS (2 × cores + 1)
    gunicorn_threads: int  # GUNICORN_THREADS: threads per worker (each may hold a database connection)
    gunicorn_header_timeout: int  # GUNICORN_HEADER_TIMEOUT: seconds a client has to send a request's headers
    gunicorn_timeout: int  # GUNICORN_TIMEOUT: seconds before a silent worker is restarted
    gunicorn_graceful_timeout: int  # GUNICORN_GRACEFUL_TIMEOUT
    gunicorn_keepalive: int  # GUNICORN_KEEPALIVE
    gunicorn_max_requests: int  # GUNICORN_MAX_REQUESTS: a worker is replaced after this many requests
    gunicorn_max_requests_jitter: int  # GUNICORN_MAX_REQUESTS_JITTER
    gunicorn_access_log: str  # GUNICORN_ACCESSLOG: "-" for standard output; set but empty: no access log


def _rate(value: str) -> str:
    """A rate in DRF's syntax, or "" for no limit ("0", "off", "none")."""
    return "" if value.lower() in {"0", "off", "none"} else value


def read_environment(environ: Mapping[str, str] | None = None) -> Environment:
    """The archive's configuration from ``environ`` (the process environment by default)."""
    environ = os.environ if environ is None else environ
    read = Variables(environ)
    debug = read.flag("DJANGO_DEBUG", True)
    var = PROJECT_DIR / "var"
    return Environment(
        debug=debug,
        secret_key=read.text("DJANGO_SECRET_KEY"),
        allowed_hosts=read.names("DJANGO_ALLOWED_HOSTS", LOCAL_HOSTS),
        csrf_trusted_origins=read.names("DJANGO_CSRF_TRUSTED_ORIGINS", []),
        admin_path=read.text("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/",
        log_format=read.text("DJANGO_LOG_FORMAT", "plain" if debug else "json"),
        log_level=read.text("DJANGO_LOG_LEVEL", "INFO"),
        plain_static=read.flag("DJANGO_PLAIN_STATIC", False),
        login_failure_limit=read.number("LOGIN_FAILURE_LIMIT", 10),
        login_lockout_minutes=read.number("LOGIN_LOCKOUT_MINUTES", 60),
        secure_cookies=read.flag("DJANGO_SECURE_COOKIES", not debug),
        hsts_seconds=read.number("DJANGO_HSTS_SECONDS", 0 if debug else 31_536_000),
        hsts_include_subdomains=read.flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True),
        hsts_preload=read.flag("DJANGO_HSTS_PRELOAD", False),
        ssl_redirect=read.flag("DJANGO_SSL_REDIRECT", False),
        behind_tls_proxy=read.flag("DJANGO_BEHIND_TLS_PROXY", False),
        database_url=read.text("DATABASE_URL"),
        embedded_data_dir=read.path("EMBEDDED_PG_DATA", var / "pgdata"),
        embedded_database=read.text("EMBEDDED_PG_DBNAME", "archive"),
        test_database=read.text("TEST_DATABASE_NAME", "test_archive"),
        connection_max_age=read.number("DATABASE_CONN_MAX_AGE", 60),
        statement_timeout_ms=read.number("DATABASE_STATEMENT_TIMEOUT_MS", 0),
        request_deadline_ms=read.number("REQUEST_DEADLINE_MS", 0),
        replica_urls=read.names("DATABASE_REPLICA_URLS", []),
        replica_retry_seconds=read.number("DATABASE_REPLICA_RETRY_SECONDS", 10),
        replica_connect_timeout=read.number("DATABASE_REPLICA_CONNECT_TIMEOUT", 1),
        database_pool=read.flag("DATABASE_POOL", False),
        # One connection per thread that may want one: a pool smaller than the threads makes requests queue for a
        # connection while the database idles (and 503 after DATABASE_POOL_TIMEOUT).
        database_pool_max_size=read.number(
            "DATABASE_POOL_MAX_SIZE", max(2, read.number("GUNICORN_THREADS", DEFAULT_GUNICORN_THREADS))
        ),
        database_pool_timeout=read.number("DATABASE_POOL_TIMEOUT", 10),
        search_index_dir=read.path("SEARCH_INDEX_DIR", var / "search-index"),
        search_index_wait_ms=read.number("SEARCH_INDEX_WAIT_MS", 3000),
        search_max_hits=read.number("SEARCH_MAX_HITS", 5000),
        search_index_writer_mb=read.number("SEARCH_INDEX_WRITER_MB", 256),
        search_cache_seconds=read.number("SEARCH_CACHE_SECONDS", 300),
        page_cache_seconds=read.number("PAGE_CACHE_SECONDS", 3600),
        page_cache_dir=read.path("PAGE_CACHE_DIR", var / "page-cache"),
        page_cache_max_entries=read.number("PAGE_CACHE_MAX_ENTRIES", 50_000),
        page_cache_max_mb=read.number("PAGE_CACHE_MAX_MB", 1024),
        redis_url=read.text("REDIS_URL"),
        cdn_page_seconds=read.number("CDN_PAGE_SECONDS", 300),
        export_max_rows=read.number("EXPORT_MAX_ROWS", 1_000_000),
        bulk_dir=read.path("BULK_DIR", var / "bulk"),
        search_rate=_rate(read.text("SEARCH_RATE", "60/m")),
        export_rate=_rate(read.text("EXPORT_RATE", "10/m")),
        client_ip_header=read.text("CLIENT_IP_HEADER"),
        api_anon_rate=read.text("API_ANON_RATE", "120/minute"),
        api_page_size=read.number("API_PAGE_SIZE", 50),
        gunicorn_workers=read.number("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1),
        gunicorn_threads=read.number("GUNICORN_THREADS", DEFAULT_GUNICORN_THREADS),
        gunicorn_header_timeout=read.number("GUNICORN_HEADER_TIMEOUT", 10),
        gunicorn_timeout=read.number("GUNICORN_TIMEOUT", 30),
        gunicorn_graceful_timeout=read.number("GUNICORN_GRACEFUL_TIMEOUT", 20),
        gunicorn_keepalive=read.number("GUNICORN_KEEPALIVE", 5),
        gunicorn_max_requests=read.number("GUNICORN_MAX_REQUESTS", 5000),
        gunicorn_max_requests_jitter=read.number("GUNICORN_MAX_REQUESTS_JITTER", 500),
        gunicorn_access_log=environ.get("GUNICORN_ACCESSLOG", "-").strip(),
    )
