"""Source → parse: read a file, detect its format, parse it, find its citations.

Pure with respect to the database: returns ``ParsedDocument``s. Each format
module exposes ``FORMAT`` (its name), ``detect(data, name) -> bool`` and
``parse(data, source) -> ParsedDocument``; detection tries them in the order
of ``FORMAT_MODULES`` (most specific first).

A committee is named one way whatever the source wrote
(``bodies.committee_name``: the AKN corpus's "#fifthCommittee" is the
Fifth Committee).

A sidecar file ``<source>.meta.json`` beside a source supplies metadata that
the text lacks (ESCAP resolutions carry no adoption date). It fills empty
fields only; where the text disagrees with it, the text wins and a warning
says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
from dataclasses import replace
from pathlib import Path

from resolutions.citations.extract import find_citations
from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import OCR_FORMAT, ParsedDocument, ParsedResolution, ParseError, SourceInfo
from resolutions.reference.bodies import committee_name

FORMAT_MODULES = [
    "resolutions.ingest.fixture_json",
    "resolutions.ingest.akn",
    "resolutions.ingest.pdf",
    "resolutions.ingest.pdf_ocr",
    "resolutions.ingest.pdf_text",
    "resolutions.ingest.ods_text",
    "resolutions.ingest.markdown",
    "resolutions.ingest.plain_text",
]
MAX_SOURCE_BYTES = 50 * 1024 * 1024
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = {"adopted_on", "meeting", "report", "agenda_item", "committee", "title", "language"}


def format_modules() -> dict:
    modules = {}
    for dotted in FORMAT_MODULES:
        try:
            module = importlib.import_module(dotted)
        except ModuleNotFoundError as error:
            if error.name == dotted:
                continue  # a format not written yet
            raise
        modules[module.FORMAT] = module
    return modules


def source_paths(paths: list[Path]) -> list[Path]:
    """Files named, and files inside folders named (recursively), sorted; sidecars excluded.

    So are a format's companion files found in a folder (the AKN corpus's
    ``metadata/NN.jsonl``): ``is_companion(path)`` of a format module says so.
    """
    companions = [m.is_companion for m in format_modules().values() if hasattr(m, "is_companion")]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and not p.name.startswith(".")
                    and not p.name.endswith(SIDECAR_SUFFIX)
                    and not any(is_companion(p) for is_companion in companions)
                )
            )
        else:
            found.append(path)
    return found


def read_source(path: Path) -> tuple[bytes, SourceInfo]:
    name = path.name
    if not path.exists():
        raise ParseError("no such file", source=str(path))
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise ParseError(f"file is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB", source=name)
    data = path.read_bytes()
    if not data.strip():
        raise ParseError("file is empty", source=name)
    return data, SourceInfo(name=name, format="", sha256=hashlib.sha256(data).hexdigest())


def detect_format(data: bytes, name: str) -> str:
    modules = format_modules()
    for fmt, module in modules.items():
        if module.detect(data, name):
            return fmt
    if b"\x00" in data[:8192]:
        raise ParseError("binary file, not a resolution text (known formats: " + ", ".join(modules) + ")", source=name)
    raise ParseError("unknown format: not a resolution in any of " + ", ".join(modules), source=name)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else a clear error; text formats call this."""
    if b"\x00" in data:
        raise ParseError("binary file (contains NUL bytes), not a text", source=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 text (byte {error.start})", source=name) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_bytes(
    data: bytes,
    name: str,
    format: str | None = None,
    sidecar: dict | None = None,
    path: Path | None = None,
    ocr_language: str | None = None,
) -> ParsedDocument:
    """Parse one source; ``ocr_language`` (ISO 639-1: "fr") is the language OCR reads a scan in, English unless named."""
    modules = format_modules()
    if format is None:
        format = detect_format(data, name)
    elif format not in modules:
        raise ParseError(f"unknown format {format!r} (known: {', '.join(modules)})", source=name)
    source = SourceInfo(name=name, format=format, sha256=hashlib.sha256(data).hexdigest())
    if format == OCR_FORMAT and ocr_language:
        document = modules[format].parse(data, source, language=ocr_language)
    else:
        document = modules[format].parse(data, source)
    if path is not None and hasattr(modules[format], "enrich_from_path"):
        # Metadata a format keeps beside its files (the AKN corpus's metadata/NN.jsonl).
        modules[format].enrich_from_path(document, path)
    for resolution in document.resolutions:
        if sidecar:
            apply_sidecar(resolution, sidecar, name)
        resolution.committee = committee_name(resolution.committee)
        if not resolution.citations:
            resolution.citations = citations_for(resolution)
    return document


def parse_path(path: Path, format: str | None = None, ocr_language: str | None = None) -> ParsedDocument:
    data, info = read_source(path)
    return parse_bytes(data, info.name, format, read_sidecar(path), path=path, ocr_language=ocr_language)


def read_sidecar(path: Path) -> dict | None:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ParseError(f"sidecar is not valid JSON: {error}", source=sidecar.name) from None
    if not isinstance(data, dict):
        raise ParseError("sidecar must be a JSON object", source=sidecar.name)
    unknown = set(data) - SIDECAR_FIELDS - {"note"}
    if unknown:
        raise ParseError(f"sidecar has unknown fields: {', '.join(sorted(unknown))}", source=sidecar.name)
    return data


def apply_sidecar(resolution, sidecar: dict, name: str) -> None:
    for field_name in SIDECAR_FIELDS & set(sidecar):
        value = sidecar[field_name]
        if field_name == "adopted_on":
            try:
                value = dt.date.fromisoformat(value)
            except (TypeError, ValueError):
                raise ParseError(f"sidecar adopted_on {value!r} is not a YYYY-MM-DD date", source=name) from None
        current = getattr(resolution, field_name)
        if not current:
            setattr(resolution, field_name, value)
        elif current != value:
            resolution.warnings.append(
                f"sidecar gives {field_name}={value!r} but the text says {current!r}; kept the text"
            )


def citations_for(resolution: ParsedResolution) -> list[ParsedCitation]:
    """Citations in every paragraph and footnote of ``resolution``, keyed to where they stand."""
    citations: list[ParsedCitation] = []
    for paragraph in resolution.paragraphs:
        for citation in find_citations(paragraph.text, context_body=resolution.body):
            if citation.symbol.upper() != resolution.symbol.upper():
                citations.append(replace(citation, paragraph_key=paragraph.key))
    for footnote in resolution.footnotes:
        for citation in find_citations(footnote.text, context_body=resolution.body):
            if citation.symbol.upper() != resolution.symbol.upper():
                citations.append(replace(citation, footnote_marker=footnote.marker))
    return citations
