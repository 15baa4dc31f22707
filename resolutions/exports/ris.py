"""RIS: one ``GOVDOC`` record per resolution or paragraph, as EndNote, Zotero and Mendeley import them.

Lines are ``TAG  - value`` ending in CR LF, as the format asks; a record ends with ``ER  -``. The
resolution's symbol is its number (``M1``), the pinpoint its section (``SE``), a paragraph's text its
abstract (``AB``).
"""

from __future__ import annotations

from resolutions.exports.cited import PUBLISHER, Cited
from resolutions.exports.styles import un_style_in

MEDIA_TYPE = "application/x-research-info-systems"
EXTENSION = "ris"
LINE_END = "\r\n"


def tags(cited: Cited) -> list[tuple[str, str]]:
    """(tag, value) of the record, in order, without its closing ``ER``."""
    values = [
        ("TY", "GOVDOC"),
        ("ID", cited.identifier),
        ("AU", cited.author),
        ("TI", cited.title),
        ("M3", "Resolution"),
        ("M1", cited.symbol),
        ("PB", PUBLISHER),
    ]
    if cited.adopted_on:
        day = cited.adopted_on
        values += [("PY", str(day.year)), ("DA", f"{day.year:04d}/{day.month:02d}/{day.day:02d}")]
    if cited.key:
        values.append(("SE", cited.label))
    if cited.text:
        values.append(("AB", cited.text))
    values += [("N1", un_style_in(cited, cited.language)), ("UR", cited.url), ("LA", cited.language)]
    return values


def record(cited: Cited) -> str:
    """One record; values are kept to one line each (RIS has no continuation lines)."""
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in tags(cited)]
    return LINE_END.join([*lines, "ER  - "]) + LINE_END


def render(items: list[Cited]) -> str:
    """The records, a blank line apart."""
    return LINE_END.join(record(item) for item in items)
