"""The AKN format: detection, and the parse of a file into resolutions (one per ``statement`` or component).

A statement's parts are read in turn: cover and conclusions, ``meta`` (votes, the record), the body
and each annex (blocks, then keys), then footnotes and citations paragraph by paragraph.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from resolutions.citations.extract import normalize_symbol
from resolutions.ingest.akn.body import BodyReader
from resolutions.ingest.akn.citations import citations_in
from resolutions.ingest.akn.cover import Cover, frbr, language_of, parse_date, read_conclusions, read_cover
from resolutions.ingest.akn.elements import NS, child, load_xml, local, plain
from resolutions.ingest.akn.footnotes import add_further_place
from resolutions.ingest.akn.keys import assign_keys
from resolutions.ingest.akn.record import read_record, unread_meta
from resolutions.ingest.akn.rich_text import Note, RichText, build_text
from resolutions.ingest.document import (
    ParsedCitation,
    ParsedDocument,
    ParsedFootnote,
    ParsedResolution,
    ParseError,
    SkippedSource,
    SourceInfo,
)
from resolutions.reference.paragraph_keys import (
    annex_part,
)

FORMAT = "akn"

LANGUAGE_NAMES = {"fra": "French", "spa": "Spanish", "rus": "Russian", "ara": "Arabic", "zho": "Chinese"}


def detect(data: bytes, name: str) -> bool:
    return b"<akomaNtoso" in data[:4096]


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    return _parse(data, source, None)


@dataclass
class TextUnit:
    """One paragraph's or footnote's plain text with the UN's links in it (for the citation benchmark)."""

    resolution: str
    where: str  # paragraph key, or "footnote N"
    rich: RichText


def text_units(data: bytes, name: str) -> list[TextUnit]:
    """Every paragraph and footnote text of an AKN file, with its ``<a href>`` links and their spans."""
    units: list[TextUnit] = []
    _parse(data, SourceInfo(name=name, format=FORMAT, sha256=""), units)
    return units


def _parse(data: bytes, source: SourceInfo, units: list[TextUnit] | None) -> ParsedDocument:
    root = load_xml(data, source.name)
    if local(root.tag) != "akomaNtoso":
        raise ParseError(f"not Akoma Ntoso: the root element is <{local(root.tag)}>", source=source.name)
    language = language_of(root)
    if language and language != "eng":
        raise SkippedSource(
            f"{source.name} is written in {LANGUAGE_NAMES.get(language, language)} ({language}): "
            "only English resolutions are imported for now"
        )
    collection = child(root, "documentCollection")
    warnings: list[str] = []
    resolutions: list[ParsedResolution] = []
    if collection is not None:
        cover = read_cover(collection)
        base = re.sub(r"\s+[A-Z](?:\s*[-–]\s*[A-Z]|(?:\s*,\s*[A-Z])*(?:\s+and\s+[A-Z])?)$", "", cover.symbol)
        components = root.find(NS + "components")
        statements = (
            [] if components is None else [c.find(NS + "statement") for c in components.findall(NS + "component")]
        )
        for statement in statements:
            if statement is None:
                continue
            letter = plain(statement.find(f"{NS}preface//{NS}docNumber")).rstrip(".")
            resolutions.append(parse_statement(statement, source, cover, f"{base} {letter}" if letter else base, units))
    else:
        statement = child(root, "statement")
        if statement is None:
            raise ParseError("no <statement> or <documentCollection>: not a resolution", source=source.name)
        cover = read_cover(statement)
        resolutions.append(parse_statement(statement, source, cover, cover.symbol, units))
    if not resolutions:
        raise ParseError("no resolution found in the document collection", source=source.name)
    return ParsedDocument(source=source, resolutions=resolutions, warnings=warnings)


