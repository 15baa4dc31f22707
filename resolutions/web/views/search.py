"""The search page (``/search/``): hits with highlights, filter chips, facets and pages.

How the parameters are read and the search run is ``resolutions.web.search_request``,
shared with the JSON API (``resolutions.api.views``).
"""

from __future__ import annotations

import functools

from django.shortcuts import redirect, render

from resolutions.search import execute
from resolutions.search.filters import LANGUAGE_CHOICES, TEXT_LANGUAGE_CHOICES
from resolutions.web.client_limits import per_client_limit
from resolutions.web.page_cache import cached_page
from resolutions.web.presenters.exports import search_export_urls
from resolutions.web.presenters.search import (
    RECORD_FILTERS,
    aligned_context,
    chips,
    facets,
    filter_title,
    group_context,
    hit_context,
    names_wanted,
    page_url,
    record_form,
    search_url,
)
from resolutions.web.search_request import perform, search_seconds, with_retry_after
from resolutions.web.selectors.languages import aligned_paragraphs
from resolutions.web.selectors.record import goal_list_all, member_state_choices, record_names


@functools.partial(cached_page, seconds=search_seconds)
@per_client_limit("SEARCH_RATE")  # inside the cache: only searches computed are counted
def search_page(request):
    """Search paragraphs and footnotes: hits with highlights, chips, facets, pages; a citation jumps to its page."""
    outcome = perform(request.GET)
    if outcome.redirect_to:
        return redirect(outcome.redirect_to)
    params = [(name, value) for name, values in request.GET.lists() for value in values]
    names = record_names(**names_wanted(outcome.active_filters, outcome.results))
    goals = [(str(goal.number), str(goal)) for goal in goal_list_all()]
    context = {
        "query": outcome.query,
        "outcome": outcome,
        "hidden_filters": {  # the form's own fields give the language and the record's filters
            name: value
            for name, value in outcome.active_filters.items()
            if name not in RECORD_FILTERS and name != "language"
        },
        "record_form": record_form(outcome.active_filters, member_state_choices(), goals, names),
        "chips": chips(params, outcome.active_filters, names),
        "removed_by": [filter_title(name) for name in outcome.removed_by],
        "sort_urls": {value: search_url(params, sort=value) for value in ("relevance", "date")},
        "view_urls": {value: search_url(params, view=value) for value in ("paragraphs", "resolutions")},
        "suggestion_url": search_url(params, q=outcome.suggestion) if outcome.suggestion else None,
        "export_urls": search_export_urls(params),
        "language_choices": LANGUAGE_CHOICES,
        "show_choices": TEXT_LANGUAGE_CHOICES,
        **_results_context(params, outcome.results, _aligned(outcome), names),
    }
    response = render(request, "resolutions/search.html", context, status=outcome.status)
    return with_retry_after(response) if outcome.unavailable else response


def _aligned(outcome) -> dict:
    """The hits' paragraphs in the language asked to be shown beside them (``show``), by (resolution, key)."""
    results = outcome.results
    if results is None or not outcome.show:
        return {}
    hits = results.hits or [hit for group in results.groups for hit in group.hits]
    pairs = [(hit.resolution.pk, hit.paragraph.key) for hit in hits if hit.paragraph and hit.language != outcome.show]
    return aligned_context(aligned_paragraphs(pairs=pairs, language=outcome.show), outcome.show)


def _results_context(
    params: list[tuple[str, str]], results: execute.Results | None, aligned: dict, names: dict
) -> dict:
    """The hits or groups of the page, its facets, and the links to the pages around it."""
    if results is None:
        return {"results": None, "facets": [], "hits": [], "groups": [], "previous_url": None, "next_url": None}
    return {
        "results": results,
        "facets": facets(params, results, names),
        "hits": [hit_context(hit, aligned) for hit in results.hits],
        "groups": [group_context(group, aligned) for group in results.groups],
        "previous_url": page_url(params, results.page - 1) if results.page > 1 else None,
        "next_url": page_url(params, results.page + 1) if results.page < results.pages else None,
    }
