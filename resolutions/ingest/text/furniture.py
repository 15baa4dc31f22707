"""Page furniture common to UN documents (cover labels, symbols, job and page numbers, rules) and lines that are no text."""

from __future__ import annotations

import re

from resolutions.ingest.text.lines import normalise_spaces
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")

SYMBOL_RE = re.compile(r"[A-Z]+(?:/[A-Z0-9.]+)*/(?:RES|Res)/(?:S-|ES-)?\d+(?:/\d+)+(?: ?[A-Z](?:-[A-Z])?)?")

JOB_NUMBER_RE = re.compile(r"^\d{2}-\d{5}(?: \([A-Z]\))?(?:\s+\d{6})?$")

BARCODE_RE = re.compile(r"^\*\d{7}\*(?:\s*Please recycle)?$")

PAGE_NUMBER_RE = re.compile(r"^\d{1,3}/\d{1,3}$")

JOB_AND_PAGE_RE = re.compile(r"^(?:\d{2}-\d{5}\s+\d{1,3}/\d{1,3}|\d{1,3}/\d{1,3}\s+\d{2}-\d{5})$")

RULE_RE = re.compile(r"^(?:_{3,}|-{3,}|\*{3,}|={3,})$")

FOREIGN_SCRIPT_SHARE = 0.3

LETTER_RE = re.compile(r"[^\W\d_]")


URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")


def foreign_reason(text: str, language: Language = ENGLISH) -> str:
    """Why a line is not UN text in ``language`` (a bare URL, another script), or ''."""
    stripped = text.strip()
    if URL_RE.match(stripped):
        return "a bare web address"
    letters = len(LETTER_RE.findall(stripped))
    if letters and len(language.foreign_letter_re.findall(stripped)) / letters > FOREIGN_SCRIPT_SHARE:
        return language.foreign_script_reason
    return ""


def is_furniture_line(text: str, language: Language = ENGLISH) -> bool:
    """Page furniture common to UN documents: cover labels, job numbers, page numbers, rules."""
    line = normalise_spaces(text)
    if not line:
        return True
    if line.lower() in language.furniture_lines or RULE_RE.match(line):
        return True
    if JOB_NUMBER_RE.match(line) or BARCODE_RE.match(line) or PAGE_NUMBER_RE.match(line) or JOB_AND_PAGE_RE.match(line):
        return True
    if re.fullmatch(r"\d{1,3}", line):  # a bare page number
        return True
    return bool(SYMBOL_RE.fullmatch(line) or re.fullmatch(r"United Nations\s+" + SYMBOL_RE.pattern, line))
