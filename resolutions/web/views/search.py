"""The search page (``/search/``) and the same search as JSON (``/api/search``).

Both take the same parameters: ``q``, the filters of ``SearchFilter``
(body, session, year_from, year_to, committee, kind, opening, cites), ``sort``
(relevance | date), ``view`` (paragraphs | resolutions) and ``page``. Bad
parameters are answered with a message and status 400, never a 500; an index
that does not match the archive, with 503 and ``Retry-After``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect, render

from resolutions.models import Paragraph
from resolutions.reference.bodies import BODIES
from resolutions.search import compile, execute, index, query, suggest
from resolutions.search.filters import ParagraphSearchFilter, SearchForm
from resolutions.search.references import reference_url
from resolutions.web.page_cache import cached_page

# How a facet's value becomes filter parameters.
FACET_PARAMETERS = {
    "body": lambda value: {"body": value},
    "session": lambda value: {"session": value},
    "year": lambda value: {"year_from": value, "year_to": value},
    "committee": lambda value: {"committee": value},
    "kind": lambda value: {"kind": value},
    "opening": lambda value: {"opening": value},
}
FACET_TITLES = {
    "body": "Body",
    "session": "Session",
    "year": "Year",
    "committee": "Committee",
    "kind": "Paragraph",
    "opening": "Opening phrase",
}
RETRY_AFTER_SECONDS = 5


@dataclass
class Outcome:
    """What one request to the search asked for and what it found."""

    form: SearchForm
    query: str = ""
    errors: list[str] = field(default_factory=list)
    redirect_to: str | None = None
    plan: compile.Plan | None = None
    results: execute.Results | None = None
    active_filters: dict = field(default_factory=dict)
    suggestion: str | None = None
    removed_by: list[str] = field(default_factory=list)  # filters without which there would be results
    filters_alone_remove_all: bool = False
    sort: str = "relevance"
    view: str = "paragraphs"
    unavailable: bool = False  # the index is missing or does not match the archive

    @property
    def status(self) -> int:
        if self.unavailable:
            return 503
        return 400 if self.errors else 200


def _form_errors(form) -> list[str]:
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            messages.append(f"{label}: {error}" if label and name != "__all__" else error)
    return messages


def perform(params) -> Outcome:
    """Validate the parameters, then jump to a cited document or run the search."""
    form = SearchForm(params)
    outcome = Outcome(form=form, query=(params.get("q") or "")[: query.MAX_QUERY_LENGTH * 2])
    if not form.is_valid():
        outcome.errors += _form_errors(form)
    # Most searches name no filter: then there is nothing for the filter set to validate.
    filtered = any(name in params for name in ParagraphSearchFilter.base_filters)
    filterset = ParagraphSearchFilter(params, queryset=Paragraph.objects.none()) if filtered else None
    if filterset is not None and not filterset.is_valid():
        outcome.errors += _form_errors(filterset.form)
    if outcome.errors:
        return outcome
    outcome.query = form.cleaned_data["q"]
    outcome.sort, outcome.view = form.cleaned_data["sort"], form.cleaned_data["view"]
    cleaned = filterset.form.cleaned_data if filterset is not None else {}
    outcome.active_filters = {name: value for name, value in cleaned.items() if value not in (None, "")}
    if not outcome.query:
        if outcome.active_filters:
            outcome.errors.append("Type some words to search for; the filters narrow a search.")
        return outcome
    if not outcome.active_filters and "page" not in params:
        outcome.redirect_to = reference_url(outcome.query)
        if outcome.redirect_to:
            return outcome
    try:
        outcome.plan = compile.plan(query.parse(outcome.query))
        searcher = index.searcher()
        outcome.results = execute.run(
            searcher,
            outcome.plan,
            outcome.active_filters,
            sort=outcome.sort,
            page=form.cleaned_data["page"],
            grouped=outcome.view == "resolutions",
        )
        if not outcome.results.total:
            _explain_no_hits(outcome, searcher)
    except query.QueryError as error:
        outcome.errors.append(str(error))
    except index.IndexUnavailable as error:
        outcome.errors.append(str(error))
        outcome.unavailable = True
    return outcome


def _has_hits(searcher, matches, filters: dict) -> bool:
    return execute.total(searcher, compile.with_filters(matches, filters)) > 0


def _explain_no_hits(outcome: Outcome, searcher) -> None:
    """Did-you-mean, the filters without which there are hits, and whether only all of them together remove them."""
    filters = outcome.active_filters
    suggestion = suggest.suggestion(outcome.plan.tree, searcher)
    if suggestion:
        try:
            if _has_hits(searcher, compile.plan(query.parse(suggestion)).matches, filters):
                outcome.suggestion = suggestion
        except query.QueryError:
            pass
    matches = outcome.plan.matches
    outcome.removed_by = [
        name for name in filters if _has_hits(searcher, matches, {k: v for k, v in filters.items() if k != name})
    ]
    outcome.filters_alone_remove_all = bool(filters) and not outcome.removed_by and _has_hits(searcher, matches, {})


def _url(params: list[tuple[str, str]], **changes) -> str:
    """The search URL with ``changes`` applied (None removes a parameter); the page resets."""
    kept = [(name, value) for name, value in params if name != "page" and name not in changes]
    return "?" + urlencode(kept + [(name, value) for name, value in changes.items() if value is not None])


def _filter_label(name: str, value) -> str:
    if name == "body":
        return BODIES[value].name if value in BODIES else value
    if name == "kind":
        return dict(Paragraph.KIND_CHOICES).get(value, value)
    return str(value)


def search_seconds() -> int:
    return settings.SEARCH_CACHE_SECONDS


def _unavailable(response):
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _facets(params, results: execute.Results) -> list[dict]:
    facets = []
    for name, values in results.facets.items():
        if not values:
            continue
        # The query string without this facet's parameters is built once; each value appends its own.
        base = _url(params, **dict.fromkeys(FACET_PARAMETERS[name]("")))
        separator = "&" if len(base) > 1 else ""
        facets.append(
            {
                "title": FACET_TITLES[name],
                "values": [
                    {
                        "label": _filter_label(name, value),
                        "count": f"{count:,}",
                        "url": base + separator + urlencode(FACET_PARAMETERS[name](value)),
                    }
                    for value, count in values
                ],
            }
        )
    return facets


def _hit_context(hit: execute.Hit) -> dict:
    """What the page shows of a hit, as a flat dict: the template reads each value with one lookup (twenty
    hits of a dozen values each, on every search)."""
    resolution = hit.resolution
    return {
        "url": hit.url,
        "symbol": resolution.symbol,
        "title": resolution.title,
        "highlight": hit.highlight,
        "marker": hit.footnote.marker if hit.footnote else "",
        "label": hit.label,
        "body_name": resolution.body.name,
        "adopted_text": hit.adopted_text,
    }


def _group_context(group: execute.Group) -> dict:
    resolution, first = group.resolution, group.hits[0]
    return {
        "url": group.url,
        "symbol": resolution.symbol,
        "title": resolution.title,
        "body_name": resolution.body.name,
        "adopted_text": first.adopted_text,
        "total": group.total,
        "hits": [_hit_context(hit) for hit in group.hits],
    }


@functools.partial(cached_page, seconds=search_seconds)
def search_page(request):
    """Search paragraphs and footnotes: hits with highlights, chips, facets, pages; a citation jumps to its page."""
    outcome = perform(request.GET)
    if outcome.redirect_to:
        return redirect(outcome.redirect_to)
    params = [(name, value) for name, values in request.GET.lists() for value in values]
    chips = [
        {
            "label": f"{ParagraphSearchFilter.base_filters[name].label}: {_filter_label(name, value)}",
            "remove_url": _url(params, **{name: None}),
        }
        for name, value in outcome.active_filters.items()
    ]
    results = outcome.results
    context = {
        "query": outcome.query,
        "outcome": outcome,
        "results": results,
        "chips": chips,
        "facets": _facets(params, results) if results else [],
        "hits": [_hit_context(hit) for hit in results.hits] if results else [],
        "groups": [_group_context(group) for group in results.groups] if results else [],
        "removed_by": [ParagraphSearchFilter.base_filters[name].label for name in outcome.removed_by],
        "sort_urls": {value: _url(params, sort=value) for value in ("relevance", "date")},
        "view_urls": {value: _url(params, view=value) for value in ("paragraphs", "resolutions")},
        "suggestion_url": _url(params, q=outcome.suggestion) if outcome.suggestion else None,
        "previous_url": _page_url(params, results.page - 1) if results and results.page > 1 else None,
        "next_url": _page_url(params, results.page + 1) if results and results.page < results.pages else None,
        "max_hits": execute.max_hits(),
    }
    response = render(request, "resolutions/search.html", context, status=outcome.status)
    return _unavailable(response) if outcome.unavailable else response


def _page_url(params: list[tuple[str, str]], page: int) -> str:
    return "?" + urlencode([(name, value) for name, value in params if name != "page"] + [("page", page)])


@functools.partial(cached_page, seconds=search_seconds)
def search_api(request):
    """The search as JSON, same parameters as /search/; errors as {"errors": [...]} with status 400 (503: index)."""
    outcome = perform(request.GET)
    if outcome.errors:
        response = JsonResponse({"errors": outcome.errors}, status=outcome.status)
        return _unavailable(response) if outcome.unavailable else response
    if outcome.redirect_to:
        return JsonResponse({"query": outcome.query, "reference": request.build_absolute_uri(outcome.redirect_to)})
    results = outcome.results
    body = {
        "query": outcome.query,
        "understood_as": str(outcome.plan) if outcome.plan else "",
        "ignored_words": outcome.plan.dropped if outcome.plan else [],
        "filters": {name: str(value) for name, value in outcome.active_filters.items()},
        "sort": outcome.sort,
        "view": outcome.view,
    }
    if results is None:
        body.update(total=0, results=[])
        return JsonResponse(body)
    body.update(
        total=results.total,
        resolutions=results.resolutions,
        resolutions_exact=results.resolutions_exact,
        page=results.page,
        pages=results.pages,
        deepest_hit=results.deepest_hit,
        facets={
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in results.facets.items()
        },
        suggestion=outcome.suggestion,
        removed_by_filters=outcome.removed_by,
    )

    def hit_json(hit):
        return {**hit.as_json(), "url": request.build_absolute_uri(hit.url)}

    if outcome.view == "resolutions":
        body["groups"] = [
            {
                "symbol": group.resolution.symbol,
                "title": group.resolution.title,
                "hits_in_resolution": group.total,
                "url": request.build_absolute_uri(group.url),
                "hits": [hit_json(hit) for hit in group.hits],
            }
            for group in results.groups
        ]
    else:
        body["results"] = [hit_json(hit) for hit in results.hits]
    return JsonResponse(body)
