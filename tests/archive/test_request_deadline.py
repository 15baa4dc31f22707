"""One deadline for all of a request's SQL (archive/request_deadline.py): 503 with Retry-After past it."""

import time

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from archive.request_deadline import RequestDeadlineMiddleware

pytestmark = pytest.mark.django_db


def slow_statements(execute, sql, params, many, context):
    time.sleep(0.1)  # every statement of the page takes 100 ms, as on a loaded server with a big archive
    return execute(sql, params, many, context)


def test_many_short_statements_end_at_the_request_deadline(client, settings):
    from resolutions.store.load import load_resolution
    from tests.conftest import make_resolution

    load_resolution(make_resolution())
    settings.PAGE_CACHE_SECONDS = 0
    assert client.get("/A/RES/70/126/").status_code == 200  # views imported, templates compiled
    settings.REQUEST_DEADLINE_MS = 400
    settings.DATABASE_STATEMENT_TIMEOUT_MS = 10_000
    with connection.execute_wrapper(slow_statements):  # the page runs more than four statements
        started = time.monotonic()
        response = client.get("/A/RES/70/126/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert time.monotonic() - started < 2


def test_a_long_statement_is_cancelled_at_what_is_left_of_the_budget(settings):
    settings.REQUEST_DEADLINE_MS = 500
    settings.DATABASE_STATEMENT_TIMEOUT_MS = 10_000

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
        return HttpResponse("done")

    started = time.monotonic()
    with pytest.raises(Exception) as raised:
        RequestDeadlineMiddleware(view)(RequestFactory().get("/"))
    assert "statement timeout" in str(raised.value) or "canceling statement" in str(raised.value)
    assert time.monotonic() - started < 2


def test_the_next_request_on_the_same_connection_has_its_whole_budget_again(settings):
    settings.REQUEST_DEADLINE_MS = 3000
    settings.DATABASE_STATEMENT_TIMEOUT_MS = 10_000

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(0.6)")
            cursor.execute("SHOW statement_timeout")
            return HttpResponse(cursor.fetchone()[0])

    RequestDeadlineMiddleware(view)(RequestFactory().get("/"))
    settings.REQUEST_DEADLINE_MS = 8000
    answer = RequestDeadlineMiddleware(view)(RequestFactory().get("/"))
    assert int(answer.content.decode().removesuffix("ms")) > 7000
