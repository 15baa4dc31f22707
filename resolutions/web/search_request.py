"""One request to the search, as the search page (``/search/``) and the JSON API (``/api/search``) both handle it.

Both take the same parameters: ``q``, the filters of ``ParagraphSearchFilter``
(language -- absent, the page's own language; ``any``, every language --, body, session, year_from,
year_to, committee, kind, opening, cites), ``sort``
(relevance | date), ``view`` (paragraphs | resolutions), ``page`` and ``show`` (a language whose aligned
paragraph is shown beside each hit). Bad
parameters are answered with a message and status 400, never a 500; an index
that does not match the archive, with 503 and ``Retry-After``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext

from resolutions.models import Paragraph
from resolutions.search import analysis, compile, execute, index, query, suggest
from resolutions.search.filters import ParagraphSearchFilter, SearchForm
from resolutions.search.references import reference_url
from resolutions.web.languages import current_text_language

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
    language: str = "en"  # the language searched ("any": every language)
    show: str = ""  # the language whose aligned paragraph is shown beside each hit
    unavailable: bool = False  # the index is missing or does not match the archive

    @property
    def status(self) -> int:
        if self.unavailable:
            return 503
        return 400 if self.errors else 200


def search_seconds() -> int:
    """How long a search's answer is served again from the page cache."""
    return settings.SEARCH_CACHE_SECONDS


def with_retry_after(response):
    """The answer to a search the index could not run: try again shortly."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def perform(params) -> Outcome:
    """Validate the parameters, then jump to a cited document or run the search."""
    form = SearchForm(params)
    outcome = Outcome(form=form, query=(params.get("q") or "")[: query.MAX_QUERY_LENGTH * 2])
    filterset = _validated(outcome, params)
    if outcome.errors:
        return outcome
    _read_cleaned(outcome, filterset)
    if not outcome.query:
        if outcome.active_filters:
            outcome.errors.append(gettext("Type some words to search for; the filters narrow a search."))
        return outcome
    if not outcome.active_filters and "page" not in params:
        outcome.redirect_to = reference_url(outcome.query)
        if outcome.redirect_to:
            return outcome
    _run(outcome)
    return outcome


def _validated(outcome: Outcome, params) -> ParagraphSearchFilter | None:
    """The filter set of the parameters (None when they name no filter), its errors and the form's in ``outcome``."""
    if not outcome.form.is_valid():
        outcome.errors += _form_errors(outcome.form)
    # Most searches name no filter: then there is nothing for the filter set to validate.
    filtered = any(name in params for name in ParagraphSearchFilter.base_filters)
    filterset = ParagraphSearchFilter(params, queryset=Paragraph.objects.none()) if filtered else None
    if filterset is not None and not filterset.is_valid():
        outcome.errors += _form_errors(filterset.form)
    return filterset


def _form_errors(form) -> list[str]:
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            messages.append(f"{label}: {error}" if label and name != "__all__" else error)
    return messages


def _read_cleaned(outcome: Outcome, filterset: ParagraphSearchFilter | None) -> None:
    """The query, sort, view and the filters given, as validated."""
    cleaned = outcome.form.cleaned_data
    outcome.query = cleaned["q"]
    outcome.sort, outcome.view = cleaned["sort"], cleaned["view"]
    outcome.show = cleaned.get("show") or ""
    filters = filterset.form.cleaned_data if filterset is not None else {}
    outcome.active_filters = {name: value for name, value in filters.items() if value not in (None, "")}
    outcome.language = outcome.active_filters.get("language") or current_text_language()


def _run(outcome: Outcome) -> None:
    """The search itself, and why it found nothing when it did not; its errors in ``outcome``."""
    try:
        tree = query.parse(outcome.query)
        languages = compile.plan_languages({"language": outcome.language})
        outcome.plan = compile.plan(tree, languages)
        searcher = index.searcher()
        outcome.results = execute.run(
            searcher,
            outcome.plan,
            outcome.active_filters,
            sort=outcome.sort,
            page=outcome.form.cleaned_data["page"],
            grouped=outcome.view == "resolutions",
            every_language=_every_language(tree) if len(languages) == 1 else None,
        )
        if not outcome.results.total:
            _explain_no_hits(outcome, searcher)
    except query.QueryError as error:
        outcome.errors.append(str(error))
    except index.IndexUnavailable as error:
        outcome.errors.append(str(error))
        outcome.unavailable = True


def _every_language(tree) -> compile.Plan | None:
    """The query searched in every language (the language facet's counts), or None when no language finds
    anything to search in it."""
    try:
        return compile.plan(tree, analysis.ALL_LANGUAGES)
    except query.QueryError:
        return None


def _has_hits(searcher, matches, filters: dict) -> bool:
    return execute.total(searcher, compile.with_filters(matches, filters)) > 0


def _explain_no_hits(outcome: Outcome, searcher) -> None:
    """Did-you-mean, the filters without which there are hits, and whether only all of them together remove them."""
    filters = outcome.active_filters
    outcome.suggestion = _suggestion_with_hits(outcome, searcher)
    matches = outcome.plan.matches
    outcome.removed_by = [
        name for name in filters if _has_hits(searcher, matches, {k: v for k, v in filters.items() if k != name})
    ]
    outcome.filters_alone_remove_all = bool(filters) and not outcome.removed_by and _has_hits(searcher, matches, {})


def _suggestion_with_hits(outcome: Outcome, searcher) -> str | None:
    """A spelling of the query from the archive's words that finds something with the same filters."""
    languages = outcome.plan.languages
    suggestion = suggest.suggestion(outcome.plan.tree, searcher, languages[0]) if len(languages) == 1 else None
    if not suggestion:
        return None
    try:
        suggested = compile.plan(query.parse(suggestion), outcome.plan.languages)
        if _has_hits(searcher, suggested.matches, outcome.active_filters):
            return suggestion
    except query.QueryError:
        pass
    return None
