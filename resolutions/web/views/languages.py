"""Two languages of a resolution side by side: ``/A/RES/70/126/side-by-side/?left=fr&right=ar``.

The paragraphs are aligned by key (``op5`` is operative paragraph 5 in every language); a paragraph one
language lacks is shown as missing, never guessed. The interface's language is the address's prefix, as on
every page; the two text languages are the form's.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import render

from resolutions.reference import permalinks
from resolutions.web.languages import ENGLISH, NATIVE_NAMES, TextLanguage, current_text_language
from resolutions.web.presenters.languages import side_by_side_rows
from resolutions.web.presenters.resolutions import adopted_text
from resolutions.web.selectors.languages import expression_get, languages_held, side_by_side_pairs
from resolutions.web.selectors.resolutions import resolution_find
from resolutions.web.views.cite import not_found


class SideBySideForm(forms.Form):
    """Two of the languages the resolution is held in (different ones)."""

    left = forms.ChoiceField(required=False, label="Left")
    right = forms.ChoiceField(required=False, label="Right")

    def __init__(self, data, *, held: list[str]):
        super().__init__(data)
        choices = [(code, NATIVE_NAMES[code]) for code in held]
        self.fields["left"].choices = self.fields["right"].choices = choices
        self.held = held

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        page = current_text_language()
        left = cleaned.get("left") or (page if page in self.held else self.held[0])
        others = [code for code in self.held if code != left]
        right = cleaned.get("right") or (ENGLISH if ENGLISH in others else others[0] if others else left)
        if left == right and len(self.held) > 1:
            raise forms.ValidationError("Choose two different languages.")
        cleaned.update(left=left, right=right)
        return cleaned


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
