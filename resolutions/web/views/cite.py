"""The citation look-up (``/cite/``), and the not-found pages that offer the nearest resolutions or paragraphs."""

from __future__ import annotations

import difflib
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.shortcuts import render

from resolutions.citations.references import parse_reference
from resolutions.citations.symbols import normalize_symbol
from resolutions.models import Resolution
from resolutions.reference import permalinks
from resolutions.reference.bodies import BODIES
from resolutions.web.addresses import canonical_path
from resolutions.web.presenters.resolutions import official_url
from resolutions.web.selectors.languages import with_titles_shown
from resolutions.web.selectors.paragraphs import paragraph_keys, paragraph_keys_held
from resolutions.web.selectors.resolutions import resolution_find, resolution_nearest

DEFAULT_BODY = "GA"
MAX_CITATION_LENGTH = 300
UNREADABLE = "This does not read as a citation of a UN document. Try “A/RES/70/126, para. 5” or “resolution 70/126”."


def cite(request):
    """Resolve a free-text citation ("paragraph 5 of resolution 70/126") to its permalink."""
    query = request.GET.get("q", "").strip()
    body = request.GET.get("body", DEFAULT_BODY)
    if body not in BODIES:
        body = DEFAULT_BODY
    context = {"query": query, "body_code": body, "bodies": BODIES.values()}
    if not query:
        return render(request, "resolutions/cite.html", context)
    reference = parse_reference(query, context_body=body) if len(query) <= MAX_CITATION_LENGTH else None
    if reference is None:
        return render(request, "resolutions/cite.html", {**context, "error": UNREADABLE}, status=400)
    resolution = resolution_find(symbol=reference.symbol)
    if resolution is None:
        return _not_held(request, context, reference.symbol)
    return _to_the_paragraphs(request, resolution, reference)


def _not_held(request, context: dict, symbol: str):
    context = {
        **context,
        "error": f"The archive does not hold {symbol}.",
        "official": official_url(symbol),
        "symbol": symbol,
        "nearest": with_titles_shown(resolution_nearest(text=symbol)),
    }
    return render(request, "resolutions/cite.html", context, status=404)


def _to_the_paragraphs(request, resolution: Resolution, reference):
    """To the paragraph cited (the first of a range, which its page notes), or the resolution."""
    wanted = [key for key in (reference.paragraph_key, reference.last_key) if key]
    held = paragraph_keys_held(resolution=resolution, keys=wanted)
    if reference.paragraph_key and reference.paragraph_key not in held:
        return paragraph_not_found(request, resolution, reference.paragraph_key)
    location = canonical_path(resolution, reference.paragraph_key)
    if reference.last_key in held:  # "paras. 3–5": the first, with the range noted on its page
        location += "?" + urlencode({"through": reference.last_key})
    return HttpResponseRedirect(location)


def not_found(request, rest: str):
    """Unknown address: say so, offer the search and the nearest symbols."""
    asked = permalinks.path_segment_to_symbol(rest)[:120]
    symbol = normalize_symbol(asked)
    return render(
        request,
        "resolutions/not_found.html",
        {
            "asked": asked,
            "nearest": with_titles_shown(resolution_nearest(text=asked)),
            "search_query": asked,
            "official": official_url(symbol) if symbol else "",
        },
        status=404,
    )


def paragraph_not_found(request, resolution: Resolution, key: str):
    """A key the resolution has no paragraph of: say so, offer the paragraphs of similar keys."""
    nearest = difflib.get_close_matches(key.lower(), paragraph_keys(resolution=resolution), n=6, cutoff=0.3)
    return render(
        request,
        "resolutions/not_found.html",
        {
            "asked": f"{resolution.symbol}, {key[:40]}",
            "resolution": resolution,
            "nearest_keys": [
                (k, permalinks.paragraph_url(resolution.symbol, k), permalinks.paragraph_title(k)) for k in nearest
            ],
            "search_query": resolution.symbol,
        },
        status=404,
    )
