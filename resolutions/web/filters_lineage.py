"""The forms of the agreed-language pages: two resolutions to compare, a wording (or a paragraph) to look for."""

from __future__ import annotations

from django import forms

from resolutions.reference.paragraph_keys import KEY_SHAPE
from resolutions.search.filters import SymbolField

MAX_WORDING = 4_000  # characters of a pasted wording: a long paragraph, not a whole resolution
MIN_WORDING = 3
MAX_PAGE = 1_000  # pages of found wordings


class CompareForm(forms.Form):
    """``?to=A/RES/70/126`` (with its predecessor in its series) or ``?from=…&to=…`` (any two)."""

    parameters = frozenset({"to", "from"})  # as the address names them (the page cache keeps these)

    to = SymbolField(max_length=80, label="Resolution")
    earlier = SymbolField(max_length=80, required=False, label="Compared with (default: its predecessor)")

    def __init__(self, data=None, *args, **kwargs):
        # ``from`` is a Python keyword: the address says ``from``, the form reads it as ``earlier``.
        if data is not None:
            data = {"to": data.get("to", ""), "earlier": data.get("from", "")}
        super().__init__(data, *args, **kwargs)


class UsedBeforeForm(forms.Form):
    """A pasted wording (``?text=``), or a paragraph of the archive by symbol and key (``?symbol=&key=``)."""

    text = forms.CharField(
        required=False,
        max_length=MAX_WORDING,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        label="Paragraph or phrase",
    )
    symbol = SymbolField(required=False, max_length=80)
    key = forms.CharField(required=False, max_length=40)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean_key(self):
        key = self.cleaned_data["key"].strip()
        if key and not KEY_SHAPE.match(key):
            raise forms.ValidationError(f"“{key[:40]}” is not a paragraph key (e.g. op5, pp3).")
        return key

    def clean(self):
        cleaned = super().clean()
        text, symbol, key = cleaned.get("text", ""), cleaned.get("symbol", ""), cleaned.get("key", "")
        if bool(symbol) != bool(key) and "symbol" not in self.errors and "key" not in self.errors:
            raise forms.ValidationError("Give both the resolution's symbol and the paragraph's key.")
        if text and symbol:
            raise forms.ValidationError("Give either a wording or a paragraph, not both.")
        if text and len(text) < MIN_WORDING:
            self.add_error("text", f"Give at least {MIN_WORDING} characters.")
        return cleaned
