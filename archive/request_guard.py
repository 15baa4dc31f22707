"""Refuse requests no page can answer, before any view or query sees them.

PostgreSQL text cannot hold NUL, and no symbol or paragraph key contains a
control character, so such a path is answered 400 with a plain message
instead of reaching a view (where it would become a database error). The
archive reads (GET, HEAD, OPTIONS) and takes the admin's forms (POST): any
other method (TRACE, PUT, DELETE…) is answered 405 with ``Allow``, whatever
the address, as the API's description says. An API parameter given with no
value (``?year_to=``) is answered 400 in the API's JSON: its description has
no empty values, and a client that sent one meant something it did not say.
"""

from __future__ import annotations

import re

from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
API_PREFIX = "/api/v1/"


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in METHODS:
            return HttpResponseNotAllowed(METHODS, "Method not allowed.\n", content_type="text/plain; charset=utf-8")
        if CONTROL_CHARACTERS.search(request.path):
            return HttpResponseBadRequest(
                "Bad request: the address contains control characters.", content_type="text/plain; charset=utf-8"
            )
        if request.path.startswith(API_PREFIX):
            empty = sorted({name for name, values in request.GET.lists() if any(value == "" for value in values)})
            if empty:
                return JsonResponse(
                    {"errors": [f"{name}: give a value, or leave the parameter out" for name in empty]}, status=400
                )
        return self.get_response(request)
