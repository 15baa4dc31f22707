"""Wording as compared: the same words in the same order, whatever the case, quotation marks, dashes,
spacing or the punctuation a paragraph ends with (a preambular paragraph ends with a comma, the same
words in the last operative one with a full stop)."""

from __future__ import annotations

import re

# Characters read as another: curly quotes as straight ones, every dash as a hyphen, no-break spaces as spaces.
# Replaced one by one (``str.replace``, a C scan each): ``str.translate`` with a table takes its slow path on
# any non-ASCII text, hundreds of microseconds a paragraph, which a comparison of two long resolutions pays
# eight hundred times.
_EQUIVALENTS = (
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‘", "'"),
    ("’", "'"),
    ("‐", "-"),
    ("‑", "-"),
    ("‒", "-"),
    ("–", "-"),
    ("—", "-"),
    ("\u00a0", " "),
    ("\u202f", " "),
)
_END_CHARACTERS = " ,;:."  # after spaces are collapsed, the only space left at the end is " "
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def normalised(text: str) -> str:
    """The wording to compare: case folded, quotes and dashes unified, spaces collapsed, end punctuation gone."""
    if not text.isascii():
        for character, equivalent in _EQUIVALENTS:
            if character in text:
                text = text.replace(character, equivalent)
    # str.split() splits on exactly the characters the regular expression \s matches (str.isspace).
    return " ".join(text.casefold().split()).rstrip(_END_CHARACTERS)


def words(text: str) -> list[str]:
    """The words of a normalised text, punctuation left out."""
    return _WORD_RE.findall(text)
