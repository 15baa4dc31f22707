"""WSGI entry point for gunicorn: ``gunicorn archive.wsgi``.

The web process bounds every SQL statement (10 s unless set) and all of a
request's statements together (20 s unless set), below gunicorn's 30 s worker
timeout, so a runaway query or request gives a 503, not a killed worker. It
keeps its connections in psycopg's pool (one per database and worker, opened
after the fork), so a connection that died with its server -- a replica
restarted -- is replaced, not reused.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "10000")
os.environ.setdefault("REQUEST_DEADLINE_MS", "20000")  # all of a request's SQL together (archive/request_deadline.py)
os.environ.setdefault("DATABASE_POOL", "1")
application = get_wsgi_application()

# Import every view now, so gunicorn's preloaded master forks workers that share them.
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018 (the lookup imports them)

# And the Chinese dictionary the searches cut words with: loaded lazily, it cost each new worker's first search
# some 4 s with every thread of the worker waiting (the load test's hung requests after a HUP).
from resolutions.search.analysis import load_chinese_dictionary  # noqa: E402

load_chinese_dictionary()
