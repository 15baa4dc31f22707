"""PostgreSQL: ``DATABASE_URL`` when set, else the embedded server (``archive/database.py``); streaming replicas
for reads when ``DATABASE_REPLICA_URLS`` lists them (``archive/db_router.py`` decides which a query uses)."""

from archive.database import configured_database, database_from_url
from archive.settings.core import ENV


def _connection_settings(database: dict, *, pool_timeout: int) -> dict:
    """Connection lifetime, statement bound and pool for one DATABASES entry."""
    options = database["OPTIONS"]
    options.setdefault("application_name", "resolutions-archive")
    # The web process (archive/wsgi.py) bounds every query, below gunicorn's worker
    # timeout; commands that build indexes at scale run without a bound.
    if ENV.statement_timeout_ms:
        options["options"] = f"-c statement_timeout={ENV.statement_timeout_ms}"
    if ENV.database_pool:
        # psycopg's pool, one per database and process (opened by the first query, so after gunicorn forks):
        # connections are checked before use (CONN_HEALTH_CHECKS), so one that died with its server is replaced.
        options["pool"] = {"min_size": 1, "max_size": ENV.database_pool_max_size, "timeout": pool_timeout}
        database["CONN_MAX_AGE"] = 0  # the pool keeps the connections
    else:
        database["CONN_MAX_AGE"] = ENV.connection_max_age
    database["CONN_HEALTH_CHECKS"] = True
    return database


DATABASES = {"default": _connection_settings(configured_database(ENV), pool_timeout=ENV.database_pool_timeout)}
# The embedded server's data folder, checked on every request (archive/health.py); None with DATABASE_URL.
EMBEDDED_PG_DATA = None if ENV.database_url else str(ENV.embedded_data_dir)
# Each statement's bound, and the bound on all of a request's statements together (archive/request_deadline.py).
DATABASE_STATEMENT_TIMEOUT_MS = ENV.statement_timeout_ms
REQUEST_DEADLINE_MS = ENV.request_deadline_ms
DATABASES["default"]["TEST"] = {"NAME": ENV.test_database}

# Replicas: read-only copies of the primary. Reads go to one only when it has caught up with the primary
# (archive/db_router.py); one that cannot be reached quickly is skipped and the primary answers.
DATABASE_REPLICAS = []
DATABASE_REPLICA_RETRY_SECONDS = ENV.replica_retry_seconds  # a replica that failed is left alone this long
for number, url in enumerate(ENV.replica_urls, start=1):
    replica = database_from_url(url)
    replica["OPTIONS"].setdefault("connect_timeout", str(max(2, ENV.replica_connect_timeout)))  # libpq's least
    alias = f"replica{number}"
    DATABASES[alias] = _connection_settings(replica, pool_timeout=ENV.replica_connect_timeout)
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}  # the tests' database is one; its copy is the primary itself
    DATABASE_REPLICAS.append(alias)

DATABASE_ROUTERS = ["archive.db_router.ReplicaRouter"]
