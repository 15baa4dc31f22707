"""Two languages of a resolution side by side: ``/A/RES/70/126/side-by-side/?left=fr&right=ar``.

The paragraphs are aligned by key (``op5`` is operative paragraph 5 in every language); a paragraph one
language lacks is shown as missing, never guessed. The interface's language is the address's prefix, as on
every page; the two text languages are the form's.
"""

from __future__ import annotations

from django.shortcuts import render

from resolutions.reference import permalinks
from resolutions.web.filters_languages import SideBySideForm
from resolutions.web.languages import TextLanguage
from resolutions.web.presenters.languages import side_by_side_rows
from resolutions.web.presenters.resolutions import adopted_text
from resolutions.web.selectors.languages import expression_get, languages_held, side_by_side_pairs
from resolutions.web.selectors.resolutions import resolution_find
from resolutions.web.views.cite import not_found


def side_by_side(request, rest: str):
    """Any two languages of a resolution, paragraph by aligned paragraph (one above the other on a phone)."""
    resolution = resolution_find(symbol=permalinks.path_segment_to_symbol(rest))
    if resolution is None:
        return not_found(request, rest)
    held = languages_held(resolution=resolution)
    form = SideBySideForm(request.GET, held=held)
    if not held or not form.is_valid():
        context = {"resolution": resolution, "form": form, "held": [TextLanguage(code) for code in held], "rows": []}
        return render(request, "resolutions/side_by_side.html", context, status=400)
    codes = [form.cleaned_data["left"], form.cleaned_data["right"]]
    rows = side_by_side_rows(
        resolution, codes, side_by_side_pairs(resolution=resolution, first=codes[0], second=codes[1])
    )
    titles = []
    for code in codes:
        expression = expression_get(resolution=resolution, language=code)
        titles.append(expression.title if expression else resolution.title)
    return render(
        request,
        "resolutions/side_by_side.html",
        {
            "resolution": resolution,
            "adopted_text": adopted_text(resolution),
            "form": form,
            "held": [TextLanguage(code) for code in held],
            "languages": [TextLanguage(code) for code in codes],
            "titles": list(zip([TextLanguage(code) for code in codes], titles, strict=True)),
            "rows": rows,
        },
    )
