"""Resolution and paragraph pages, served again from the cache until the archive's data changes.

A page depends only on the archive's rows, the address it was asked at and the format its Accept
header prefers (``resolutions.web.addresses.preferred_format``),
so once rendered it stays right until the next import: the cache key joins
the scheme, host, path and the query parameters the page reads with
``resolutions.search.data_version()``, which every write to the searchable
tables advances (and which is private to a transaction that has written), with
agreed language's version (``resolutions.store.lineage.LINEAGE_VERSION_COLUMNS``: every
write of series, paragraph links and signatures advances it), and
with the deployment (``deployment_version``: the code, the templates and the
static files' manifest and storage), so a deploy or a settings change never
serves a page pointing at static files that are not there. Query parameters no
page reads (``?utm_source=…``, ``?junk=1``) are dropped before the key is made
and before the view runs: every such variant is the one cached page. The cache is the default cache of
``CACHES``: files shared by every worker. A hit costs that one small query and a cache
read, instead of half a dozen queries and a template render of up to
hundreds of paragraphs. Only 200 answers to GET/HEAD are stored; middleware
headers (CSP, security) are added to every answer as usual, cached or not.
``PAGE_CACHE_SECONDS = 0`` turns the cache off.

Search answers (``/search/``, ``/api/search``) are kept the same way, for
``SEARCH_CACHE_SECONDS`` (default 300) at most: a search run while an import
was committing may have missed its rows.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, QueryDict

logger = logging.getLogger(__name__)
SKIPPED_HEADERS = {"content-type", "content-length"}


def shared_get(key: str):
    """From the cache shared by every worker; None when absent or when the cache folder fails."""
    try:
        return caches["default"].get(key)
    except OSError as error:  # an unwritable cache folder costs speed, never the answer
        logger.warning("shared cache unavailable: %s", error)
        return None


def shared_set(key: str, value, seconds: int) -> None:
    try:
        caches["default"].set(key, value, seconds)
    except OSError as error:
        logger.warning("not cached: %s", error)


def page_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


# Query parameters that change a page: those of its forms and filters, the page number (``p`` for the
# sitemaps' parts), and the end of a cited range on a paragraph page; any other is dropped from cached pages.
PAGE_PARAMETERS = frozenset({"q", "page", "p", "through"})


@cache
def known_parameters() -> frozenset[str]:
    """Every query parameter a cached page reads: the fields of the browse, vote and search filters, of the
    comparison of two resolutions and of two languages side by side."""
    from resolutions.search.filters import ParagraphSearchFilter, SearchForm
    from resolutions.web.filters import ResolutionFilter
    from resolutions.web.filters_languages import SideBySideForm
    from resolutions.web.filters_lineage import CompareForm
    from resolutions.web.filters_votes import StateVoteFilter

    names = set(PAGE_PARAMETERS)
    for form in (SearchForm, CompareForm, SideBySideForm):
        names |= set(getattr(form, "parameters", form.base_fields))  # a form may read its fields under other names
    for filterset in (ResolutionFilter, StateVoteFilter, ParagraphSearchFilter):
        names |= set(filterset.base_filters)
    return frozenset(names)


def cached_page(view, seconds=page_seconds):
    """``view`` answered from the shared cache while the data is unchanged, for ``seconds()`` at most."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        lifetime = seconds()
        if request.method not in ("GET", "HEAD") or not lifetime:
            return view(request, *args, **kwargs)
        _drop_unknown_parameters(request)
        key = _page_key(request)
        stored = shared_get(key)
        if stored is not None:
            return _stored_response(*stored)
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()  # a TemplateResponse (the sitemaps): its content is what is kept
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
            shared_set(key, (response.content, response["Content-Type"], headers), lifetime)
        response["X-Cache"] = "miss"  # computed now (tells operators and the benchmark which answers were reused)
        return response

    return wrapper


def _versions() -> tuple[str, int]:
    """The search data version and agreed language's, in one query: all a page served again costs."""
    from resolutions.search.index import DATA_VERSION_COLUMNS, data_version_text
    from resolutions.store.lineage import LINEAGE_VERSION_COLUMNS, lineage_version_of

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {DATA_VERSION_COLUMNS}, {LINEAGE_VERSION_COLUMNS}"
            " FROM resolutions_search_data_version AS data_version, resolutions_lineage_version AS lineage_version"
        )
        row = cursor.fetchone()
    return data_version_text(*row[:3]), lineage_version_of(*row[3:])


def _page_key(request) -> str:
    """The cache key of the page: the database, the full address, the data version and agreed language's."""
    from resolutions.web.addresses import preferred_format

    database = connection.settings_dict
    identity = repr(
        (
            database["HOST"],
            database["PORT"],
            database["NAME"],  # servers may share the cache folder
            request.scheme,
            request.get_host(),
            request.path,
            sorted(request.GET.lists()),  # only known parameters are left (_drop_unknown_parameters)
            preferred_format(request),  # one address, several formats by Accept: never HTML for JSON
            *_versions(),
            deployment_version(),
        )
    )
    return "page:" + hashlib.sha256(identity.encode()).hexdigest()


def _drop_unknown_parameters(request) -> None:
    """Leave in ``request.GET`` only the parameters some page reads, so a junk parameter neither makes a new
    cache entry nor shows up in the page's own links."""
    known = known_parameters()
    if all(name in known for name in request.GET):
        return
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name in known:
            kept.setlist(name, values)
    kept._mutable = False
    request.GET = kept


@cache
def deployment_version() -> str:
    """What a rendered page depends on besides the data and the address, fixed for the life of a process:
    the code and templates (their files' names, sizes and times), the static files' manifest, the static
    storage and address, DEBUG."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder in ("resolutions", "archive", "templates"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".txt", ".xml") and path.is_file():
                status = path.stat()
                digest.update(f"{path.relative_to(root)}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    digest.update(manifest.read_bytes() if manifest.exists() else b"no manifest")
    digest.update(repr((settings.STORAGES["staticfiles"], settings.STATIC_URL, settings.DEBUG)).encode())
    return digest.hexdigest()[:16]


def _stored_response(content: bytes, content_type: str, headers: list[tuple[str, str]]) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return response
