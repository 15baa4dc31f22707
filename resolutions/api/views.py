"""The JSON endpoints: the search (``/api/search``) and the OpenAPI description of it (``/api/openapi.json``).

The search takes the parameters of the search page and is handled as it is
(``resolutions.web.search_request``); errors come as ``{"errors": [...]}``
with status 400, or 503 when the index is unavailable.
"""

from __future__ import annotations

import functools

from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from resolutions.api.openapi import openapi_document
from resolutions.search import execute
from resolutions.web.page_cache import cached_page
from resolutions.web.search_request import Outcome, perform, search_seconds, with_retry_after


@functools.partial(cached_page, seconds=search_seconds)
def search_api(request):
    """The search as JSON, same parameters as /search/; errors as {"errors": [...]} with status 400 (503: index)."""
    outcome = perform(request.GET)
    if outcome.errors:
        response = JsonResponse({"errors": outcome.errors}, status=outcome.status)
        return with_retry_after(response) if outcome.unavailable else response
    if outcome.redirect_to:
        return JsonResponse({"query": outcome.query, "reference": request.build_absolute_uri(outcome.redirect_to)})
    body = _understood(outcome)
    if outcome.results is None:
        return JsonResponse({**body, "total": 0, "results": []})
    return JsonResponse({**body, **_found(request, outcome)})


def _understood(outcome: Outcome) -> dict:
    """How the search read its parameters."""
    return {
        "query": outcome.query,
        "understood_as": str(outcome.plan) if outcome.plan else "",
        "ignored_words": outcome.plan.dropped if outcome.plan else [],
        "filters": {name: str(value) for name, value in outcome.active_filters.items()},
        "sort": outcome.sort,
        "view": outcome.view,
    }


def _found(request, outcome: Outcome) -> dict:
    """The counts, the facets, why nothing was found, and the page's hits (or groups of hits)."""
    results = outcome.results
    found = {
        "total": results.total,
        "resolutions": results.resolutions,
        "resolutions_exact": results.resolutions_exact,
        "page": results.page,
        "pages": results.pages,
        "deepest_hit": results.deepest_hit,
        "facets": {
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in results.facets.items()
        },
        "suggestion": outcome.suggestion,
        "removed_by_filters": outcome.removed_by,
    }
    if outcome.view == "resolutions":
        found["groups"] = [_group_json(request, group) for group in results.groups]
    else:
        found["results"] = [_hit_json(request, hit) for hit in results.hits]
    return found


def _hit_json(request, hit: execute.Hit) -> dict:
    return {**hit.as_json(), "url": request.build_absolute_uri(hit.url)}


def _group_json(request, group: execute.Group) -> dict:
    return {
        "symbol": group.resolution.symbol,
        "title": group.resolution.title,
        "hits_in_resolution": group.total,
        "url": request.build_absolute_uri(group.url),
        "hits": [_hit_json(request, hit) for hit in group.hits],
    }


@require_GET
@cache_control(max_age=3600, public=True)
def openapi_json(request):
    return JsonResponse(openapi_document())
