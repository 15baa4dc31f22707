"""The body reader: a statement's (or annex's) preamble and main body walked into ``Block``s, in order.

A block is a paragraph before it has a key: its kind, its number as printed, its text, the heading
and sections above it and its depth in lists. Headings and section numerals become the heading of the
paragraph that follows; what the reader does not know is kept as text and warned about.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from resolutions.ingest.akn.elements import NS, child, children, local, plain
from resolutions.ingest.akn.rich_text import FURNITURE_TAGS, RichText, build_cells, build_text
from resolutions.ingest.document import (
    OPERATIVE,
    PREAMBULAR,
)
from resolutions.ingest.sections import SECTION_NUMBER_RE, section_level
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")


@dataclass
class Block:
    kind: str  # PREAMBULAR / OPERATIVE
    number: str  # in the form keys read: "5", "(a)", "" (unnumbered); the language's own is ``printed``
    rich: RichText
    opening_phrase: str = ""
    heading: str = ""
    section: tuple[str, ...] = ()  # section numerals around it: ("II", "A")
    depth: int = 0  # 0 top level, 1 list point, 2 sublist point
    row: bool = False  # a table row
    printed: str = ""  # the number as printed when the language prints it otherwise: "a)", "(ب)", "3 -"


class BodyReader:
    """Walks one statement's (or annex's) body into Blocks; collects warnings."""

    def __init__(self, where: str, language: Language = ENGLISH):
        self.language = language
        self.blocks: list[Block] = []
        self.pending_heading: list[str] = []
        self.section_path: list[tuple[int, str]] = []  # (level, label) of the sections around
        self.warnings: list[str] = []
        self.where = where

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.where}: {message}")

    def text(self, *elements) -> RichText:
        return build_text([e for e in elements if e is not None], self.warn)

    def heading(self, text: str) -> None:
        """A heading for the next paragraph; a numbered heading ("II", "A.", "Article 2") also opens a section."""
        text = text.strip()
        if not text:
            return
        self.pending_heading.append(text)
        level = section_level(text, self.section_path)
        if level is not None:
            depth, label = level
            self.section_path = [entry for entry in self.section_path if entry[0] < depth] + [(depth, label)]

    def add(self, block: Block) -> None:
        if not block.rich.text and not block.rich.notes:
            return
        parts: list[str] = []
        for piece in self.pending_heading:
            if parts and SECTION_NUMBER_RE.match(parts[-1]):
                numeral = parts[-1].rstrip(".")
                parts[-1] = piece if re.match(re.escape(numeral) + r"\b", piece) else f"{numeral}. {piece}"
            else:
                parts.append(piece)
        block.heading = " — ".join(parts)
        block.section = tuple(label for _, label in self.section_path)
        self.pending_heading = []
        self.blocks.append(block)

    def finish(self) -> None:
        if self.pending_heading:
            text = " ".join(self.pending_heading)
            self.warn(f"heading {text!r} is followed by no paragraph; kept as a paragraph")
            self.pending_heading = []
            self.blocks.append(
                Block(OPERATIVE, "", RichText(text), section=tuple(label for _, label in self.section_path))
            )

    # preamble
    def preamble(self, preamble: ET.Element) -> None:
        for element in preamble:
            tag = local(element.tag)
            if tag == "formula":
                continue  # "The General Assembly," — furniture
            if tag == "container":
                paragraphs = [c for c in element if local(c.tag) == "p"]
                rich = self.text(*paragraphs)
                phrase = (element.get("name") or "").strip()
                if not rich.text.startswith(phrase):
                    phrase = self._phrase(rich)
                self.add(Block(PREAMBULAR, "", rich, opening_phrase=phrase))
                for block_list in children(element, "blockList"):
                    self.block_list(block_list)
                self.unexpected(element, {"p", "blockList"})
            elif tag == "blockList":
                self.block_list(element)
            elif tag == "p":
                if plain(element).replace("*", "").strip():
                    self.add(Block(PREAMBULAR, "", self.text(element)))
            else:
                self.warn(f"unexpected <{tag}> in the preamble; its text was kept as a paragraph")
                self.add(Block(PREAMBULAR, "", self.text(element)))

    def block_list(self, block_list: ET.Element) -> None:
        for element in block_list:
            tag = local(element.tag)
            if tag == "listIntroduction":
                self.add(Block(PREAMBULAR, "", self.text(element)))
            elif tag == "item":
                number = plain(child(element, "num"))
                parts = [c for c in element if local(c.tag) != "num"]
                self.add(self._numbered(Block(PREAMBULAR, number, self.text(*parts), depth=1)))
            else:
                self.warn(f"unexpected <{tag}> in a list of the preamble; its text was kept")
                self.add(Block(PREAMBULAR, "", self.text(element), depth=1))

    # main body
    def body(self, body: ET.Element) -> None:
        for element in body:
            tag = local(element.tag)
            if tag == "paragraph":
                self.paragraph(element)
            elif tag in ("section", "subsection", "part", "chapter", "title", "division", "hcontainer"):
                number = plain(child(element, "num"))
                if number:
                    self.heading(number)
                self.body(element)
            elif tag in ("num",):
                continue  # a section's numeral, read with the section
            elif tag in ("subheading", "heading"):
                self.heading(plain(element))
            elif tag == "crossHeading":
                self.cross_heading(element)
            elif (tag == "container" and element.get("name") == "table") or tag == "table":
                self.table(element)
            elif tag in ("container", "blockContainer"):
                self.body(element)
            elif tag == "p" or tag == "intro" or tag == "wrapUp":
                self.loose_text(element)
            else:
                self.warn(f"unexpected <{tag}> in the body; its text was kept as a paragraph")
                self.loose_text(element)

    def cross_heading(self, element: ET.Element) -> None:
        rich = self.text(element)
        if "preamble" in (element.get("refersTo") or "") or rich.text.endswith(","):
            self.add(Block(PREAMBULAR, "", rich, opening_phrase=self._phrase(rich)))
        elif rich.notes or rich.links:
            self.add(Block(OPERATIVE, "", rich))
        else:
            self.heading(rich.text)

    def loose_text(self, element: ET.Element) -> None:
        rich = self.text(element)
        if is_heading_text(rich):
            self.heading(rich.text)
        else:
            self.content_block(rich, "", 0)

    def table(self, element: ET.Element) -> None:
        for row in element.iter(NS + "tr"):
            cells = [c for c in row if local(c.tag) in ("td", "th")]
            rich = build_cells(cells, self.warn)
            if rich.text.strip(" |"):
                self.add(Block(OPERATIVE, "", rich, row=True))

    def paragraph(self, element: ET.Element, depth: int = 0) -> None:
        number = plain(child(element, "num"))
        heads = [c for c in element if local(c.tag) in ("heading", "subheading")]
        content = child(element, "content")
        if content is None:
            content = child(element, "p")
        lists = [c for c in element if local(c.tag) == "list"]
        for head in heads:
            if number and not content and not lists:
                self.heading(number)
                number = ""
            self.heading(plain(head))
        if content is None and not lists:
            if number:
                self.heading(number)  # a section numeral printed as a paragraph ("II")
            self.unexpected(element, {"num", "heading", "subheading", "content", "list", "p"})
            return
        if content is not None:
            rich = self.text(content)
            if SECTION_NUMBER_RE.match(number) and is_heading_text(rich):
                self.heading(number)
                self.heading(rich.text)
            elif not number and is_heading_text(rich):
                self.heading(rich.text)
            else:
                self.content_block(rich, number, depth)
        for list_element in lists:
            self.list(list_element, number if content is None else "", depth)
        self.unexpected(element, {"num", "heading", "subheading", "content", "list", "p"})

    def list(self, element: ET.Element, number: str, depth: int) -> None:
        for part in element:
            tag = local(part.tag)
            if tag == "intro":
                self.content_block(self.text(part), number, depth)
                number = ""
            elif tag == "point":
                self.point(part, depth + 1)
            elif tag in ("sublist", "list"):
                self.list(part, "", depth + 1)
            elif tag == "wrapUp":
                self.content_block(self.text(part), "", depth)
            elif tag == "num":
                continue
            else:
                self.warn(f"unexpected <{tag}> in a list; its text was kept")
                self.content_block(self.text(part), "", depth + 1)

    def point(self, element: ET.Element, depth: int) -> None:
        number = plain(child(element, "num"))
        content = child(element, "content")
        if content is not None:
            self.content_block(self.text(content), number, depth)
            number = ""
        for part in element:
            tag = local(part.tag)
            if tag in ("list", "sublist"):
                self.list(part, number, depth)
                number = ""
            elif tag == "point":
                self.point(part, depth + 1)
        self.unexpected(element, {"num", "content", "list", "sublist", "point"})

    def content_block(self, rich: RichText, number: str, depth: int) -> None:
        language = self.language
        number = number.strip()
        if not number:
            leading = language.leading_number_re.match(rich.text)
            if leading:
                number = leading.group(0).strip()
                rich.drop_prefix(leading.end())
        else:
            # Some files print the number both in <num> and at the start of the text.
            leading = language.leading_number_re.match(rich.text)
            if leading and language.canonical_number(leading.group(0)).rstrip(".") == language.canonical_number(
                number
            ).rstrip("."):
                rich.drop_prefix(leading.end())
        self.add(self._numbered(Block(OPERATIVE, number, rich, opening_phrase=self._phrase(rich), depth=depth)))

    def _phrase(self, rich: RichText) -> str:
        """The italic words that open the text; in a language printing them upright (Arabic, Chinese), the
        language's known phrase."""
        return rich.opening_phrase() or (self.language.known_phrase(rich.text) if self.language is not ENGLISH else "")

    def _numbered(self, block: Block) -> Block:
        """The block with its number in the form keys read, the printed one kept when the language's differs."""
        canonical = self.language.canonical_number(block.number)
        if canonical != block.number.strip():
            block.printed, block.number = block.number.strip(), canonical
        return block

    def unexpected(self, element: ET.Element, known: set[str]) -> None:
        for part in element:
            tag = local(part.tag)
            if tag not in known and tag not in FURNITURE_TAGS:
                self.warn(
                    f"<{tag}> in <{local(element.tag)} eId={element.get('eId', '?')}> was not imported: {plain(part)[:80]!r}"
                )


def is_heading_text(rich: RichText) -> bool:
    """Short, unpunctuated, without notes or links: a heading ("Officers", "III", "Section 18", "附件")."""
    text = rich.text
    return (
        bool(text)
        and len(text) <= 150
        and not rich.notes
        and not rich.links
        and not re.search(r"[.,;:،؛。，；：]\W*\d*$", text)
        and (
            text[0].isupper()
            or text[0].isdigit()
            # a script without capitals says less: a heading there has no clause punctuation at all
            or (_uncased(text[0]) and not re.search(r"[，：；。،؛:;]", text))
        )
    )


def _uncased(letter: str) -> bool:
    """A letter of a script without capitals (Arabic, Chinese), where a heading cannot be told by its capital."""
    return letter.isalpha() and letter.lower() == letter.upper()
