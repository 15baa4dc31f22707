"""The form of the side-by-side page: which two of a resolution's languages to show."""

from __future__ import annotations

from django import forms

from resolutions.web.languages import ENGLISH, NATIVE_NAMES, current_text_language


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
