"""Sections: which heading opens one ("II", "A.", "Article 2", "Guideline 5") and at what level, in any format."""

from __future__ import annotations

import re

from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")
SECTION_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")


# A heading that opens with its section's numeral: "I. KEEPING THE LIGHT", "A. The lamp"
NUMBERED_HEADING_RE = re.compile(r"^(?P<numeral>[IVXLC]+|[A-Z])\.\s+\S")


def heading_section(text: str, path: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(level, label) when a heading line of a text opens a section: "II. Title", "A. Title", "Article 2"."""
    numbered = NUMBERED_HEADING_RE.match(text)
    return section_level(numbered.group("numeral") + "." if numbered else text, path)


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
