"""The search's answer as JSON: how the query was read, the counts and facets, and the page's hits or groups.

Built from one ``resolutions.web.search_request.Outcome`` and the hits' own ``Hit.as_json``, so
``/api/search`` and ``/api/v1/search`` answer the same body for the same parameters. With ``show`` (a
language), each paragraph hit in another language carries its aligned paragraph in that language, where the
archive holds it, as the search page shows it beside the hit.
"""

from __future__ import annotations

from django.utils import translation

from resolutions.reference.permalinks import paragraph_url
from resolutions.search import execute
from resolutions.web.languages import interface_code
from resolutions.web.search_request import Outcome
from resolutions.web.selectors.languages import aligned_paragraphs


def search_json(request, outcome: Outcome) -> dict:
    """The whole body of a search that ran (or was only read: no query, a reference to jump to)."""
    if outcome.redirect_to:
        return {"query": outcome.query, "reference": request.build_absolute_uri(outcome.redirect_to)}
    body = understood(outcome)
    if outcome.results is None:
        return {**body, "total": 0, "results": []}
    return {**body, **found(request, outcome)}


def understood(outcome: Outcome) -> dict:
    """How the search read its parameters."""
    return {
        "query": outcome.query,
        "understood_as": str(outcome.plan) if outcome.plan else "",
        "ignored_words": outcome.plan.dropped if outcome.plan else [],
        "filters": {name: str(value) for name, value in outcome.active_filters.items()},
        "sort": outcome.sort,
        "view": outcome.view,
    }


def found(request, outcome: Outcome) -> dict:
    """The counts, the facets, why nothing was found, and the page's hits (or groups of hits)."""
    results = outcome.results
    answer = {
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
    aligned = aligned_json(request, outcome)
    if outcome.view == "resolutions":
        answer["groups"] = [group_json(request, group, aligned) for group in results.groups]
    else:
        answer["results"] = [hit_json(request, hit, aligned) for hit in results.hits]
    return answer


def aligned_json(request, outcome: Outcome) -> dict:
    """The page's paragraph hits in the language of ``show``, by (resolution id, key): language, text, address."""
    if not outcome.show:
        return {}
    hits = [hit for group in outcome.results.groups for hit in group.hits] or outcome.results.hits
    pairs = [(hit.resolution.pk, hit.paragraph.key) for hit in hits if hit.paragraph and hit.language != outcome.show]
    with translation.override(interface_code(outcome.show)):  # the address under that language's prefix
        return {
            (paragraph.resolution_id, paragraph.key): {
                "language": outcome.show,
                "text": paragraph.text,
                "url": request.build_absolute_uri(paragraph_url(paragraph.resolution.symbol, paragraph.key)),
            }
            for paragraph in aligned_paragraphs(pairs=pairs, language=outcome.show)
        }


def hit_json(request, hit: execute.Hit, aligned: dict | None = None) -> dict:
    answer = {**hit.as_json(), "url": request.build_absolute_uri(hit.url)}
    shown = (aligned or {}).get((hit.resolution.pk, hit.paragraph.key)) if hit.paragraph else None
    if shown:
        answer["aligned"] = shown
    return answer


def group_json(request, group: execute.Group, aligned: dict | None = None) -> dict:
    return {
        "symbol": group.resolution.symbol,
        "title": group.resolution.title,
        "hits_in_resolution": group.total,
        "url": request.build_absolute_uri(group.url),
        "hits": [hit_json(request, hit, aligned) for hit in group.hits],
    }
