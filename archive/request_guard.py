"""Refuse addresses no page can have, before any view or query sees them.

PostgreSQL text cannot hold NUL, and no symbol or paragraph key contains a
control character, so such a path is answered 400 with a plain message
instead of reaching a view (where it would become a database error).
"""

from __future__ import annotations

import re

from django.http import HttpResponseBadRequest

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            return HttpResponseBadRequest(
                "Bad request: the address contains control characters.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
