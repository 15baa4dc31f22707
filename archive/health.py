"""Liveness, readiness, and polite answers when the database is away.

``/livez`` says the process serves (no database). ``/healthz`` says the
database answers and every migration is applied. ``DatabaseUnavailableMiddleware``
turns a lost database, a database without the archive's tables (not migrated) or a
query past the statement timeout into a 503 with Retry-After instead of a traceback:
a static page, or ``{"errors": [...]}`` under ``/api/``. With the embedded server,
a data folder that disappeared while serving is a 503 from the next request on
(``archive/database.py`` never puts an empty cluster in its place). Django closes a connection
that saw an error when the request ends and opens a fresh one on the next,
so the site recovers by itself when the database comes back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import InterfaceError, OperationalError, ProgrammingError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger("archive.health")
RETRY_AFTER_SECONDS = 30


API_UNAVAILABLE = "The archive's database is not answering just now: try again after Retry-After seconds."


def service_unavailable(request=None, retry_after: int = RETRY_AFTER_SECONDS) -> HttpResponse:
    """503 with Retry-After: JSON under /api/ (what an API client reads), else the static page."""
    if request is not None and (request.path.startswith("/api/") or request.path == "/healthz"):
        response = JsonResponse({"errors": [API_UNAVAILABLE]}, status=503)
    else:
        response = HttpResponse(render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def embedded_data_gone() -> bool:
    """The embedded server's data folder is missing (deleted while serving): nothing it answers is right."""
    data_dir = settings.EMBEDDED_PG_DATA
    return bool(data_dir) and not (Path(data_dir) / "PG_VERSION").exists()


def _is_unmigrated(exception: Exception) -> bool:
    """A table of the archive is missing: a database that is not (or no longer) the migrated archive."""
    import psycopg

    return isinstance(exception, ProgrammingError) and isinstance(exception.__cause__, psycopg.errors.UndefinedTable)


class DatabaseUnavailableMiddleware:
    UNCHECKED_PATHS = ("/livez", "/healthz")  # the process serves; /healthz says what is wrong itself

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path not in self.UNCHECKED_PATHS and embedded_data_gone():
            logger.error("the embedded database's data folder %s is missing", settings.EMBEDDED_PG_DATA)
            return service_unavailable(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or _is_unmigrated(exception):
            # a statement past its timeout, a request past its deadline (archive/request_deadline.py) included
            logger.warning("database unavailable: %s", str(exception).splitlines()[0] if str(exception) else exception)
            return service_unavailable(request)
        return None


@never_cache
def livez(request):
    return JsonResponse({"status": "ok"})


@never_cache
def healthz(request):
    if embedded_data_gone():
        logger.error("healthz: the embedded database's data folder %s is missing", settings.EMBEDDED_PG_DATA)
        response = JsonResponse({"status": "unavailable", "database": "data folder missing"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except (OperationalError, InterfaceError) as error:
        logger.warning("healthz: database unreachable: %s", error)
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if pending:
        return JsonResponse({"status": "unavailable", "database": "ok", "pending_migrations": len(pending)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "pending_migrations": 0})
