"""Refuse requests no page can answer, before any view or query sees them.

PostgreSQL text cannot hold NUL, and no symbol or paragraph key contains a
control character, so such a path is answered 400 with a plain message
instead of reaching a view (where it would become a database error). The
archive reads (GET, HEAD, OPTIONS) and takes the admin's forms (POST): any
other method (TRACE, PUT, DELETE…) is answered 405 with ``Allow``, whatever
the address, as the API's description says.
"""

from __future__ import annotations

import re

from django.http import HttpResponseBadRequest, HttpResponseNotAllowed

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
METHODS = ["GET", "HEAD", "OPTIONS", "POST"]


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
        return self.get_response(request)
