"""Liveness, readiness, and polite answers when the database is away.

``/livez`` says the process serves (no database). ``/healthz`` says the
database answers and every migration is applied. ``DatabaseUnavailableMiddleware``
turns a lost database or a query past the statement timeout into a static
503 page with Retry-After instead of a traceback. Django closes a connection
that saw an error when the request ends and opens a fresh one on the next,
so the site recovers by itself when the database comes back.
"""

from __future__ import annotations

import logging

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger("archive.health")
RETRY_AFTER_SECONDS = 30


def service_unavailable(message: str = "") -> HttpResponse:
    response = HttpResponse(render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            logger.warning("database unavailable: %s", str(exception).splitlines()[0] if str(exception) else exception)
            return service_unavailable()
        return None


@never_cache
def livez(request):
    return JsonResponse({"status": "ok"})


@never_cache
def healthz(request):
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
