"""Markdown emphasis: taken out of footnote texts, and read as the opening phrase where it opens a paragraph."""

from __future__ import annotations

import re

from resolutions.ingest.text.lines import normalise_spaces


def footnote_text(text: str) -> str:
    """Footnote texts lose Markdown emphasis and surrounding space."""
    return normalise_spaces(strip_emphasis(text))


def strip_emphasis(text: str) -> str:
    return re.sub(r"(?<![\w*])[*_]{1,2}(?=\S)(.+?)(?<=\S)[*_]{1,2}(?![\w*])", r"\1", text)


def leading_emphasis(text: str) -> tuple[str, str]:
    """'*Calls upon* all members' -> ('Calls upon', 'Calls upon all members')."""
    match = re.match(r"^(\d{1,3}\.\s+|\([a-z]{1,4}\)\s+)?\*{1,2}([^*]+?)\*{1,2}(?=[\s,:;<]|$)", text)
    if not match:
        return "", text
    phrase = match.group(2).strip()
    return phrase, (match.group(1) or "") + phrase + text[match.end() :]
