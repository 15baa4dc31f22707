"""Exports served on the web: every hit of a search as CSV or JSON Lines, and a resolution's or paragraph's
citation as BibTeX, RIS or CSL-JSON.

- ``/search/export.csv?q=…`` and ``/search/export.jsonl?q=…`` take the search page's parameters, validated
  the same way (``resolutions.web.search_request``), and stream every match in the search's order (relevance
  or ``sort=date``), at most ``EXPORT_MAX_ROWS`` rows; a notice row ends a file that stops before the last
  match. Bad parameters get the search's message and 400.
- ``/A/RES/70/126/cite.bib``, ``/A/RES/70/126/op5/cite.ris``, ``…/cite.json``: the citation file of the
  resolution or paragraph named by the address before it; other spellings redirect to it, unknown ones 404.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from resolutions.exports import citation_formats, search_rows
from resolutions.exports.cited import cited
from resolutions.models import Resolution
from resolutions.search import compile, index
from resolutions.web.addresses import canonical_path, interpret, permanent_redirect, read_address
from resolutions.web.client_limits import per_client_limit
from resolutions.web.languages import ENGLISH, current_text_language
from resolutions.web.search_request import perform, with_retry_after
from resolutions.web.selectors.cited import paragraph_get, paragraph_in
from resolutions.web.selectors.languages import expression_get, languages_held
from resolutions.web.selectors.resolutions import resolution_find, resolution_get
from resolutions.web.selectors.search_hits import hit_rows
from resolutions.web.views.cite import not_found, paragraph_not_found


def export_max_rows() -> int:
    """The most rows one search export writes (``EXPORT_MAX_ROWS``)."""
    return settings.EXPORT_MAX_ROWS


# ---------------------------------------------------------------- every hit of a search


@per_client_limit("EXPORT_RATE")
def search_export(request, extension: str):
    """Every match of the search as CSV or JSON Lines, streamed in the search's order."""
    params = request.GET.copy()
    params["page"], params["view"] = "1", "paragraphs"  # every hit, whatever page the link was made on
    outcome = perform(params)
    if outcome.errors or outcome.results is None:
        return _search_refused(request, outcome)
    total, limit = outcome.results.total, export_max_rows()
    query = compile.with_filters(outcome.plan.matches, outcome.active_filters)
    hits = hit_rows(index.searcher(), query, sort=outcome.sort, limit=min(total, limit))
    site = request.build_absolute_uri("/").rstrip("/")
    content_type, _ = search_rows.FORMATS[extension]
    response = StreamingHttpResponse(
        search_rows.chunks(extension, hits, site, total=total, limit=limit), content_type=content_type
    )
    name = slugify(outcome.query)[:60] or "search"
    response["Content-Disposition"] = f'attachment; filename="search-{name}.{extension}"'
    response["X-Total-Matches"] = str(total)
    response["X-Export-Rows"] = str(min(total, limit))
    return response


def _search_refused(request, outcome):
    """Why the search could not be exported: its own messages (400), or the index is unavailable (503)."""
    messages = outcome.errors or ["Type some words to search for: the export holds every match of a search."]
    response = render(
        request,
        "resolutions/message.html",
        {"title": "Nothing to export", "message": " ".join(messages), "back": ("/search/", "Back to the search")},
        status=outcome.status if outcome.errors else 400,
    )
    return with_retry_after(response) if outcome.unavailable else response


# ---------------------------------------------------------------- a citation file


def citation_file(request, rest: str, extension: str):
    """The citation of the resolution or paragraph at ``rest`` in the format of ``extension``."""
    address = read_address(rest)
    resolution = resolution_get(symbol=address.symbol_text)
    canonical = resolution is not None and request.path == cite_file_path(resolution, address.key, extension)
    if not canonical:
        return _to_canonical_citation(request, rest, address, extension)
    return cited_file(request, resolution, address.key, extension)


def cited_file(request, resolution: Resolution, key: str, extension: str) -> HttpResponse:
    """The citation file of the resolution (or its paragraph ``key``) in the language of the address, as its
    ``cite.`` link or its permalink asked for a citation format gives it."""
    url = request.build_absolute_uri(canonical_path(resolution, key))
    language, text = _cited_language(resolution, key), ""
    if key:
        paragraph = paragraph_get(resolution=resolution, key=key)
        if paragraph is None:
            return paragraph_not_found(request, resolution, key)
        if language != ENGLISH:
            paragraph = paragraph_in(resolution=resolution, key=key, language=language) or paragraph
        text, language = paragraph.text, paragraph.language
    expression = expression_get(resolution=resolution, language=language) if language != ENGLISH else None
    title = expression.title if expression else ""
    return citation_response(extension, [cited(resolution, url, key, text, language=language, title=title)])


def _cited_language(resolution: Resolution, key: str) -> str:
    """The language a citation file cites in: the address's (``/fr/…/cite.ris``) where the archive holds the
    resolution in it, else English (the file then says ``en``, never a language its text is not in)."""
    language = current_text_language()
    return language if language == ENGLISH or language in languages_held(resolution=resolution) else ENGLISH


def citation_response(extension: str, items: list, filename: str = "") -> HttpResponse:
    """The citation file of ``items``, downloaded under its own name."""
    rendered = citation_formats.render(extension, items, filename)
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response


def cite_file_path(resolution: Resolution, key: str, extension: str) -> str:
    """'/A/RES/70/126/op5/cite.bib' — where the citation file of a resolution or paragraph is."""
    return f"{canonical_path(resolution, key)}cite.{extension}"


def _to_canonical_citation(request, rest: str, address, extension: str):
    """Another spelling of a held resolution or paragraph: 301 to its citation file's address; else 404."""
    resolution = resolution_find(symbol=address.symbol_text)
    key = address.key
    if resolution is None:
        found = interpret(rest, address)
        resolution = resolution_find(symbol=found[0]) if found else None
        key = found[1] if found else key
    if resolution is None:
        return not_found(request, rest)
    if key and paragraph_get(resolution=resolution, key=key) is None:
        return paragraph_not_found(request, resolution, address.key_text or key)
    return permanent_redirect(request, cite_file_path(resolution, key, extension))
