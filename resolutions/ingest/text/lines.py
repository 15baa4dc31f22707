"""Lines into text: white space made plain, wrapped lines joined, words broken at a line end mended."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")


def normalise_spaces(text: str) -> str:
    """Non-breaking spaces and hyphens to plain ones; runs of white space to one space."""
    text = text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u00ad", "").replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip()


def join_lines(lines: list[str], language: Language = ENGLISH) -> str:
    """Join wrapped lines: hyphens and dashes at a line end join without a space."""
    pieces: list[str] = []
    for raw in lines:
        line = normalise_spaces(raw)
        if not line:
            continue
        if pieces:
            pieces[-1], separator = _line_end(pieces[-1], line, language)
            pieces.append(separator)
        pieces.append(line)
    return "".join(pieces)


def join_text(before: str, after: str, language: Language = ENGLISH) -> str:
    if not before or not after:
        return before or after
    before, separator = _line_end(before, after, language)
    return before + separator + after


def _line_end(before: str, after: str, language: Language) -> tuple[str, str]:
    """How a line ending in ``before`` meets the next line ``after``: the (adjusted) end and the separator.

    Only the last characters of ``before`` are looked at, so joining stays linear on long texts.
    """
    tail = before[-4:]
    if re.search(r"\w ?[-‑]$", tail) and after[0].isalnum():
        fragment = re.match(r"[a-z]+", after)
        if fragment and fragment.group(0) in language.word_endings and re.search(r"[a-z]{2}[-‑]$", tail):
            return before[:-1], ""  # "develop-" + "ment": a word broken at the line end
        return before[:-3] + re.sub(r" ?[-‑]$", "-", before[-3:]), ""  # "drug -" + "resistant", "long-" + "lasting"
    if before.endswith(("–", "/")) and after[0].isalnum():
        return before, ""  # "2024–" + "2034"
    return before, " "


def shorten(text: str, width: int = 70) -> str:
    text = normalise_spaces(text)
    return text if len(text) <= width else text[: width - 1] + "…"
