"""One resolution from its ``statement``: identity, cover, record, body and annexes, footnotes and citations."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from resolutions.citations.found import ParsedCitation
from resolutions.citations.symbols import normalize_symbol
from resolutions.ingest.akn.body import Block, BodyReader
from resolutions.ingest.akn.citations import citations_in
from resolutions.ingest.akn.cover import Cover, frbr, parse_date, read_conclusions
from resolutions.ingest.akn.elements import NS, child, local, plain
from resolutions.ingest.akn.footnotes import add_further_place
from resolutions.ingest.akn.keys import assign_keys
from resolutions.ingest.akn.record import read_record, unread_meta
from resolutions.ingest.akn.rich_text import Note, RichText, build_text
from resolutions.ingest.document import ParsedFootnote, ParsedParagraph, ParsedResolution, ParseError, SourceInfo
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for
from resolutions.reference.paragraph_keys import annex_part

ENGLISH = language_for("en")

CONTEXT_BODY = "GA"  # the body whose resolutions a bare "resolution 70/1" in the text means
Keyed = list[tuple[Block, ParsedParagraph]]


@dataclass
class TextUnit:
    """One paragraph's or footnote's plain text with the UN's links in it (for the citation benchmark)."""

    resolution: str
    where: str  # paragraph key, or "footnote N"
    rich: RichText


def parse_statement(
    statement: ET.Element,
    source: SourceInfo,
    cover: Cover,
    symbol: str,
    units: list[TextUnit] | None = None,
    language: Language = ENGLISH,
) -> ParsedResolution:
    """The resolution ``symbol`` of ``statement`` in ``language``; ``units`` collects its texts when given."""
    symbol, session, number = _identity(symbol, source)
    meeting, adopted_on = read_conclusions(statement, language)
    votes, record = read_record([m for m in (child(statement, "meta"), cover.meta) if m is not None])
    reader = BodyReader(symbol, language)
    reader.warnings += unread_meta(child(statement, "meta"), symbol)
    if adopted_on is None:
        adopted_on = parse_date(frbr(statement, "FRBRWork", "FRBRdate"))
    title_notes = _title_notes(child(statement, "preface"), reader.warn)
    keyed = _read_resolution(statement, reader)
    keyed += _read_annexes(statement, symbol, reader.warnings, start_order=len(keyed) + 1, language=language)
    if not paragraphs_found(statement):
        raise ParseError(f"{symbol}: neither preamble nor operative part", source=source.name)
    footnotes, citations = _paragraph_footnotes_and_citations(keyed, title_notes, symbol, units)
    notes = title_notes + [note for block, _ in keyed for note in block.rich.notes]
    citations += _footnote_citations(notes, footnotes, symbol, reader.warn, units)
    return ParsedResolution(
        symbol=symbol,
        body="GA",
        session=session,
        number=number,
        title=_title(statement, cover),
        source=source,
        adopted_on=adopted_on,
        meeting=meeting,
        report=cover.report,
        agenda_item=cover.agenda_item,
        committee=cover.committee,
        language=language.code,
        paragraphs=[paragraph for _, paragraph in keyed],
        footnotes=footnotes,
        citations=citations,
        votes=votes,
        metadata=record,
        warnings=reader.warnings,
    )


def paragraphs_found(statement: ET.Element) -> bool:
    return statement.find(NS + "preamble") is not None or statement.find(NS + "mainBody") is not None


def _identity(symbol: str, source: SourceInfo) -> tuple[str, str, str]:
    """(canonical symbol, session, number) of a General Assembly resolution; ParseError for any other symbol."""
    symbol = normalize_symbol(symbol) or ""
    match = re.fullmatch(r"A/RES/((?:(?:S|ES)-)?\d+)/(\d+(?: [A-Z])?)", symbol)
    if not match:
        raise ParseError(
            f"no General Assembly resolution symbol on the cover page (found {symbol!r})", source=source.name
        )
    return symbol, match[1], f"{match[1]}/{match[2]}"


