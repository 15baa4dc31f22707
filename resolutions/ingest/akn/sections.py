"""Sections: which heading opens one ("II", "A.", "Article 2", "Guideline 5") and at what level."""

from __future__ import annotations

import re

SECTION_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")

# Structured annexes number their paragraphs within articles, guidelines, principles, conclusions…
NAMED_SECTION_RE = re.compile(
    r"^(?:Draft\s+)?(Annex|Appendix|Part|Chapter|Article|Rule|Section|Regulation|Guideline|Principle|Conclusion)"
    r"\s+([IVXLC]+|\d+[A-Za-z]?|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten))\b"
)

NAMED_SECTION_LEVELS = {
    "annex": 0,
    "appendix": 0,
    "part": 1,
    "chapter": 1,
    "article": 4,
    "rule": 4,
    "section": 4,
    "regulation": 4,
    "guideline": 4,
    "principle": 4,
    "conclusion": 4,
}


def section_level(text: str, path: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(level, label) when ``text`` opens a section: "II" (2, "ii"), "A." (3, "a"), "Article 2" (4, "article-2")."""
    named = NAMED_SECTION_RE.match(text)
    if named:
        word = named.group(1).lower()
        return NAMED_SECTION_LEVELS[word], f"{word}-{named.group(2).lower()}"
    if not SECTION_NUMBER_RE.match(text):
        return None
    numeral = text.rstrip(".")
    previous_letter = next((label for level, label in path if level == 3), "")
    follows_letter = len(numeral) == 1 and previous_letter and ord(numeral.lower()) == ord(previous_letter) + 1
    if re.fullmatch(r"[IVXLC]+", numeral) and not follows_letter:
        return 2, numeral.lower()
    return 3, numeral.lower()
