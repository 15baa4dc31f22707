"""Per-client limits on the pages that cost the most to compute: searches and search exports.

Counted by django-ratelimit in the shared cache (fixed windows per client address): ``SEARCH_RATE``
computed searches (a search served again from the page cache is not counted: the limit sits inside the
cache) and ``EXPORT_RATE`` exports a client may ask for, in DRF's rate syntax ("60/m"; empty: no limit).
Past it the client gets 429 with ``Retry-After`` (the seconds left in the window), as the API's throttle
answers. The client is ``REMOTE_ADDR``, or the header ``CLIENT_IP_HEADER`` names when a proxy in front
sets it (nginx's ``X-Real-IP``).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django_ratelimit.core import get_usage

MESSAGE = "Too many requests from your address: try again after Retry-After seconds."


def client_address(group, request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def per_client_limit(rate_setting: str):
    """Limit ``view`` to the rate in ``settings.<rate_setting>`` per client, counted in its own group."""

    def decorate(view):
        group = f"limit:{view.__module__}.{view.__qualname__}"

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            rate = getattr(settings, rate_setting)
            if rate:
                usage = get_usage(request, group=group, key=client_address, rate=rate, increment=True)
                if usage is not None and usage["should_limit"]:
                    return too_many_requests(request, usage["time_left"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def too_many_requests(request, retry_after: int) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse({"errors": [MESSAGE]}, status=429)
    else:
        response = HttpResponse(MESSAGE, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(max(1, int(retry_after)))
    response["Cache-Control"] = "no-store"
    return response
