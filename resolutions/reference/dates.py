"""Dates as the UN prints them ("17 December 2015"), read in one language (English unless another is given).

Every reader of dates (the text importers, the AKN importer, citations in the texts, the series of a
resolution) uses these, so a month spelled one way is read the same way everywhere. The month names
themselves are the language's (``resolutions.reference.languages``).
"""

from __future__ import annotations

import datetime as dt

from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")
MONTHS_PATTERN = ENGLISH.months_pattern  # for the readers of English text only: "January|February|…"


def printed_date(day: str | int, month: str, year: str | int, language: Language = ENGLISH) -> dt.date | None:
    """The date of a day, a month name and a year as printed; None when there is no such day."""
    number = language.month_numbers.get(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def find_date(text: str, language: Language = ENGLISH) -> dt.date | None:
    """The first printed date ("17 December 2015") in a text, or None."""
    match = language.date_re.search(text)
    return printed_date(*language.date_parts(match), language=language) if match else None
