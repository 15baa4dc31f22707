"""Footnote markers in paragraph text: explicit ones (<sup>1</sup>, superscript digits, [^1], ' 1/') and plain digits.

Plain digits are ambiguous: only the marker number expected next is looked for, and the language's
words around it tell a marker from a quantity, a date or a reference.
"""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

EXPLICIT_MARKER_RE = re.compile(
    r"\s?<sup>\s*(\d{1,3}|[*†‡])\s*</sup>|(["
    + SUPERSCRIPTS
    + r"]+)|\[\^(\d{1,3})\](?!:)|(?<=[\w,;.:)”’]) (\d{1,3})/(?![\w/])"
)  # <sup>1</sup>, ¹, Markdown's [^1], and the 1990s web pages' " 1/"


def find_plain_marker(text: str, marker: int, start: int, language: Language = ENGLISH) -> tuple[int, int] | None:
    """The span of footnote marker ``marker`` printed as plain digits at or after ``start``.

    UN texts print markers right after a word or punctuation ("Goals,1 in",
    "Secretary-General;2") or, in PDF extractions, after a space
    ("Development 1 and"). Only the expected marker number is looked for, and
    a number after a space must not read as a quantity, date or reference
    ("under 5 years", "resolution 65/1", "paragraphs 13 and 14").
    """
    digits = str(marker)
    # after a letter of any script ("développement1", "发展1") or a closing mark, Arabic's and Chinese's too
    glued = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]”\"’,;.:،؛。，；：]))" + digits + r"(?![\d/.,]\d|[\w/%‑-])")
    spaced = re.compile(r"(?<=[A-Za-z)\]”\"’,;.:]) {1,3}" + digits + r"(?![\d/]|[\w%‑-]|[.,]\d)")
    year_glued = re.compile(r"(?<=\b(?:19|20)\d\d)" + digits + r"(?![\d\w/-])")
    candidates = []
    patterns = [("glued", glued), ("spaced", spaced), ("year", year_glued)]
    if language.parenthesized_markers:  # Arabic prints "(1)" after the word: "للألفية(1)،"
        patterns.insert(0, ("parenthesized", re.compile(r"(?<=[^\W\d_]) ?\(" + digits + r"\)")))
    for kind, pattern in patterns:
        for match in pattern.finditer(text, start):
            if kind == "spaced" and not _spaced_marker_plausible(text, match, language):
                continue
            if kind == "glued" and _glued_to_reference(text, match.start()):
                continue
            candidates.append((match.start(), match.end()))
            break
    if not candidates:
        return None
    return min(candidates)


def _glued_to_reference(text: str, position: int) -> bool:
    """'A/RES/80/5', 'CEDAW/C/GC/39', 'S-24', '2.6' end in digits that are no marker."""
    if re.search(r"\d\.$", text[max(0, position - 2) : position]):
        return True
    before = text[max(0, position - 80) : position]
    word = "" if not before or before[-1].isspace() else before.split()[-1]
    return bool(re.search(r"[/\d]", word)) and not re.search(r"[,;:.)\]”\"’]$", word)


def _spaced_marker_plausible(text: str, match: re.Match, language: Language) -> bool:
    before = re.search(r"([\w.’'-]+)([,;:)\]”\"’]?)\s*$", text[max(0, match.start() - 80) : match.start()])
    previous_word = before.group(1).lower() if before else ""
    after_punctuation = bool(before and before.group(2)) or (
        previous_word.endswith(".") and previous_word.strip(".") not in language.abbreviations
    )
    previous_word = previous_word.strip(".")
    if not after_punctuation and (
        previous_word in language.not_before_marker or re.fullmatch(r"[\d./-]+", previous_word or "x")
    ):
        return False
    after = re.match(r"\s*([\w%‑–/.-]+)", text[match.end() :])
    next_word = after.group(1).lower() if after else ""
    return next_word not in language.not_after_marker


def next_plain_marker(
    paragraphs, marker: int, index: int, position: int, language: Language = ENGLISH
) -> tuple[int, int, int] | None:
    """(paragraph index, start, end) of the first candidate for ``marker`` from ``position`` of paragraph ``index``."""
    for candidate in range(index, len(paragraphs)):
        span = find_plain_marker(paragraphs[candidate].text, marker, position if candidate == index else 0, language)
        if span is not None:
            return candidate, *span
    return None


def strip_trailing_markers(text: str) -> str:
    """'…Goals,1' -> '…Goals,' so that the punctuation before a marker counts."""
    return re.sub(
        r"(?:\s?<sup>[^<]*</sup>|[" + SUPERSCRIPTS + r"]+|\[\^\d{1,3}\]|\s\d{1,3}/|\s{0,3}\d{1,3})\s*$",
        "",
        text.rstrip(),
    )


def remove_markers_for_phrase(text: str) -> str:
    return EXPLICIT_MARKER_RE.sub("", text)


def strip_explicit_markers(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Remove <sup>n</sup> and superscript-digit markers; return the clean text and (marker, offset)s."""
    markers: list[tuple[str, int]] = []
    out = []
    last = 0
    length = 0
    for match in EXPLICIT_MARKER_RE.finditer(text):
        chunk = text[last : match.start()]
        out.append(chunk)
        length += len(chunk)
        marker = match.group(1) or match.group(3) or match.group(4) or match.group(2).translate(SUPERSCRIPT_TO_DIGIT)
        markers.append((marker, length))
        last = match.end()
        if match.group(0).startswith(" ") and last < len(text) and text[last] not in " ,.;:":
            out.append(" ")  # "Development <sup>1</sup>and" keeps its word space
            length += 1
    out.append(text[last:])
    clean = "".join(out)
    return clean, markers