def parse_statement(
    statement: ET.Element, source: SourceInfo, cover: Cover, symbol: str, units: list[TextUnit] | None = None
) -> ParsedResolution:
    symbol = normalize_symbol(symbol) or ""
    match = re.fullmatch(r"A/RES/((?:(?:S|ES)-)?\d+)/(\d+(?: [A-Z])?)", symbol)
    if not match:
        raise ParseError(
            f"no General Assembly resolution symbol on the cover page (found {symbol!r})", source=source.name
        )
    session, number = match[1], f"{match[1]}/{match[2]}"
    title = cover.title
    own_preface = child(statement, "preface")
    if own_preface is not None:
        title = plain(own_preface.find(f".//{NS}docTitle")) or title  # parts often leave theirs empty
    meeting, adopted_on = read_conclusions(statement)
    votes, record = read_record([m for m in (child(statement, "meta"), cover.meta) if m is not None])
    reader_warnings = unread_meta(child(statement, "meta"), symbol)
    if adopted_on is None:
        adopted_on = parse_date(frbr(statement, "FRBRWork", "FRBRdate"))
    reader = BodyReader(symbol)
    reader.warnings += reader_warnings
    title_notes: list[Note] = []
    if own_preface is not None:
        for note in own_preface.iter(NS + "authorialNote"):
            rich = build_text([note], reader.warn)
            title_notes.append(Note(note.get("marker", "").strip(), rich.text, 0, rich.links))
    # Usually one preamble then one mainBody; some files interleave several.
    for element in statement:
        tag = local(element.tag)
        if tag == "preamble":
            reader.preamble(element)
        elif tag == "mainBody":
            reader.body(element)
        elif tag not in ("meta", "coverPage", "preface", "conclusions", "attachments"):
            reader.warn(f"<{tag}> in the resolution was not imported")
    reader.finish()
    keyed = assign_keys(reader.blocks, "", False, reader.warn, 1)
    annexes = [doc for doc in statement.iter(NS + "doc") if (doc.get("name") or "").lower().startswith("annex")]
    for index, annex in enumerate(annexes, start=1):
        part = annex_part(index, len(annexes))
        annex_reader = BodyReader(f"{symbol} {part}")
        for element in annex:
            tag = local(element.tag)
            if tag == "preamble":
                annex_reader.preamble(element)
            elif tag == "mainBody":
                annex_reader.body(element)
            elif tag not in ("meta", "preface", "coverPage", "conclusions"):
                annex_reader.warn(f"<{tag}> in the annex was not imported")
        annex_reader.finish()
        keyed += assign_keys(annex_reader.blocks, part, True, annex_reader.warn, len(keyed) + 1)
        reader.warnings.extend(annex_reader.warnings)
    if not paragraphs_found(statement):
        raise ParseError(f"{symbol}: neither preamble nor operative part", source=source.name)
    paragraphs = [p for _, p in keyed]
    footnotes: list[ParsedFootnote] = []
    citations: list[ParsedCitation] = []
    context = "GA"
    for note in title_notes:
        footnotes.append(ParsedFootnote(note.marker, note.text))
    for block, paragraph in keyed:
        own = [ParsedFootnote(note.marker, note.text, paragraph.key, note.offset) for note in block.rich.notes]
        footnotes += own
        for repeat in block.rich.repeats:
            add_further_place(footnotes, own, paragraph.key, repeat)
        citations += citations_in(block.rich, context, symbol, paragraph_key=paragraph.key)
        if units is not None:
            units.append(TextUnit(symbol, paragraph.key, block.rich))
    all_notes = title_notes + [n for block, _ in keyed for n in block.rich.notes]
    markers_seen: set[str] = set()
    for note, footnote in zip(all_notes, footnotes, strict=False):
        if footnote.marker in markers_seen or not footnote.marker:
            reader.warn(f"footnote marker {footnote.marker!r} is used twice or is empty")
        markers_seen.add(footnote.marker)
        note_text = RichText(note.text, links=note.links)
        citations += citations_in(note_text, context, symbol, footnote_marker=footnote.marker)
        if units is not None:
            units.append(TextUnit(symbol, f"footnote {footnote.marker}", note_text))
    return ParsedResolution(
        symbol=symbol,
        body="GA",
        session=session,
        number=number,
        title=title,
        source=source,
        adopted_on=adopted_on,
        meeting=meeting,
        report=cover.report,
        agenda_item=cover.agenda_item,
        committee=cover.committee,
        language="en",
        paragraphs=paragraphs,
        footnotes=footnotes,
        citations=citations,
        votes=votes,
        metadata=record,
        warnings=reader.warnings,
    )


def paragraphs_found(statement: ET.Element) -> bool:
    return statement.find(NS + "preamble") is not None or statement.find(NS + "mainBody") is not None
