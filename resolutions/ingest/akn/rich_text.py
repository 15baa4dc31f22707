"""Rich text: plain text built from AKN mixed content, with footnotes taken out, links and repeated markers kept.

White space collapses as text is appended, so every offset (a footnote's, a link's, the italic
opening phrase's) indexes the final text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from resolutions.ingest.akn.elements import local

# Inline markup whose text is content and whose element is no structure.
INLINE_TAGS = {
    "span",
    "inline",
    "i",
    "b",
    "u",
    "sup",
    "sub",
    "docType",
    "docTitle",
    "docNumber",
    "date",
    "docDate",
    "term",
    "abbr",
    "ref",
    "mref",
    "def",
    "entity",
    "location",
    "person",
    "organization",
    "role",
    "quantity",
    "event",
    "concept",
    "object",
    "process",
    "session",
    "docProponent",
    "docAuthority",
    "docStatus",
    "shortTitle",
    "affectedDocument",
    "relatedDocument",
    "signature",
    "del",
    "ins",
    "mark",
    "noteRef",
    "placeholder",
    "fillIn",
    "subheading",
    "heading",
    "num",
    "docPurpose",
}

FURNITURE_TAGS = {"img", "eol", "eop", "br", "decoration", "marker", "popup"}

OPENING_PHRASE_MAX = 80


@dataclass
class Link:
    href: str
    start: int
    end: int


@dataclass
class Note:
    marker: str
    text: str
    offset: int
    links: list[Link]
    emphasis: list[list[int]] = field(default_factory=list)


@dataclass
class Repeat:
    """A footnote's marker printed again (``<sup>3</sup>``) at ``offset``."""

    marker: str
    offset: int


@dataclass
class RichText:
    """Plain text built from mixed content, with what was taken out or marked in it."""

    text: str = ""
    notes: list[Note] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    italic_start: int | None = None  # the first italic span: an opening phrase when it opens the text
    italic_end: int | None = None
    emphasis: list[list[int]] = field(default_factory=list)  # [start, end] of every italic span, in order

    def drop_prefix(self, count: int) -> None:
        """Remove the first ``count`` characters (a number printed in the text), shifting offsets."""
        removed = len(self.text) - len(self.text[count:].lstrip())
        self.text = self.text[removed:]
        for note in [*self.notes, *self.repeats]:
            note.offset = max(0, note.offset - removed)
        for link in self.links:
            link.start, link.end = max(0, link.start - removed), max(0, link.end - removed)
        if self.italic_start is not None:
            self.italic_start = max(0, self.italic_start - removed)
            self.italic_end = max(0, self.italic_end - removed)
        self.emphasis = [[max(0, start - removed), max(0, end - removed)] for start, end in self.emphasis]

    def opening_phrase(self) -> str:
        """The italic words that open the text ("Calls upon"); a whole italic sentence is no opening phrase."""
        if self.italic_start == 0 and self.italic_end:
            phrase = self.text[: self.italic_end].strip(" ,:;")
            if len(phrase) <= OPENING_PHRASE_MAX and not re.search(r"[.;:]", phrase):
                return phrase
        return ""


class TextBuilder:
    """Collapse whitespace as text is appended, so offsets index the final text."""

    def __init__(self, warn):
        self.parts: list[str] = []
        self.length = 0
        self.space_before = True
        self.result = RichText()
        self.warn = warn

    def add(self, text: str | None) -> None:
        if not text:
            return
        text = re.sub(r"\s+", " ", text)
        if self.space_before and text.startswith(" "):
            text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.space_before = text.endswith(" ")

    def walk(self, element: ET.Element) -> None:
        self.add(element.text)
        for child in element:
            tag = local(child.tag)
            if tag == "authorialNote":
                note = build_text([child], self.warn)
                marker = child.get("marker", "").strip()
                self.result.notes.append(Note(marker, note.text, self.length, note.links, note.emphasis))
                for nested in note.notes:  # a note in a note: keep it as a note of this text
                    self.result.notes.append(nested)
            elif tag in ("a", "ref"):  # a link: the UN's <a href>, or an AKN <ref href> (the archive's own export)
                before = self.length
                self.walk(child)
                text = "".join(self.parts)
                start, end = before, self.length
                while start < end and text[start] == " ":
                    start += 1
                while end > start and text[end - 1] == " ":
                    end -= 1
                self.result.links.append(Link(child.get("href", ""), start, end))
            elif tag == "i" or (tag == "span" and "italic" in (child.get("class") or "")):
                start = self.length
                self.walk(child)
                self._italic(start, tag)
            elif tag == "sup" and len(child) == 0 and re.fullmatch(r"\s*(?:\d{1,3}|[a-z])\s*", child.text or ""):
                # a second reference to a footnote printed once ("…2011,<sup>3</sup>S-18/1")
                self.result.repeats.append(Repeat(child.text.strip(), self.length))
            elif tag in FURNITURE_TAGS:
                if tag in ("eol", "br"):
                    self.add(" ")
            elif tag in ("p", "content", "td", "th"):
                self.add(" ")
                self.walk(child)
                self.add(" ")
            elif tag in INLINE_TAGS:
                self.walk(child)
            else:
                self.warn(f"unexpected <{tag}> inside text; its text was kept")
                self.walk(child)
            self.add(child.tail)

    def _italic(self, start: int, tag: str) -> None:
        """Keep the italic span just walked, trimmed of the spaces at its edges."""
        text = "".join(self.parts)
        end = self.length
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            self.result.emphasis.append([start, end])
        if tag == "span" and self.result.italic_start is None:
            self.result.italic_start, self.result.italic_end = start, end

    def finish(self) -> RichText:
        text = "".join(self.parts)
        if text.endswith(" "):
            text = text[:-1]
        result = self.result
        result.text = text
        limit = len(text)
        for note in [*result.notes, *result.repeats]:
            note.offset = min(note.offset, limit)
        for link in result.links:
            link.start, link.end = min(link.start, limit), min(link.end, limit)
        result.emphasis = [[start, min(end, limit)] for start, end in result.emphasis if start < limit]
        return result


def build_text(elements, warn) -> RichText:
    """Text of ``elements`` (blocks joined by a space), footnotes taken out, links kept."""
    builder = TextBuilder(warn)
    for index, element in enumerate(elements):
        if index:
            builder.add(" ")
        builder.walk(element)
    return builder.finish()


def build_cells(cells: list[ET.Element], warn) -> RichText:
    builder = TextBuilder(warn)
    for index, cell in enumerate(cells):
        if index:
            builder.add(" | ")
        builder.walk(cell)
    return builder.finish()
