"""Cache headers for a CDN (or any shared cache) in front of the archive.

Hashed static files (``collectstatic``'s manifest names) are served by WhiteNoise for a year with
``immutable``: a new build has new names. Pages that the page cache keeps (``resolutions/web/page_cache.py``
marks them with ``X-Cache``) are public: a shared cache may keep one ``CDN_PAGE_SECONDS`` (``s-maxage``)
and browsers revalidate every time (``max-age=0``). Each carries an ``ETag`` of its content
(``ConditionalGetMiddleware``), so after an import changes a page its ETag changes with the data version,
and a revalidation of an unchanged page costs a page-cache hit and a 304 with no body. Searches are kept
no longer than the search cache keeps them. Anything personal — a response that sets a cookie or varies
on it — is left as Django made it.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_cache_control


def page_shared_seconds(request) -> int:
    seconds = settings.CDN_PAGE_SECONDS
    if request.path.startswith(("/search", "/api/search")):
        seconds = min(seconds, settings.SEARCH_CACHE_SECONDS)
    return seconds


class SharedCacheHeadersMiddleware:
    """``Cache-Control: public, max-age=0, s-maxage=N`` on the page cache's pages (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and response.has_header("X-Cache")
            and not response.has_header("Cache-Control")
            and not response.cookies
            and "cookie" not in response.get("Vary", "").lower()
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            seconds = page_shared_seconds(request)
            if seconds > 0:
                patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        return response
