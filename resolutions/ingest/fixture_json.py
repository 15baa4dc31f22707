"""The archive's own parsed-resolution JSON (``fixtures/resolutions.json``).

Written by ``manage.py build_fixtures`` from the sources in
``fixtures/sources/``; holds the same structure as ``manage.py parse --json``,
citations included, so loading it re-parses nothing.
"""

from __future__ import annotations

import json

from resolutions.ingest.document import ParsedDocument, ParsedResolution, ParseError, SourceInfo

FORMAT = "archive-json"
MARKER = "resolutions-archive/parsed"
VERSION = 1


def detect(data: bytes, name: str) -> bool:
    head = data[:4096].lstrip()
    return head.startswith(b"{") and MARKER.encode() in head


def dumps(resolutions: list[ParsedResolution]) -> str:
    payload = {"format": MARKER, "version": VERSION, "resolutions": [r.to_dict() for r in resolutions]}
    return json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ParseError(f"not valid JSON: {error}", source=source.name) from None
    if payload.get("format") != MARKER or payload.get("version") != VERSION:
        raise ParseError(f"not a {MARKER} v{VERSION} file", source=source.name)
    try:
        resolutions = [ParsedResolution.from_dict(item) for item in payload["resolutions"]]
    except (KeyError, TypeError, ValueError) as error:
        raise ParseError(f"malformed resolution entry: {error}", source=source.name) from None
    return ParsedDocument(source=source, resolutions=resolutions)
