"""Akoma Ntoso elements: the namespace, tag names without it, children, plain text; and safe XML loading."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from resolutions.ingest.document import (
    ParseError,
)

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def child(element: ET.Element, name: str) -> ET.Element | None:
    return element.find(NS + name)


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return element.findall(NS + name)


def plain(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def load_xml(data: bytes, name: str) -> ET.Element:
    head = data[:65536]
    if re.search(rb"<!DOCTYPE|<!ENTITY", head, re.IGNORECASE) or b"<!ENTITY" in data:
        raise ParseError("XML with a DTD or entity declarations is refused (no entity expansion)", source=name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        line = error.position[0] if hasattr(error, "position") else None
        raise ParseError(f"malformed XML: {error}", source=name, line=line) from None
