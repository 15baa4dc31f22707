"""The UN's Akoma Ntoso XML (AKN4UN) for General Assembly resolutions.

What the markup holds, and what becomes of it:

- ``coverPage``: symbol, session, agenda item, the report the resolution was
  adopted on (``docProponent``); ``preface``: number and title;
  ``conclusions``: meeting and adoption date. FRBR metadata gives the
  language and, when the conclusions lack it, the adoption date.
- ``preamble/container``: preambular paragraphs ``pp1``… (the ``name``
  attribute is the opening phrase); a ``blockList`` inside or after one gives
  its lettered items (``pp3a``). ``formula`` ("The General Assembly,") and
  ``decoration`` ("* * *") are furniture.
- ``mainBody``: operative paragraphs keyed by their PRINTED number, from
  ``num`` or, where the UN's editors left the number in the text, from the
  text ("(a)\\tTo cooperate…"); ``list``/``point``/``sublist`` give
  sub-paragraphs (``op2a``, ``op2a-ii``). Section numerals and subheadings
  become the ``heading`` of the paragraph that follows. Unnumbered operative
  paragraphs are ``op1``, ``op2``… by position in a part printed without
  numbers (single-paragraph resolutions), ``p1``, ``p2``… among numbered ones
  (text between sections), as ``resolutions.reference.paragraph_keys`` says for every
  importer. When sections restart their numbering,
  keys carry the section (``sec-ii-a-op1``); ``crossHeading``s marked as
  preamble inside a section are that section's preambular paragraphs.
  Tables become one paragraph per row, cells separated by " | ".
- ``attachments/attachment/doc[@name=annex]``: annexes, in the annex key
  namespace (``annex-op5``, ``annex-pp1``; ``annex-i-``… when there are
  several).
- ``authorialNote``: footnotes, taken out of the text with their marker and
  its offset; ``<sup>3</sup>`` repeats the marker of a footnote printed once
  and is taken out too, its offset kept as one of that footnote's further
  places.
- ``<a href="https://undocs.org/en/SYMBOL">``: the UN's own citations, kept
  with their spans in the plain text; the citation finder adds what the
  editors did not link, without duplicates.
- ``documentCollection`` with ``components``: several resolutions in one
  file (``A/RES/75/101 A`` and ``A/RES/75/101 B``).

``meta`` gives recorded votes per Member State (``analysis/voting``), the
adoption type, SDGs and UNBIS subjects (``classification``) and the drafting
workflow. A line of ``metadata/NN.jsonl`` (committee, agenda item, votes,
sponsors, SDGs, subjects) is merged by ``enrich_from_path`` when the file
sits in the corpus layout (``NN/English/file.xml`` beside ``metadata/``); the
XML's own votes win over the line's, with a warning when they differ.

Only English is imported for now: other languages raise ``SkippedSource``.
XML with a DTD or entity declarations is refused (no entity expansion).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from resolutions.citations.extract import find_citations
from resolutions.citations.symbols import kind_of_symbol, normalize_symbol
from resolutions.ingest.document import (
    OPERATIVE,
    PREAMBULAR,
    FootnotePlace,
    ParsedCitation,
    ParsedDocument,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
    SkippedSource,
    SourceInfo,
    Vote,
)
from resolutions.reference.dates import printed_date
from resolutions.reference.numbers import ROMAN_LETTERS_RE
from resolutions.reference.paragraph_keys import (
    annex_part,
    item_key,
    lettered_key,
    operative_key,
    place,
    preambular_key,
    repeat_key,
    unnumbered_key,
    unnumbered_operative_key,
)

FORMAT = "akn"
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
LANGUAGE_NAMES = {"fra": "French", "spa": "Spanish", "rus": "Russian", "ara": "Arabic", "zho": "Chinese"}
UNDOCS_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?:undocs\.org|docs\.un\.org)/", re.IGNORECASE)
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
TOP_NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
SUB_NUMBER_RE = re.compile(r"^\(([a-z]{1,2}|[ivxlc]+)\)\.?$")
SECTION_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
LEADING_NUMBER_RE = re.compile(r"^(?:(\d{1,3})\.|\(([a-z]{1,2}|[ivxlc]+)\))\s+")
OPENING_PHRASE_MAX = 80


def detect(data: bytes, name: str) -> bool:
    return b"<akomaNtoso" in data[:4096]


# --- text with footnotes, links and the opening phrase --------------------


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
    italic_start: int | None = None
    italic_end: int | None = None

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
                self.result.notes.append(Note(child.get("marker", "").strip(), note.text, self.length, note.links))
                for nested in note.notes:  # a note in a note: keep it as a note of this text
                    self.result.notes.append(nested)
            elif tag == "a":
                before = self.length
                self.walk(child)
                text = "".join(self.parts)
                start, end = before, self.length
                while start < end and text[start] == " ":
                    start += 1
                while end > start and text[end - 1] == " ":
                    end -= 1
                self.result.links.append(Link(child.get("href", ""), start, end))
            elif tag == "span" and "italic" in (child.get("class") or "") and self.result.italic_start is None:
                start = self.length
                self.walk(child)
                self.result.italic_start, self.result.italic_end = start, self.length
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
        return result


def build_text(elements, warn) -> RichText:
    """Text of ``elements`` (blocks joined by a space), footnotes taken out, links kept."""
    builder = TextBuilder(warn)
    for index, element in enumerate(elements):
        if index:
            builder.add(" ")
        builder.walk(element)
    return builder.finish()


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


# --- blocks: the document's paragraphs in order, before keys are given ----


@dataclass
class Block:
    kind: str  # PREAMBULAR / OPERATIVE
    number: str  # as printed: "5", "(a)", "" (unnumbered)
    rich: RichText
    opening_phrase: str = ""
    heading: str = ""
    section: tuple[str, ...] = ()  # section numerals around it: ("II", "A")
    depth: int = 0  # 0 top level, 1 list point, 2 sublist point
    row: bool = False  # a table row


class BodyReader:
    """Walks one statement's (or annex's) body into Blocks; collects warnings."""

    def __init__(self, where: str):
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
                    phrase = rich.opening_phrase()
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
                self.add(Block(PREAMBULAR, number, self.text(*parts), depth=1))
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
            self.add(Block(PREAMBULAR, "", rich, opening_phrase=rich.opening_phrase()))
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
        number = number.strip()
        if not number:
            leading = LEADING_NUMBER_RE.match(rich.text)
            if leading:
                number = leading.group(0).strip()
                rich.drop_prefix(leading.end())
        else:
            # Some files print the number both in <num> and at the start of the text.
            leading = LEADING_NUMBER_RE.match(rich.text)
            if leading and leading.group(0).strip().rstrip(".") == number.rstrip("."):
                rich.drop_prefix(leading.end())
        self.add(Block(OPERATIVE, number, rich, opening_phrase=rich.opening_phrase(), depth=depth))

    def unexpected(self, element: ET.Element, known: set[str]) -> None:
        for part in element:
            tag = local(part.tag)
            if tag not in known and tag not in FURNITURE_TAGS:
                self.warn(
                    f"<{tag}> in <{local(element.tag)} eId={element.get('eId', '?')}> was not imported: {plain(part)[:80]!r}"
                )


# Structured annexes number their paragraphs within articles, guidelines, principles, conclusions…
NAMED_SECTION_RE = re.compile(
    r"^(?:Draft\s+)?(Annex|Appendix|Part|Chapter|Article|Rule|Section|Regulation|Guideline|Principle|Conclusion)"
    r"\s+([IVXLC]+|\d+[A-Za-z]?|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten))\b"
)
NAMED_SECTION_LEVELS = {
    "annex": 0,
    "appendix": 0,
    "part": 1,
    "chapter": 1,
    "article": 4,
    "rule": 4,
    "section": 4,
    "regulation": 4,
    "guideline": 4,
    "principle": 4,
    "conclusion": 4,
}


def section_level(text: str, path: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(level, label) when ``text`` opens a section: "II" (2, "ii"), "A." (3, "a"), "Article 2" (4, "article-2")."""
    named = NAMED_SECTION_RE.match(text)
    if named:
        word = named.group(1).lower()
        return NAMED_SECTION_LEVELS[word], f"{word}-{named.group(2).lower()}"
    if not SECTION_NUMBER_RE.match(text):
        return None
    numeral = text.rstrip(".")
    previous_letter = next((label for level, label in path if level == 3), "")
    follows_letter = len(numeral) == 1 and previous_letter and ord(numeral.lower()) == ord(previous_letter) + 1
    if re.fullmatch(r"[IVXLC]+", numeral) and not follows_letter:
        return 2, numeral.lower()
    return 3, numeral.lower()


