"""The AKN format: detection, and the parse of a file into resolutions (one per ``statement`` or component).

Only English is imported for now: other languages raise ``SkippedSource``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from resolutions.ingest.akn.cover import language_of, read_cover
from resolutions.ingest.akn.elements import NS, child, load_xml, local, plain
from resolutions.ingest.akn.statement import TextUnit, parse_statement
from resolutions.ingest.document import (
    ParsedDocument,
    ParsedResolution,
    ParseError,
    SkippedSource,
    SourceInfo,
)

FORMAT = "akn"

LANGUAGE_NAMES = {"fra": "French", "spa": "Spanish", "rus": "Russian", "ara": "Arabic", "zho": "Chinese"}


def detect(data: bytes, name: str) -> bool:
    return b"<akomaNtoso" in data[:4096]


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    return _parse(data, source, None)


def text_units(data: bytes, name: str) -> list[TextUnit]:
    """Every paragraph and footnote text of an AKN file, with its ``<a href>`` links and their spans."""
    units: list[TextUnit] = []
    _parse(data, SourceInfo(name=name, format=FORMAT, sha256=""), units)
    return units


def _parse(data: bytes, source: SourceInfo, units: list[TextUnit] | None) -> ParsedDocument:
    root = load_xml(data, source.name)
    _refuse_unless_english_akn(root, source)
    collection = child(root, "documentCollection")
    if collection is not None:
        resolutions = _collection_resolutions(root, collection, source, units)
    else:
        resolutions = [_single_resolution(root, source, units)]
    if not resolutions:
        raise ParseError("no resolution found in the document collection", source=source.name)
    return ParsedDocument(source=source, resolutions=resolutions, warnings=[])


def _refuse_unless_english_akn(root: ET.Element, source: SourceInfo) -> None:
    if local(root.tag) != "akomaNtoso":
        raise ParseError(f"not Akoma Ntoso: the root element is <{local(root.tag)}>", source=source.name)
    language = language_of(root)
    if language and language != "eng":
        raise SkippedSource(
            f"{source.name} is written in {LANGUAGE_NAMES.get(language, language)} ({language}): "
            "only English resolutions are imported for now"
        )


def _collection_resolutions(
    root: ET.Element, collection: ET.Element, source: SourceInfo, units: list[TextUnit] | None
) -> list[ParsedResolution]:
    """Several resolutions in one file ("A/RES/75/101 A-B"): each component's, lettered from the cover's symbol."""
    cover = read_cover(collection)
    base = re.sub(r"\s+[A-Z](?:\s*[-–]\s*[A-Z]|(?:\s*,\s*[A-Z])*(?:\s+and\s+[A-Z])?)$", "", cover.symbol)
    components = root.find(NS + "components")
    statements = [] if components is None else [c.find(NS + "statement") for c in components.findall(NS + "component")]
    resolutions = []
    for statement in statements:
        if statement is None:
            continue
        letter = plain(statement.find(f"{NS}preface//{NS}docNumber")).rstrip(".")
        resolutions.append(parse_statement(statement, source, cover, f"{base} {letter}" if letter else base, units))
    return resolutions


def _single_resolution(root: ET.Element, source: SourceInfo, units: list[TextUnit] | None) -> ParsedResolution:
    statement = child(root, "statement")
    if statement is None:
        raise ParseError("no <statement> or <documentCollection>: not a resolution", source=source.name)
    cover = read_cover(statement)
    return parse_statement(statement, source, cover, cover.symbol, units)
