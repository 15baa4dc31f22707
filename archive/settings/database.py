"""PostgreSQL: ``DATABASE_URL`` when set, else the embedded server (``archive/database.py``)."""

from archive.database import configured_database
from archive.settings.core import ENV

DATABASES = {"default": configured_database(ENV)}
DATABASES["default"]["CONN_MAX_AGE"] = ENV.connection_max_age
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The web process (archive/wsgi.py) bounds every query, below gunicorn's worker
# timeout; commands that build indexes at scale run without a bound.
if ENV.statement_timeout_ms:
    DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={ENV.statement_timeout_ms}"
# The embedded server's data folder, checked on every request (archive/health.py); None with DATABASE_URL.
EMBEDDED_PG_DATA = None if ENV.database_url else str(ENV.embedded_data_dir)
# Each statement's bound, and the bound on all of a request's statements together (archive/request_deadline.py).
DATABASE_STATEMENT_TIMEOUT_MS = ENV.statement_timeout_ms
REQUEST_DEADLINE_MS = ENV.request_deadline_ms
DATABASES["default"]["TEST"] = {"NAME": ENV.test_database}