def build_cells(cells: list[ET.Element], warn) -> RichText:
    builder = TextBuilder(warn)
    for index, cell in enumerate(cells):
        if index:
            builder.add(" | ")
        builder.walk(cell)
    return builder.finish()


def is_heading_text(rich: RichText) -> bool:
    """Short, unpunctuated, without notes or links: a heading ("Officers", "III", "Section 18")."""
    text = rich.text
    return (
        bool(text)
        and len(text) <= 150
        and not rich.notes
        and not rich.links
        and not re.search(r"[.,;:]\W*\d*$", text)
        and (text[0].isupper() or text[0].isdigit())
    )


# --- keys ------------------------------------------------------------------


def next_letter(letter: str) -> str:
    if len(letter) == 2:  # (aa) (bb)
        return chr(ord(letter[0]) + 1) * 2 if letter[0] != "z" else ""
    return "aa" if letter == "z" else chr(ord(letter) + 1)


def assign_keys(
    blocks: list[Block], part: str, in_annex: bool, warn, start_order: int
) -> list[tuple[Block, ParsedParagraph]]:
    """Keys from printed numbers (``resolutions.reference.paragraph_keys``); section places when sections restart their numbering.

    A place is the whole path of sections ("sec-viii-b-op1"), or, in a
    structured annex's guidelines, principles and conclusions, that place
    alone ("annex, guideline 5, para. 1", as they are cited).
    """
    keyed = _keys(blocks, part, in_annex, with_sections=False)
    keys = [paragraph.key for _, paragraph in keyed]
    if len(set(keys)) != len(keys) and any(b.section for b in blocks):
        keyed = _keys(blocks, part, in_annex, with_sections=True)
    seen: dict[str, int] = {}
    renamed: dict[str, str] = {}
    result = []
    for order, (block, paragraph) in enumerate(keyed, start=start_order):
        paragraph.order = order
        if paragraph.parent_key in renamed:
            paragraph.parent_key = renamed[paragraph.parent_key]
        if paragraph.key in seen:
            seen[paragraph.key] += 1
            new_key = repeat_key(paragraph.key, seen[paragraph.key])
            warn(
                f"paragraph number {paragraph.number or '(unnumbered)'} is printed twice ({paragraph.key}); "
                f"the repeat is keyed {new_key}"
            )
            renamed[paragraph.key] = new_key
            paragraph.key = new_key
        else:
            seen[paragraph.key] = 1
            renamed.pop(paragraph.key, None)
        result.append((block, paragraph))
    return result


