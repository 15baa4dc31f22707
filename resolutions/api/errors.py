"""The API's errors: every refusal as ``{"errors": [...]}`` with its status, as the search has always answered.

DRF's own handler decides the status and headers (``Retry-After`` on 429, ``Allow`` on 405); this one
only flattens its detail into the list of messages a client shows.
"""

from __future__ import annotations

from rest_framework.views import exception_handler


def json_errors(exception, context):
    """DRF's answer to ``exception`` with its detail as ``{"errors": ["message", ...]}``."""
    response = exception_handler(exception, context)
    if response is not None:
        response.data = {"errors": list(_messages(response.data))}
    return response


def _messages(detail, prefix: str = ""):
    """Every message of a DRF error detail (a string, a list, or a dict by field), each with its field's name."""
    if isinstance(detail, dict):
        for name, value in detail.items():
            field = "" if name in ("detail", "non_field_errors", "__all__") else f"{name}: "
            yield from _messages(value, prefix + field)
    elif isinstance(detail, list):
        for value in detail:
            yield from _messages(value, prefix)
    else:
        yield f"{prefix}{detail}"
