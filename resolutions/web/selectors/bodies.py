"""Reads for the browse pages: the bodies with their counts, a body, its sessions."""

from __future__ import annotations

from django.db.models import Count, Max, Min, QuerySet
from django.shortcuts import get_object_or_404

from resolutions.models import Body, Resolution


def body_list(*, holding_resolutions: bool = False) -> QuerySet[Body]:
    """Every body with its number of resolutions and sessions and its first and last year of adoption;
    only those the archive holds resolutions of when ``holding_resolutions``."""
    bodies = Body.objects.annotate(
        resolution_count=Count("resolutions"),
        first_adopted=Min("resolutions__adopted_on"),
        last_adopted=Max("resolutions__adopted_on"),
        session_count=Count("resolutions__session", distinct=True),
    )
    return bodies.filter(resolution_count__gt=0) if holding_resolutions else bodies


def body_get(*, code: str) -> Body:
    """The body of that code, or a 404."""
    return get_object_or_404(Body, code=code)


def session_list(*, body: Body):
    """The body's sessions, newest first, each with its number of resolutions and years."""
    return Resolution.objects.filter(body=body).sessions()


def session_label(*, body: Body, session: str) -> str | None:
    """How the session is printed ("Seventieth session"), or None when the archive holds none of its resolutions."""
    return Resolution.objects.filter(body=body, session=session).values_list("session_label", flat=True).first()