def _section_place(section: tuple[str, ...]) -> tuple[str, ...]:
    """The sections a key names: the whole path, or a guideline's (principle's, conclusion's) alone."""
    return section[-1:] if _numbers_its_own(section) else section


# Places whose paragraphs are cited within them, unnumbered ones too ("guideline 4, first paragraph").
OWN_NUMBERING_PLACES = ("guideline", "principle", "conclusion")


def _numbers_its_own(section: tuple[str, ...]) -> bool:
    """Is this place cited on its own, its unnumbered paragraphs counted within it, rather than along the part?

    Only the places of structured annexes read since issue 13 (guidelines,
    principles, conclusions): other sections keep their whole path and count
    along the part, as they always did, so that keys already published keep
    naming the same paragraph.
    """
    return bool(section) and section[-1].split("-")[0] in OWN_NUMBERING_PLACES


def _keys(blocks: list[Block], part: str, in_annex: bool, with_sections: bool) -> list[tuple[Block, ParsedParagraph]]:
    out = []
    preambular = 0
    counters: dict[tuple, list[int]] = {}  # per kind and place (see _numbers_its_own)
    top = letter_key = ""
    letter = ""
    last_key = ""
    numbered_seen = False
    part_is_numbered = any(TOP_NUMBER_RE.match(block.number) for block in blocks)
    for block in blocks:
        section = _section_place(block.section) if with_sections else ()
        base = place(part, section)
        number = block.number
        top_match = TOP_NUMBER_RE.match(number)
        sub_match = SUB_NUMBER_RE.match(number)
        parent = ""
        kind = block.kind
        if kind == PREAMBULAR and block.depth == 0:
            count = counters.setdefault(("pp", section), [0])
            count[0] += 1
            key = preambular_key(base, count[0])
            top, letter_key, letter = key, "", ""
        elif top_match:
            key = operative_key(base, top_match.group(1))
            top, letter_key, letter = key, "", ""
            numbered_seen = True
        elif sub_match and (top or last_key):
            value = sub_match.group(1)
            owner = top or last_key
            is_roman = bool(ROMAN_LETTERS_RE.match(value))
            if is_roman and letter and next_letter(letter) == value:
                is_roman = False
            if (is_roman and letter_key and block.depth != 1) or (
                is_roman and letter_key and block.depth == 1 and value != "i" and next_letter(letter) != value
            ):
                key, parent = item_key(letter_key, value), letter_key
            elif (
                is_roman
                and not letter_key
                and value in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
                and not letter
            ):
                key, parent = item_key(owner, value), owner
            else:
                key, parent = lettered_key(owner, value), owner
                letter_key, letter = key, value
        else:
            own_place = _numbers_its_own(section)
            if in_annex and not numbered_seen and kind == OPERATIVE and not block.row and not number and not own_place:
                preambular += 1
                key = preambular_key(base, preambular)
                kind = PREAMBULAR
            else:
                unnumbered = counters.setdefault(("p", section if own_place else ()), [0])
                unnumbered[0] += 1
                if (
                    kind == OPERATIVE and not block.depth and not block.row
                ):  # a table row is no paragraph cited by number
                    key = unnumbered_operative_key(base, unnumbered[0], part_is_numbered)
                else:
                    key = unnumbered_key(base, unnumbered[0])
            if block.depth and top:
                parent = top
            else:
                top = key
            letter_key, letter = "", ""
        last_key = key
        out.append(
            (
                block,
                ParsedParagraph(
                    key=key,
                    kind=kind if block.kind == OPERATIVE else PREAMBULAR,
                    number=number,
                    order=0,
                    text=block.rich.text,
                    opening_phrase=block.opening_phrase,
                    parent_key=parent,
                    part=part,
                    heading=block.heading,
                ),
            )
        )
    return out


