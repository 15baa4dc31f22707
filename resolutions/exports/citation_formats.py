"""The citation formats by name, for every caller: the cite links (``/A/RES/70/126/cite.bib``), the basket,
and content negotiation on the permalinks (``Accept: application/x-bibtex``).

``FORMATS`` maps the extension to its format module; ``by_media_type`` finds one from an ``Accept``
header's media type; ``render`` gives the bytes, their content type and a file name.
"""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.exports import bibtex, csl_json, ris
from resolutions.exports.cited import Cited

FORMATS = {module.EXTENSION: module for module in (bibtex, ris, csl_json)}
NAMES = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}


@dataclass(frozen=True)
class Rendered:
    content: bytes
    content_type: str
    filename: str


def by_media_type(media_type: str):
    """The format module serving ``media_type`` (e.g. 'application/x-bibtex'), or None."""
    return next((module for module in FORMATS.values() if media_type == module.MEDIA_TYPE), None)


def render(extension: str, items: list[Cited], filename: str = "") -> Rendered:
    """``items`` in the format of ``extension`` ('bib', 'ris', 'json'); KeyError for any other."""
    module = FORMATS[extension]
    name = filename or (items[0].identifier if len(items) == 1 else "citations")
    return Rendered(
        module.render(items).encode("utf-8"),
        f"{module.MEDIA_TYPE}; charset=utf-8",
        f"{name}.{module.EXTENSION}",
    )
