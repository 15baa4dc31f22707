"""The bodies resolutions belong to: made on first use from ``resolutions.reference.bodies``."""

from __future__ import annotations

from resolutions.models import Body
from resolutions.reference.bodies import BODIES
from resolutions.store.validation import LoadError


def body_get_or_create(*, code: str) -> Body:
    """The stored body of ``code``, created from the reference list the first time a resolution names it."""
    info = BODIES.get(code)
    if info is None:
        raise LoadError(f"unknown body {code!r}: add it to resolutions/bodies.py")
    body, _ = Body.objects.get_or_create(
        code=info.code,
        defaults={
            "name": info.name,
            "symbol_prefix": info.symbol_prefix,
            "sessions_are_years": info.sessions_are_years,
            "order": info.order,
        },
    )
    return body
