"""The search page (``/search/``) and the same search as JSON (``/api/search``).

Both take the same parameters: ``q``, the filters of ``SearchFilter``
(body, session, year_from, year_to, committee, kind, opening, cites), ``sort``
(relevance | date), ``view`` (paragraphs | resolutions) and ``page``. Bad
parameters are answered with a message and status 400, never a 500.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render

from resolutions import search
from resolutions.bodies import BODIES
from resolutions.models import Footnote, Paragraph
from resolutions.page_cache import cached_page
from resolutions.search_filters import FootnoteSearchFilter, ParagraphSearchFilter, SearchForm

FILTER_NAMES = list(ParagraphSearchFilter.base_filters)
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
    "body": "Body", "session": "Session", "year": "Year", "committee": "Committee", "kind": "Paragraph",
    "opening": "Opening phrase",
}


@dataclass
class Outcome:
    """What one request to the search asked for and what it found."""

    form: SearchForm
    query: str = ""
    errors: list[str] = field(default_factory=list)
    redirect_to: str | None = None
    parsed: search.ParsedQuery | None = None
    results: search.Results | None = None
    active_filters: dict = field(default_factory=dict)
    suggestion: str | None = None
    removed_by: list[str] = field(default_factory=list)  # filters without which there would be results
    filters_alone_remove_all: bool = False
    sort: str = "relevance"
    view: str = "paragraphs"

    timed_out: bool = False

    @property
    def status(self) -> int:
        if self.timed_out:
            return 503
        return 400 if self.errors else 200


@functools.cache
def _footnote_filters() -> FootnoteSearchFilter:
    """The footnote filters, built once: they hold no request data (the values come validated)."""
    return FootnoteSearchFilter(queryset=Footnote.objects.none())


def _filter_functions(data):
    """Validated filters for both hit types, as queryset -> queryset functions (or their errors).

    The parameters are validated once, by the paragraph filter set; the
    footnote filters (the same fields, other paths) apply the cleaned values.
    """
    paragraph_filter = ParagraphSearchFilter(data, queryset=Paragraph.objects.none())
    if not paragraph_filter.is_valid():
        return None, None, paragraph_filter
    cleaned, footnote_filters = paragraph_filter.form.cleaned_data, _footnote_filters().filters

    def filter_footnotes(queryset):
        for name, value in cleaned.items():
            queryset = footnote_filters[name].filter(queryset, value)
        return queryset

    return paragraph_filter.filter_queryset, filter_footnotes, paragraph_filter


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
    outcome = Outcome(form=form, query=(params.get("q") or "")[: search.MAX_QUERY_LENGTH * 2])
    paragraph_filter, footnote_filter, filterset = _filter_functions(params)
    if not form.is_valid():
        outcome.errors += _form_errors(form)
    if paragraph_filter is None:
        outcome.errors += _form_errors(filterset.form)
    if outcome.errors:
        return outcome
    outcome.query = form.cleaned_data["q"]
    outcome.sort, outcome.view = form.cleaned_data["sort"], form.cleaned_data["view"]
    outcome.active_filters = {
        name: value for name, value in filterset.form.cleaned_data.items() if value not in (None, "")
    }
    if not outcome.query:
        if outcome.active_filters:
            outcome.errors.append("Type some words to search for; the filters narrow a search.")
        return outcome
    if not outcome.active_filters and "page" not in params:
        outcome.redirect_to = search.reference_url(outcome.query)
        if outcome.redirect_to:
            return outcome
    page = form.cleaned_data["page"]
    try:
        outcome.parsed = search.parse_query(outcome.query)
        results = search.run(
            outcome.parsed, paragraph_filter, footnote_filter, sort=outcome.sort, page=page,
            grouped=outcome.view == "resolutions",
        )
        explained = _explain_no_hits(outcome, params, paragraph_filter, footnote_filter, results)
    except search.QueryError as error:
        outcome.errors.append(str(error))
        outcome.timed_out = isinstance(error, search.SearchTimeout)
        return outcome
    outcome.results = results
    outcome.suggestion, outcome.removed_by, outcome.filters_alone_remove_all = explained
    return outcome


def _explain_no_hits(outcome: Outcome, params, paragraph_filter, footnote_filter, results):
    """(did-you-mean, filters without which there are hits, whether only all filters together remove them)."""
    if results.total:
        return None, [], False
    suggestion = search.suggest(outcome.parsed, paragraph_filter, footnote_filter)
    removed_by = []
    for name in outcome.active_filters:
        data = params.copy()
        data.pop(name, None)
        without_paragraph, without_footnote, _ = _filter_functions(data)
        if search.has_matches(outcome.parsed, without_paragraph, without_footnote):
            removed_by.append(name)
    alone_remove_all = bool(outcome.active_filters) and not removed_by and search.has_matches(
        outcome.parsed, lambda qs: qs, lambda qs: qs
    )
    return suggestion, removed_by, alone_remove_all


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
    return search.CACHE_SECONDS


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
    facets = []
    if outcome.results:
        for name, values in outcome.results.facets.items():
            if values:
                # The query string without this facet's parameters is built once; each value appends its own.
                replaced = FACET_PARAMETERS[name]("")
                base = _url(params, **{parameter: None for parameter in replaced})
                separator = "&" if len(base) > 1 else ""
                facets.append({
                    "title": FACET_TITLES[name],
                    "values": [
                        {"label": _filter_label(name, value), "count": f"{count:,}",
                         "url": base + separator + urlencode(FACET_PARAMETERS[name](value))}
                        for value, count in values
                    ],
                })
    results = outcome.results
    context = {
        "query": outcome.query,
        "outcome": outcome,
        "results": results,
        "chips": chips,
        "facets": facets,
        "removed_by": [ParagraphSearchFilter.base_filters[name].label for name in outcome.removed_by],
        "sort_urls": {value: _url(params, sort=value) for value in ("relevance", "date")},
        "view_urls": {value: _url(params, view=value) for value in ("paragraphs", "resolutions")},
        "suggestion_url": _url(params, q=outcome.suggestion) if outcome.suggestion else None,
        "previous_url": _page_url(params, results.page - 1) if results and results.page > 1 else None,
        "next_url": _page_url(params, results.page + 1) if results and results.page < results.pages else None,
        "candidate_limit": search.CANDIDATE_LIMIT,
    }
    return render(request, "resolutions/search.html", context, status=outcome.status)


def _page_url(params: list[tuple[str, str]], page: int) -> str:
    return "?" + urlencode([(name, value) for name, value in params if name != "page"] + [("page", page)])


@functools.partial(cached_page, seconds=search_seconds)
def search_api(request):
    """The search as JSON, same parameters as /search/; errors as {"errors": [...]} with status 400."""
    outcome = perform(request.GET)
    if outcome.errors:
        return JsonResponse({"errors": outcome.errors}, status=outcome.status)
    if outcome.redirect_to:
        return JsonResponse({"query": outcome.query, "reference": request.build_absolute_uri(outcome.redirect_to)})
    results = outcome.results
    body = {
        "query": outcome.query,
        "understood_as": str(outcome.parsed) if outcome.parsed else "",
        "filters": {name: str(value) for name, value in outcome.active_filters.items()},
        "sort": outcome.sort,
        "view": outcome.view,
    }
    if results is None:
        body.update(total=0, results=[])
        return JsonResponse(body)
    body.update(
        total=results.total,
        total_is_capped=results.total_is_capped,
        resolutions=results.resolutions,
        page=results.page,
        pages=results.pages,
        facets={name: [{"value": value, "count": count} for value, count in values] for name, values in results.facets.items()},
        suggestion=outcome.suggestion,
        removed_by_filters=outcome.removed_by,
    )
    def hit_json(hit):
        return {**hit.as_json(), "url": request.build_absolute_uri(hit.url)}

    if outcome.view == "resolutions":
        body["groups"] = [
            {"symbol": group.resolution.symbol, "title": group.resolution.title, "hits_in_resolution": group.total,
             "url": request.build_absolute_uri(group.url), "hits": [hit_json(hit) for hit in group.hits]}
            for group in results.groups
        ]
    else:
        body["results"] = [hit_json(hit) for hit in results.hits]
    return JsonResponse(body)