def _title(statement: ET.Element, cover: Cover) -> str:
    """The statement's own title; the parts of a collection often leave theirs empty and have the cover's."""
    own_preface = child(statement, "preface")
    if own_preface is None:
        return cover.title
    return plain(own_preface.find(f".//{NS}docTitle")) or cover.title


def _title_notes(preface: ET.Element | None, warn: Callable[[str], None]) -> list[Note]:
    """Footnotes on the title, which belong to no paragraph."""
    if preface is None:
        return []
    notes = []
    for note in preface.iter(NS + "authorialNote"):
        rich = build_text([note], warn)
        notes.append(Note(note.get("marker", "").strip(), rich.text, 0, rich.links))
    return notes


def _read_resolution(statement: ET.Element, reader: BodyReader) -> Keyed:
    """The resolution's own paragraphs, keyed. Usually one preamble then one mainBody; some files interleave several."""
    for element in statement:
        tag = local(element.tag)
        if tag == "preamble":
            reader.preamble(element)
        elif tag == "mainBody":
            reader.body(element)
        elif tag not in ("meta", "coverPage", "preface", "conclusions", "attachments"):
            reader.warn(f"<{tag}> in the resolution was not imported")
    reader.finish()
    return assign_keys(reader.blocks, "", False, reader.warn, 1)


def _read_annexes(
    statement: ET.Element, symbol: str, warnings: list[str], start_order: int, language: Language = ENGLISH
) -> Keyed:
    """Each annex's paragraphs, keyed in its own part; their warnings join ``warnings``."""
    annexes = [doc for doc in statement.iter(NS + "doc") if (doc.get("name") or "").lower().startswith("annex")]
    keyed: Keyed = []
    for index, annex in enumerate(annexes, start=1):
        part = annex_part(index, len(annexes))
        reader = BodyReader(f"{symbol} {part}", language)
        for element in annex:
            tag = local(element.tag)
            if tag == "preamble":
                reader.preamble(element)
            elif tag == "mainBody":
                reader.body(element)
            elif tag not in ("meta", "preface", "coverPage", "conclusions"):
                reader.warn(f"<{tag}> in the annex was not imported")
        reader.finish()
        keyed += assign_keys(reader.blocks, part, True, reader.warn, start_order + len(keyed))
        warnings.extend(reader.warnings)
    return keyed


def _paragraph_footnotes_and_citations(
    keyed: Keyed, title_notes: list[Note], symbol: str, units: list[TextUnit] | None
) -> tuple[list[ParsedFootnote], list[ParsedCitation]]:
    """Footnotes in order (the title's, then each paragraph's) with their places; the paragraphs' citations."""
    footnotes = [ParsedFootnote(note.marker, note.text, emphasis=note.emphasis) for note in title_notes]
    citations: list[ParsedCitation] = []
    for block, paragraph in keyed:
        own = [
            ParsedFootnote(note.marker, note.text, paragraph.key, note.offset, emphasis=note.emphasis)
            for note in block.rich.notes
        ]
        footnotes += own
        for repeat in block.rich.repeats:
            add_further_place(footnotes, own, paragraph.key, repeat)
        citations += citations_in(block.rich, CONTEXT_BODY, symbol, paragraph_key=paragraph.key)
        if units is not None:
            units.append(TextUnit(symbol, paragraph.key, block.rich))
    return footnotes, citations


def _footnote_citations(
    notes: list[Note],
    footnotes: list[ParsedFootnote],
    symbol: str,
    warn: Callable[[str], None],
    units: list[TextUnit] | None,
) -> list[ParsedCitation]:
    """The citations in footnote texts; a marker used twice or empty is warned about."""
    citations: list[ParsedCitation] = []
    markers_seen: set[str] = set()
    for note, footnote in zip(notes, footnotes, strict=False):
        if footnote.marker in markers_seen or not footnote.marker:
            warn(f"footnote marker {footnote.marker!r} is used twice or is empty")
        markers_seen.add(footnote.marker)
        note_text = RichText(note.text, links=note.links)
        citations += citations_in(note_text, CONTEXT_BODY, symbol, footnote_marker=footnote.marker)
        if units is not None:
            units.append(TextUnit(symbol, f"footnote {footnote.marker}", note_text))
    return citations
