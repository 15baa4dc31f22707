"""What every importer returns: plain dataclasses, no ORM.

Each format module (``ods_text``, ``markdown``, ``plain_text``, ``akn``,
``pdf_text``...) turns one source file into a ``ParsedDocument`` holding one
or more ``ParsedResolution``s. ``to_dict``/``from_dict`` give the stable JSON
shape printed by ``manage.py parse --json`` and stored in the fixtures.

Paragraph keys (stable, built from what is printed, never from positions in
a file's markup) follow the one scheme of ``resolutions.reference.paragraph_keys``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from resolutions.citations.found import ParsedCitation

OCR_FORMAT = "pdf-ocr"  # the format of a text read from page images by OCR, ranked below any text layer

PREAMBULAR = "preambular"
OPERATIVE = "operative"


class ParseError(Exception):
    """A source that cannot be imported; the message names the file (and line)."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None):
        self.source = source
        self.line = line
        where = source + (f", line {line}" if line else "")
        super().__init__(f"{where}: {message}" if where else message)


class SkippedSource(Exception):
    """A source deliberately not imported (e.g. a language the archive does not take yet)."""


@dataclass
class ParsedParagraph:
    key: str  # "pp3", "op5", "op1a", "annex-op12"
    kind: str  # PREAMBULAR or OPERATIVE
    number: str  # as printed: "", "5", "(a)", "(ii)"
    order: int  # position in the document, from 1
    text: str  # clean text, footnote markers removed
    opening_phrase: str = ""  # "Recalling also", "Calls upon"
    parent_key: str = ""  # for sub-paragraphs
    part: str = ""  # "" for the resolution itself, "annex" / "annex-ii" for annexes
    heading: str = ""  # a heading printed just before this paragraph (annex titles, sections)


@dataclass
class FootnotePlace:
    """A further place a footnote's marker is printed (a paragraph referring to the note again)."""

    paragraph_key: str
    offset: int  # character offset of the marker in that paragraph's text


@dataclass
class ParsedFootnote:
    marker: str  # "1", "*"
    text: str
    paragraph_key: str = ""  # where its marker first stands ("" when unplaced)
    offset: int | None = None  # character offset of the marker in that paragraph's text
    further_places: list[FootnotePlace] = field(default_factory=list)  # its marker printed again, in document order
    emphasis: list[list[int]] = field(default_factory=list)  # [start, end] of each italic span of the text, in order


@dataclass
class SourceInfo:
    name: str  # file name as imported
    format: str  # "ods-text", "markdown", "plain-text", "akn", "pdf-text", "pdf"
    sha256: str


@dataclass
class Vote:
    member_state: str
    vote: str  # "Y", "N", "A" (abstain), "" (non-voting)


@dataclass
class ParsedResolution:
    symbol: str  # "A/RES/70/126"
    body: str  # a code of resolutions.reference.bodies.BODIES
    session: str  # as the body numbers it: "70", "2010", "S-24"
    number: str  # "70/126"
    title: str
    source: SourceInfo
    adopted_on: dt.date | None = None
    meeting: str = ""  # "80th plenary meeting"
    report: str = ""  # "A/70/481"
    agenda_item: str = ""  # "28 (b)"
    committee: str = ""  # "Third Committee"
    language: str = "en"
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    footnotes: list[ParsedFootnote] = field(default_factory=list)
    citations: list[ParsedCitation] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)  # sponsors, SDGs, subjects…
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape (``parse --json``, fixtures).

        Footnotes, their further places and citations name their ``paragraph``.
        """
        data = dataclasses.asdict(self)
        data["adopted_on"] = self.adopted_on.isoformat() if self.adopted_on else None
        places = [place for footnote in data["footnotes"] for place in footnote["further_places"]]
        for item in data["footnotes"] + data["citations"] + places:
            item["paragraph"] = item.pop("paragraph_key")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedResolution:
        data = dict(data)
        adopted = data.get("adopted_on")
        data["adopted_on"] = dt.date.fromisoformat(adopted) if adopted else None
        data["source"] = SourceInfo(**data["source"])
        data["paragraphs"] = [ParsedParagraph(**p) for p in data.get("paragraphs", [])]
        data["footnotes"] = [_footnote(f) for f in data.get("footnotes", [])]
        data["citations"] = [ParsedCitation(**_paragraph_key(c)) for c in data.get("citations", [])]
        data["votes"] = [Vote(**v) for v in data.get("votes", [])]
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fields in parsed resolution: {', '.join(sorted(unknown))}")
        return cls(**data)


def _footnote(item: dict[str, Any]) -> ParsedFootnote:
    item = _paragraph_key(item)
    item["further_places"] = [FootnotePlace(**_paragraph_key(place)) for place in item.get("further_places", [])]
    return ParsedFootnote(**item)


def _paragraph_key(item: dict[str, Any]) -> dict[str, Any]:
    item = dict(item)
    if "paragraph" in item:
        item["paragraph_key"] = item.pop("paragraph")
    return item


@dataclass
class ParsedDocument:
    """One source file: usually one resolution, sometimes several (parts A and B)."""

    source: SourceInfo
    resolutions: list[ParsedResolution]
    warnings: list[str] = field(default_factory=list)
