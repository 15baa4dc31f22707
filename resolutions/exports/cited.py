"""What a citation names: a resolution, or one of its paragraphs, with what every citation format needs.

Built once from the archive's rows (``cited``) and handed to the formats, which are pure functions of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resolutions.reference import permalinks
from resolutions.reference.languages.official import OFFICIAL_LANGUAGES

PUBLISHER = "United Nations"


@dataclass(frozen=True)
class Cited:
    """A resolution (``key`` empty) or one of its paragraphs."""

    symbol: str  # 'A/RES/70/126'
    number: str  # '70/126'
    title: str
    body_code: str  # 'GA'
    body_name: str  # 'General Assembly'
    adopted_on: dt.date | None
    url: str  # the absolute permalink
    key: str = ""  # 'op5'
    text: str = ""  # the paragraph's text, when the format carries it
    language: str = "en"  # of the title and text (ISO 639-1): the formats cite in it

    @property
    def language_name(self) -> str:
        """'french': the language's English name, lower case, as BibLaTeX's ``language`` field names it."""
        return OFFICIAL_LANGUAGES.get(self.language, "English").lower()

    @property
    def author(self) -> str:
        """The organ as an institutional author: 'United Nations General Assembly'."""
        return f"{PUBLISHER} {self.body_name}"

    @property
    def label(self) -> str:
        """The paragraph in UN style ('para. 5', 'fourth preambular paragraph'), or ''."""
        return permalinks.paragraph_label(self.key) if self.key else ""

    @property
    def identifier(self) -> str:
        """A key for reference managers, letters, digits and dashes only: 'A-RES-70-126-op5'."""
        parts = [*self.symbol.replace("/", " ").split(), *([self.key] if self.key else [])]
        return "-".join(parts).replace(".", "-")

    @property
    def heading(self) -> str:
        """'A/RES/70/126' or 'A/RES/70/126, para. 5'."""
        return f"{self.symbol}, {self.label}" if self.key else self.symbol


def cited(resolution, url: str, key: str = "", text: str = "", *, language: str = "en", title: str = "") -> Cited:
    """The ``Cited`` of a resolution row (with its body), or of its paragraph ``key``; in ``language`` with its
    ``title`` in that language when given (the record's title otherwise)."""
    return Cited(
        symbol=resolution.symbol,
        number=resolution.number,
        title=title or resolution.title,
        body_code=resolution.body.code,
        body_name=resolution.body.name,
        adopted_on=resolution.adopted_on,
        url=url,
        key=key,
        text=text,
        language=language,
    )