# --- metadata --------------------------------------------------------------


def frbr(statement: ET.Element, level: str, name: str) -> str:
    for element in statement.iter(NS + level):
        found = element.find(NS + name)
        if found is not None:
            return found.get("date") or found.get("language") or found.get("value") or ""
    return ""


def language_of(root: ET.Element) -> str:
    for element in root.iter(NS + "FRBRlanguage"):
        return element.get("language", "")
    return ""


def parse_date(text: str) -> dt.date | None:
    """'2019-12-18', '2019-12-18 00:00:00' or '16 December 2020'."""
    text = (text or "").strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = re.match(r"^(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$", text)
        if match:
            return printed_date(match[1], match[2], match[3])
    except ValueError:
        return None
    return None


@dataclass
class Cover:
    meta: ET.Element | None = None  # the document's <meta>: a collection's applies to all its parts
    symbol: str = ""
    session: str = ""
    agenda_item: str = ""
    report: str = ""
    committee: str = ""
    title: str = ""


def read_cover(container: ET.Element) -> Cover:
    cover = Cover(meta=child(container, "meta"))
    page = child(container, "coverPage")
    if page is not None:
        for element in page.iter(NS + "docNumber"):
            cover.symbol = plain(element)
        for element in page.iter(NS + "session"):
            cover.session = (element.get("value") or "").strip()
        for element in page.iter(NS + "inline"):
            if element.get("name") == "agenda item":
                cover.agenda_item = re.sub(r"^Agenda items?\s*", "", plain(element), flags=re.I)
        for element in page.iter(NS + "docProponent"):
            text = plain(element)
            committee = re.search(r"\(([^()]*Committee[^()]*)\)", text) or re.search(
                r"on the report of the ([^()\[\]]*?Committee)", text
            )
            if committee:
                cover.committee = committee.group(1).strip()
            elif re.search(r"without reference to a Main Committee", text, re.I):
                cover.committee = "Without reference to a Main Committee"
            if re.search(r"on the report of", text, re.I):
                for inline in element.iter(NS + "inline"):
                    if inline.get("name") == "originating document":
                        cover.report = plain(inline).split(",")[0].strip()
    preface = child(container, "preface")
    if preface is not None:
        cover.title = plain(preface.find(f".//{NS}docTitle"))
    return cover


