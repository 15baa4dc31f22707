"""A citation as found in a text: what it names, how it was printed, and where it stands (pure data).

The citation finders produce these; a parsed resolution carries them (``resolutions.ingest.document``),
and the store links each to the resolution it names when the archive holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

CITES_RESOLUTION = "resolution"
CITES_REPORT = "report"
CITES_DOCUMENT = "document"


@dataclass
class ParsedCitation:
    symbol: str  # canonical target symbol: "A/RES/68/131", "A/68/169"
    text: str  # as matched in the source text
    kind: str  # CITES_RESOLUTION / CITES_REPORT / CITES_DOCUMENT
    start: int  # span in the paragraph or footnote text
    end: int
    paragraph_key: str = ""  # the citing paragraph, or
    footnote_marker: str = ""  # the citing footnote
    target_paragraph: str = ""  # "op5" when the citation names a paragraph
