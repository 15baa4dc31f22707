"""Dates as the UN prints them in English ("17 December 2015"): month names and their reading, kept once.

Every reader of dates (the text importers, the AKN importer, citations in the texts, the series of a
resolution) uses these, so a month spelled one way is read the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS_PATTERN = "|".join(MONTH_NAMES)  # for building regular expressions: "January|February|…"
DATE_PATTERN = rf"(\d{{1,2}}) ({MONTHS_PATTERN}) (\d{{4}})"
DATE_RE = re.compile(DATE_PATTERN)


def printed_date(day: str | int, month: str, year: str | int) -> dt.date | None:
    """The date of a day, an English month name and a year as printed; None when there is no such day."""
    number = MONTH_NUMBERS.get(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """The first "17 December 2015" in a text, or None."""
    match = DATE_RE.search(text)
    return printed_date(*match.groups()) if match else None