ADOPTION_TYPES = {"adoptedRecordedVote": "By a recorded vote", "adoptedWithoutVote": "Without a vote"}
VOTE_CODES = {"inFavour": "Y", "against": "N", "abstaining": "A"}


def read_record(metas: list[ET.Element]) -> tuple[list[Vote], dict]:
    """Votes per Member State, adoption type, SDGs, subjects and the drafting workflow from ``<meta>``.

    The first ``<meta>`` that has an item wins (a part's own, then its collection's).
    """
    votes: list[Vote] = []
    record: dict = {}
    for meta in metas:
        voting = meta.find(f".//{NS}voting")
        if voting is not None and "adoption_type" not in record:
            outcome = (voting.get("outcome") or "").strip()
            if outcome:
                record["adoption_type"] = ADOPTION_TYPES.get(outcome, outcome)
            for count in voting.findall(NS + "count"):
                code = VOTE_CODES.get(count.get("refersTo", "").lstrip("#"))
                if code is None:
                    continue
                record[f"votes_{count.get('refersTo', '').lstrip('#')}_count"] = count.get("value", "")
                votes += [Vote(plain(state), code) for state in count.iter(NS + "organization") if plain(state)]
        if "SDGs" not in record:
            sdgs = [k.get("value", "") for k in meta.iter(NS + "keyword") if k.get("dictionary") == "SDGO"]
            subjects = sorted(
                {
                    k.get("value", "").replace("_", " ")
                    for k in meta.iter(NS + "keyword")
                    if k.get("dictionary") == "UNBIS Thesaurus" and k.get("value")
                }
            )
            if sdgs:
                record["SDGs"] = sdgs
            if subjects:
                record["subjects_unbis"] = subjects
        for step in meta.iter(NS + "step"):
            outcome, by = step.get("outcome", ""), (step.get("by") or "").strip()
            if outcome == "draftResolution" and by and "submitted_by" not in record:
                record["submitted_by"] = by
            elif outcome == "recommendedForAdoption" and step.get("as") and "recommended_in" not in record:
                record["recommended_in"] = step.get("as")
                if step.get("refersTo"):
                    record["report_paragraph"] = step.get("refersTo")
    unique: dict[str, str] = {}
    for vote in votes:
        unique.setdefault(vote.member_state, vote.vote)
    return [Vote(state, vote) for state, vote in sorted(unique.items())], record


# <meta> children: FRBR identification, classification, workflow and analysis are read;
# references (the TLC vocabulary), presentation (page footers, bar codes) and notes are furniture.
META_PARTS = {
    "identification",
    "classification",
    "workflow",
    "analysis",
    "references",
    "presentation",
    "publication",
    "lifecycle",
    "notes",
    "proprietary",
    "temporalData",
}


def unread_meta(meta: ET.Element | None, symbol: str) -> list[str]:
    if meta is None:
        return []
    return [
        f"{symbol}: <{local(part.tag)}> in <meta> was not imported"
        for part in meta
        if local(part.tag) not in META_PARTS
    ]


def read_conclusions(statement: ET.Element) -> tuple[str, dt.date | None]:
    conclusions = child(statement, "conclusions")
    meeting, date = "", None
    if conclusions is None:
        return meeting, date
    for element in conclusions.iter():
        tag = local(element.tag)
        if tag in ("inline", "location") and "eeting" in plain(element):
            meeting = plain(element)
        elif tag == "docDate":
            date = parse_date(element.get("date", "")) or parse_date(plain(element))
    return meeting, date


# --- citations -------------------------------------------------------------


def symbol_from_href(href: str) -> str | None:
    """The canonical symbol an undocs.org link points at; None for other links."""
    if not UNDOCS_RE.match(href or ""):
        return None
    return normalize_symbol(href)


