"""Wording as compared: the same words in the same order, whatever the case, quotation marks, dashes,
spacing or the punctuation a paragraph ends with (a preambular paragraph ends with a comma, the same
words in the last operative one with a full stop)."""

from __future__ import annotations

import re

_EQUIVALENTS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_SPACE_RE = re.compile(r"\s+")
_END_RE = re.compile(r"[\s,;:.]+$")
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def normalised(text: str) -> str:
    """The wording to compare: case folded, quotes and dashes unified, spaces collapsed, end punctuation gone."""
    folded = _SPACE_RE.sub(" ", text.translate(_EQUIVALENTS).casefold()).strip()
    return _END_RE.sub("", folded)


def words(text: str) -> list[str]:
    """The words of a normalised text, punctuation left out."""
    return _WORD_RE.findall(text)
