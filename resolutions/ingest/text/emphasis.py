"""Markdown emphasis: taken out of footnote texts, and read as the opening phrase where it opens a paragraph."""

from __future__ import annotations

import re

from resolutions.ingest.text.lines import normalise_spaces

EMPHASIS_RE = re.compile(r"(?<![\w*])[*_]{1,2}(?=\S)(.+?)(?<=\S)[*_]{1,2}(?![\w*])")


def footnote_text(text: str) -> tuple[str, list[list[int]]]:
    """A footnote's text without Markdown emphasis and surrounding space, and where the emphasis stood.

    '*Report of the World Summit*, chap. I' -> ('Report of the World Summit, chap. I', [[0, 26]]):
    the italics of a publication's title are kept as spans of the plain text.
    """
    text = normalise_spaces(text)
    plain: list[str] = []
    spans: list[list[int]] = []
    length = position = 0
    for match in EMPHASIS_RE.finditer(text):
        before = text[position : match.start()]
        plain.append(before)
        length += len(before)
        inner = match.group(1)
        spans.append([length, length + len(inner)])
        plain.append(inner)
        length += len(inner)
        position = match.end()
    plain.append(text[position:])
    return "".join(plain), spans


def strip_emphasis(text: str) -> str:
    return EMPHASIS_RE.sub(r"\1", text)


def leading_emphasis(text: str) -> tuple[str, str]:
    """'*Calls upon* all members' -> ('Calls upon', 'Calls upon all members')."""
    match = re.match(r"^(\d{1,3}\.\s+|\([a-z]{1,4}\)\s+)?\*{1,2}([^*]+?)\*{1,2}(?=[\s,:;<]|$)", text)
    if not match:
        return "", text
    phrase = match.group(2).strip()
    return phrase, (match.group(1) or "") + phrase + text[match.end() :]