def citations_in(rich: RichText, context_body: str, own_symbol: str, **where) -> list[ParsedCitation]:
    """The UN's own links, then what the finder adds without duplicating them."""
    citations: list[ParsedCitation] = []
    linked: list[tuple[int, int, str]] = []
    text = rich.text
    for link in rich.links:
        symbol = symbol_from_href(link.href)
        if not symbol or link.end <= link.start or symbol.upper() == own_symbol.upper():
            continue
        citations.append(
            ParsedCitation(symbol, text[link.start : link.end], kind_of_symbol(symbol), link.start, link.end, **where)
        )
        linked.append((link.start, link.end, symbol.upper()))
    for found in find_citations(text, context_body=context_body):
        if found.symbol.upper() == own_symbol.upper():
            continue
        overlapping = [c for c in citations if c.start < found.end and found.start < c.end and c.start >= 0]
        if overlapping:
            for existing in overlapping:
                if (
                    existing.symbol.upper() == found.symbol.upper()
                    and found.target_paragraph
                    and not existing.target_paragraph
                ):
                    existing.target_paragraph = found.target_paragraph
            continue
        citations.append(
            ParsedCitation(
                found.symbol,
                found.text,
                found.kind,
                found.start,
                found.end,
                target_paragraph=found.target_paragraph,
                **where,
            )
        )
    citations.sort(key=lambda c: (c.start, c.symbol))
    return citations


# --- parse -----------------------------------------------------------------


