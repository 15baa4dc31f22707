"""Footnotes of an AKN statement: a repeated marker (``<sup>3</sup>``) as a further place of the footnote it repeats."""

from __future__ import annotations

from resolutions.ingest.akn.rich_text import Repeat
from resolutions.ingest.document import (
    FootnotePlace,
    ParsedFootnote,
)


def add_further_place(footnotes: list[ParsedFootnote], own: list[ParsedFootnote], key: str, repeat: Repeat) -> None:
    """Record ``<sup>3</sup>`` in paragraph ``key`` as a further place of the latest footnote 3 printed before it.

    ``own`` are the paragraph's own notes (already in ``footnotes``): one
    printed after the repeat in the same paragraph is not before it. A
    superscript that repeats no footnote ("km<sup>2</sup>") stays out of the
    text, as every bare ``<sup>`` did.
    """
    earlier = footnotes[: len(footnotes) - len(own)] + [f for f in own if f.offset <= repeat.offset]
    footnote = next((f for f in reversed(earlier) if f.marker == repeat.marker), None)
    place = FootnotePlace(key, repeat.offset)
    if footnote is not None and place not in footnote.further_places:
        footnote.further_places.append(place)
