"""Sections: which heading opens one ("II", "A.", "Article 2", "Guideline 5") and at what level."""

from __future__ import annotations

import re

from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")
SECTION_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")


def section_level(text: str, path: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(level, label) when ``text`` opens a section: "II" (2, "ii"), "A." (3, "a"), "Article 2" (4, "article-2")."""
    # Structured annexes number their paragraphs within articles, guidelines, principles, conclusions…
    named = ENGLISH.named_section_re.match(text)
    if named:
        word, level = ENGLISH.section_names[named.group(1)]
        return level, f"{word}-{named.group(2).lower()}"
    if not SECTION_NUMBER_RE.match(text):
        return None
    numeral = text.rstrip(".")
    previous_letter = next((label for level, label in path if level == 3), "")
    follows_letter = len(numeral) == 1 and previous_letter and ord(numeral.lower()) == ord(previous_letter) + 1
    if re.fullmatch(r"[IVXLC]+", numeral) and not follows_letter:
        return 2, numeral.lower()
    return 3, numeral.lower()