def load_xml(data: bytes, name: str) -> ET.Element:
    head = data[:65536]
    if re.search(rb"<!DOCTYPE|<!ENTITY", head, re.IGNORECASE) or b"<!ENTITY" in data:
        raise ParseError("XML with a DTD or entity declarations is refused (no entity expansion)", source=name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        line = error.position[0] if hasattr(error, "position") else None
        raise ParseError(f"malformed XML: {error}", source=name, line=line) from None


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    return _parse(data, source, None)


@dataclass
class TextUnit:
    """One paragraph's or footnote's plain text with the UN's links in it (for the citation benchmark)."""

    resolution: str
    where: str  # paragraph key, or "footnote N"
    rich: RichText


def text_units(data: bytes, name: str) -> list[TextUnit]:
    """Every paragraph and footnote text of an AKN file, with its ``<a href>`` links and their spans."""
    units: list[TextUnit] = []
    _parse(data, SourceInfo(name=name, format=FORMAT, sha256=""), units)
    return units


def _parse(data: bytes, source: SourceInfo, units: list[TextUnit] | None) -> ParsedDocument:
    root = load_xml(data, source.name)
    if local(root.tag) != "akomaNtoso":
        raise ParseError(f"not Akoma Ntoso: the root element is <{local(root.tag)}>", source=source.name)
    language = language_of(root)
    if language and language != "eng":
        raise SkippedSource(
            f"{source.name} is written in {LANGUAGE_NAMES.get(language, language)} ({language}): "
            "only English resolutions are imported for now"
        )
    collection = child(root, "documentCollection")
    warnings: list[str] = []
    resolutions: list[ParsedResolution] = []
    if collection is not None:
        cover = read_cover(collection)
        base = re.sub(r"\s+[A-Z](?:\s*[-–]\s*[A-Z]|(?:\s*,\s*[A-Z])*(?:\s+and\s+[A-Z])?)$", "", cover.symbol)
        components = root.find(NS + "components")
        statements = (
            [] if components is None else [c.find(NS + "statement") for c in components.findall(NS + "component")]
        )
        for statement in statements:
            if statement is None:
                continue
            letter = plain(statement.find(f"{NS}preface//{NS}docNumber")).rstrip(".")
            resolutions.append(parse_statement(statement, source, cover, f"{base} {letter}" if letter else base, units))
    else:
        statement = child(root, "statement")
        if statement is None:
            raise ParseError("no <statement> or <documentCollection>: not a resolution", source=source.name)
        cover = read_cover(statement)
        resolutions.append(parse_statement(statement, source, cover, cover.symbol, units))
    if not resolutions:
        raise ParseError("no resolution found in the document collection", source=source.name)
    return ParsedDocument(source=source, resolutions=resolutions, warnings=warnings)


def parse_statement(
    statement: ET.Element, source: SourceInfo, cover: Cover, symbol: str, units: list[TextUnit] | None = None
) -> ParsedResolution:
    symbol = normalize_symbol(symbol) or ""
    match = re.fullmatch(r"A/RES/((?:(?:S|ES)-)?\d+)/(\d+(?: [A-Z])?)", symbol)
    if not match:
        raise ParseError(
            f"no General Assembly resolution symbol on the cover page (found {symbol!r})", source=source.name
        )
    session, number = match[1], f"{match[1]}/{match[2]}"
    title = cover.title
    own_preface = child(statement, "preface")
    if own_preface is not None:
        title = plain(own_preface.find(f".//{NS}docTitle")) or title  # parts often leave theirs empty
    meeting, adopted_on = read_conclusions(statement)
    votes, record = read_record([m for m in (child(statement, "meta"), cover.meta) if m is not None])
    reader_warnings = unread_meta(child(statement, "meta"), symbol)
    if adopted_on is None:
        adopted_on = parse_date(frbr(statement, "FRBRWork", "FRBRdate"))
    reader = BodyReader(symbol)
    reader.warnings += reader_warnings
    title_notes: list[Note] = []
    if own_preface is not None:
        for note in own_preface.iter(NS + "authorialNote"):
            rich = build_text([note], reader.warn)
            title_notes.append(Note(note.get("marker", "").strip(), rich.text, 0, rich.links))
    # Usually one preamble then one mainBody; some files interleave several.
    for element in statement:
        tag = local(element.tag)
        if tag == "preamble":
            reader.preamble(element)
        elif tag == "mainBody":
            reader.body(element)
        elif tag not in ("meta", "coverPage", "preface", "conclusions", "attachments"):
            reader.warn(f"<{tag}> in the resolution was not imported")
    reader.finish()
    keyed = assign_keys(reader.blocks, "", False, reader.warn, 1)
    annexes = [doc for doc in statement.iter(NS + "doc") if (doc.get("name") or "").lower().startswith("annex")]
    for index, annex in enumerate(annexes, start=1):
        part = annex_part(index, len(annexes))
        annex_reader = BodyReader(f"{symbol} {part}")
        for element in annex:
            tag = local(element.tag)
            if tag == "preamble":
                annex_reader.preamble(element)
            elif tag == "mainBody":
                annex_reader.body(element)
            elif tag not in ("meta", "preface", "coverPage", "conclusions"):
                annex_reader.warn(f"<{tag}> in the annex was not imported")
        annex_reader.finish()
        keyed += assign_keys(annex_reader.blocks, part, True, annex_reader.warn, len(keyed) + 1)
        reader.warnings.extend(annex_reader.warnings)
    if not paragraphs_found(statement):
        raise ParseError(f"{symbol}: neither preamble nor operative part", source=source.name)
    paragraphs = [p for _, p in keyed]
    footnotes: list[ParsedFootnote] = []
    citations: list[ParsedCitation] = []
    context = "GA"
    for note in title_notes:
        footnotes.append(ParsedFootnote(note.marker, note.text))
    for block, paragraph in keyed:
        own = [ParsedFootnote(note.marker, note.text, paragraph.key, note.offset) for note in block.rich.notes]
        footnotes += own
        for repeat in block.rich.repeats:
            add_further_place(footnotes, own, paragraph.key, repeat)
        citations += citations_in(block.rich, context, symbol, paragraph_key=paragraph.key)
        if units is not None:
            units.append(TextUnit(symbol, paragraph.key, block.rich))
    all_notes = title_notes + [n for block, _ in keyed for n in block.rich.notes]
    markers_seen: set[str] = set()
    for note, footnote in zip(all_notes, footnotes, strict=False):
        if footnote.marker in markers_seen or not footnote.marker:
            reader.warn(f"footnote marker {footnote.marker!r} is used twice or is empty")
        markers_seen.add(footnote.marker)
        note_text = RichText(note.text, links=note.links)
        citations += citations_in(note_text, context, symbol, footnote_marker=footnote.marker)
        if units is not None:
            units.append(TextUnit(symbol, f"footnote {footnote.marker}", note_text))
    return ParsedResolution(
        symbol=symbol,
        body="GA",
        session=session,
        number=number,
        title=title,
        source=source,
        adopted_on=adopted_on,
        meeting=meeting,
        report=cover.report,
        agenda_item=cover.agenda_item,
        committee=cover.committee,
        language="en",
        paragraphs=paragraphs,
        footnotes=footnotes,
        citations=citations,
        votes=votes,
        metadata=record,
        warnings=reader.warnings,
    )


def paragraphs_found(statement: ET.Element) -> bool:
    return statement.find(NS + "preamble") is not None or statement.find(NS + "mainBody") is not None


# --- the corpus metadata line ----------------------------------------------


def is_companion(path: Path) -> bool:
    """A corpus metadata file (``metadata/75.jsonl``): read with the XML beside it, not imported on its own."""
    return path.suffix == ".jsonl" and path.parent.name == "metadata" and path.stem.isdigit()


def metadata_file(path: Path) -> Path | None:
    """``../../metadata/NN.jsonl`` for ``NN/English/file.xml``."""
    session_dir = path.resolve().parent.parent
    candidate = session_dir.parent / "metadata" / f"{session_dir.name}.jsonl"
    return candidate if candidate.is_file() else None


_METADATA_CACHE: dict[Path, tuple[float, dict[str, dict]]] = {}


def metadata_lines(file: Path) -> dict[str, dict]:
    """Lines of a metadata file by canonical symbol (cached while the file is unchanged)."""
    mtime = file.stat().st_mtime
    cached = _METADATA_CACHE.get(file)
    if cached and cached[0] == mtime:
        return cached[1]
    lines: dict[str, dict] = {}
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ParseError(f"metadata line is not JSON: {error}", source=file.name, line=number) from None
            symbol = normalize_symbol(str(record.get("symbol", "")))
            if symbol:
                lines[symbol.upper()] = record
            raw = str(record.get("symbol", "")).strip().upper()
            if raw:
                lines.setdefault(raw, record)
    _METADATA_CACHE[file] = (mtime, lines)
    return lines


def enrich_from_path(document: ParsedDocument, path: Path) -> None:
    """Merge the corpus metadata line of each resolution, when the file is in the corpus layout."""
    file = metadata_file(path)
    if file is None:
        return
    lines = metadata_lines(file)
    for resolution in document.resolutions:
        record = lines.get(resolution.symbol.upper())
        if record is None:
            base = re.sub(r" [A-Z]$", "", resolution.symbol)
            record = next(
                (
                    r
                    for s, r in lines.items()
                    if re.fullmatch(re.escape(base.upper()) + r"(?: [A-Z](?:\s*[-–,]\s*[A-Z])*)?", s)
                ),
                None,
            )
        if record is None:
            resolution.warnings.append(f"no line for {resolution.symbol} in {file.name}")
            continue
        apply_metadata(resolution, record, file.name)


METADATA_KEYS = (
    "adoption_type",
    "voting_type",
    "sponsors",
    "additional_sponsors",
    "SDGs",
    "subjects",
    "originating_document",
    "report_paragraph",
    "agenda_item_name",
    "pv",
    "MS_in_favour_count",
    "MS_against_count",
    "MS_abstaining_count",
)


def apply_metadata(resolution: ParsedResolution, record: dict, file_name: str) -> None:
    committee = str(record.get("committee") or "").strip()
    if committee:
        resolution.committee = committee
    agenda = re.sub(r"^Agenda items?\s*", "", str(record.get("agenda_item") or ""), flags=re.I).strip()
    if agenda and not resolution.agenda_item:
        resolution.agenda_item = agenda
    adopted = parse_date(str(record.get("adoption_date") or ""))
    if adopted and resolution.adopted_on and adopted != resolution.adopted_on:
        resolution.warnings.append(
            f"{file_name} gives adoption date {adopted} but the XML says {resolution.adopted_on}; kept the XML"
        )
    elif adopted and not resolution.adopted_on:
        resolution.adopted_on = adopted
    if not resolution.meeting and record.get("adoption_meeting"):
        resolution.meeting = str(record["adoption_meeting"]).strip()
    votes: dict[str, str] = {}
    for key, value in (("MS_in_favour", "Y"), ("MS_against", "N"), ("MS_abstaining", "A")):
        for state in record.get(key) or []:
            name = str(state).strip()
            if name in votes and votes[name] != value:
                resolution.warnings.append(f"{file_name}: {name} is listed with two different votes")
            votes.setdefault(name, value)
    listed = [Vote(state, vote) for state, vote in sorted(votes.items())]
    if not resolution.votes:
        resolution.votes = listed
    elif listed and listed != resolution.votes:
        resolution.warnings.append(f"{file_name} lists other votes than the XML; kept the XML's")
    resolution.metadata.update(
        {key: record[key] for key in METADATA_KEYS if key in record and record[key] not in (None, "", [])}
    )
