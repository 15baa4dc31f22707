"""One deadline for a whole request's SQL: ``REQUEST_DEADLINE_MS`` from the moment the request arrives.

The statement timeout (``DATABASE_STATEMENT_TIMEOUT_MS``) bounds each statement alone: a request that runs
two dozen statements of a few seconds each (a search with filters and no hits, trying each filter in turn)
could take minutes. Here every statement a request runs is bounded by what is left of its budget:
PostgreSQL's ``statement_timeout`` is lowered to the time remaining whenever that falls below the value in
force (a ``SET`` on the same connection, at most about once a second), and a statement about to start
after the deadline is not sent at all. Either way the request ends in ``RequestDeadlineExceeded`` or the
server's cancellation, both answered 503 with ``Retry-After`` by ``archive.health``. Streamed answers
(exports) run after the view returns and are not bounded: they write as they read.
"""

from __future__ import annotations

import time
import weakref
from contextlib import ExitStack

from django.conf import settings
from django.db import connections
from django.db.utils import OperationalError

# Lower the server's timeout only when the time left is this much below it: one SET a second at most.
SLACK_MS = 1000
_timeout_in_force: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # psycopg connection -> ms


class RequestDeadlineExceeded(OperationalError):
    """The request's time for SQL ran out before a statement could start."""


class StatementsWithin:
    """A Django ``execute_wrapper`` that keeps every statement within the request's deadline."""

    def __init__(self, deadline: float):
        self.deadline = deadline

    def __call__(self, execute, sql, params, many, context):
        remaining_ms = int((self.deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0:
            raise RequestDeadlineExceeded("the request's time for the database ran out")
        raw = context["connection"].connection
        cap = settings.DATABASE_STATEMENT_TIMEOUT_MS
        target = min(remaining_ms, cap) if cap else remaining_ms
        in_force = _timeout_in_force.get(raw)
        # Within a request the target only falls; a higher one is a new request on a kept connection.
        if in_force is None or target > in_force or target < in_force - SLACK_MS:
            with raw.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {target}")
            _timeout_in_force[raw] = target
        return execute(sql, params, many, context)


class RequestDeadlineMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        budget_ms = settings.REQUEST_DEADLINE_MS
        if not budget_ms:
            return self.get_response(request)
        within = StatementsWithin(time.monotonic() + budget_ms / 1000)
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(within))
            response = self.get_response(request)
        return response
