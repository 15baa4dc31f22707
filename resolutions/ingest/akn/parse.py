"""The AKN format: detection, and the parse of a file into resolutions (one per ``statement`` or component).

The language is the FRBR metadata's (``FRBRlanguage``: "fra"), read with that language's patterns; a file in a
language the archive does not hold (none of the six official ones) raises ``SkippedSource``.
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
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for, language_for_bibliographic

FORMAT = "akn"


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
    language = _language(root, source)
    collection = child(root, "documentCollection")
    if collection is not None:
        resolutions = _collection_resolutions(root, collection, source, units, language)
    else:
        resolutions = [_single_resolution(root, source, units, language)]
    if not resolutions:
        raise ParseError("no resolution found in the document collection", source=source.name)
    return ParsedDocument(source=source, resolutions=resolutions, warnings=[])


def _language(root: ET.Element, source: SourceInfo) -> Language:
    """The language the FRBR metadata names (English when it names none); refused when not one of the six."""
    if local(root.tag) != "akomaNtoso":
        raise ParseError(f"not Akoma Ntoso: the root element is <{local(root.tag)}>", source=source.name)
    code = language_of(root)
    if not code:
        return language_for("en")
    language = language_for_bibliographic(code)
    if language is None:
        raise SkippedSource(
            f"{source.name} is written in the language {code!r}, which is none of the six official languages "
            "of the United Nations the archive holds (ara, zho, eng, fra, rus, spa)"
        )
    return language


def _collection_resolutions(
    root: ET.Element, collection: ET.Element, source: SourceInfo, units: list[TextUnit] | None, language: Language
) -> list[ParsedResolution]:
    """Several resolutions in one file ("A/RES/75/101 A-B"): each component's, lettered from the cover's symbol."""
    cover = read_cover(collection, language)
    base = re.sub(r"\s+[A-Z](?:\s*[-–]\s*[A-Z]|(?:\s*,\s*[A-Z])*(?:\s+and\s+[A-Z])?)$", "", cover.symbol)
    components = root.find(NS + "components")
    statements = [] if components is None else [c.find(NS + "statement") for c in components.findall(NS + "component")]
    resolutions = []
    for statement in statements:
        if statement is None:
            continue
        letter = plain(statement.find(f"{NS}preface//{NS}docNumber")).rstrip(".")
        symbol = f"{base} {letter}" if letter else base
        resolutions.append(parse_statement(statement, source, cover, symbol, units, language))
    return resolutions


def _single_resolution(
    root: ET.Element, source: SourceInfo, units: list[TextUnit] | None, language: Language
) -> ParsedResolution:
    statement = child(root, "statement")
    if statement is None:
        raise ParseError("no <statement> or <documentCollection>: not a resolution", source=source.name)
    cover = read_cover(statement, language)
    return parse_statement(statement, source, cover, cover.symbol, units, language)
