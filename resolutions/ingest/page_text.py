"""Pages separated by form feeds (poppler's ``pdftotext``, plain and ``-layout``) into the shape ``pdf_text`` reads.

``pdf_text`` reads one printed line a line, pages separated by an empty line,
a line of spaces between paragraphs, the running header (title, symbol, page
number) at the top of each page and footnotes as "N text" after the rule.
Extractors that end each page with a form feed give something else, and this
module makes it into that shape (pure: text in, text out):

- a form feed ends a page (an empty line inside a page separates blocks, as
  a line of spaces does);
- ``-layout`` keeps the page's geometry: the left margin is taken off, a
  line holding two columns ("General Assembly      Distr.: General", the
  running title and the symbol, the page number and the job number) is two
  lines, and a first line indented deeper than the text opens a paragraph;
- the page number and job number printed at the page's foot move to its
  running header, where ``pdf_text`` finds them;
- "The General Assembly" with no blank line after it, and a paragraph or
  footnote number alone on its line, start what follows;
- without ``-layout`` a new paragraph may show by nothing but how lines end
  and begin: after a line ending a clause (``,`` ``;`` ``.`` ``:``), a line
  opening as a preambular paragraph does ("Noting with appreciation") starts
  one, and so does any capital after such a line well short of the text's
  width, or after a short heading line;
- footnote blocks come as the marker alone on its line and the text after it
  ("1" / "Resolution 70/1."), or out of order (the texts first, their
  markers alone after them): both become "1 Resolution 70/1.".

Every pattern of a language (the line naming the body, the meeting line, paragraph numbers such as "5 -" or
"(أ)", preambular openings, words that run a header on) comes from the text's language in the registry
(``Language``), given by ``pdf_text`` or found from the text; the punctuation ending a clause is Latin,
Arabic or Chinese.
"""

from __future__ import annotations

import re
from statistics import median

from resolutions.ingest.text.furniture import BARCODE_RE, JOB_AND_PAGE_RE, JOB_NUMBER_RE, PAGE_NUMBER_RE, SYMBOL_RE
from resolutions.ingest.text.phrases import opening_phrase
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for, language_of_text

ENGLISH = language_for("en")
FORM_FEED = "\f"
DATE_STAMP_RE = re.compile(r"^\d{6}$")  # "241018": the day the job was printed, under its number
COLUMN_GAP_RE = re.compile(r"\S(\s{4,})\S")
FOOTNOTE_RULE_RE = re.compile(r"^\s*_{5,}\s*$")
MARKER_ALONE_RE = re.compile(r"^\s*(\d{1,3})\s*$")
MARKED_FOOTNOTE_RE = re.compile(r"^\s*(\d{1,3})\s+\S")
NUMBER_ALONE_RE = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))\s*$")
CLAUSE_END_RE = re.compile(
    r"[,;:.،؛。，；：]\s*(?:\(?\d{1,3}\)?)?$"
)  # a paragraph's end, perhaps with a footnote marker after it
LAYOUT_INDENT = 8  # -layout text: most lines start this far in
PARAGRAPH_INDENT = 3  # a first line this much deeper than the text opens a paragraph
SHORT_LINE = 0.8  # of the text's usual width: a line this short ending a clause ends its paragraph
HEADER_LINES = 6


def has_form_feeds(text: str) -> bool:
    return FORM_FEED in text


def normalise(text: str, language: Language | None = None) -> str:
    """Form-feed pages as ``pdf_text`` reads them; line numbers in its warnings are those of the result.
    ``language``: the text's (found from its formulae when not given; English when none is found)."""
    language = language or language_of_text(text) or ENGLISH
    pages = [page.split("\n") for page in text.rstrip(FORM_FEED + "\n").split(FORM_FEED)]
    layout = _is_layout(pages)
    symbol_match = SYMBOL_RE.search(text[:3000])
    symbol = symbol_match.group(0) if symbol_match else ""
    cover = " ".join(" ".join(pages[0]).split()) if pages else ""
    return "\n\n".join(
        _page(lines, layout, symbol, cover if index else "", language) for index, lines in enumerate(pages)
    )


def _is_layout(pages: list[list[str]]) -> bool:
    lines = [line for page in pages for line in page if line.strip()]
    indented = sum(1 for line in lines if len(line) - len(line.lstrip(" ")) >= LAYOUT_INDENT)
    return bool(lines) and indented > len(lines) / 2


def _columns(line: str) -> list[str]:
    """'General Assembly        Distr.: General' -> both, as two lines (a -layout line with two columns)."""
    pieces = []
    start = 0
    for gap in COLUMN_GAP_RE.finditer(line):
        pieces.append(line[start : gap.start(1)])
        start = gap.end(1)
    pieces.append(line[start:])
    indent = line[: len(line) - len(line.lstrip(" "))]
    return [pieces[0]] + [indent + piece for piece in pieces[1:]]


def _is_foot(text: str) -> bool:
    return bool(
        PAGE_NUMBER_RE.match(text)
        or JOB_NUMBER_RE.match(text)
        or JOB_AND_PAGE_RE.match(text)
        or BARCODE_RE.match(text)
        or DATE_STAMP_RE.match(text)
    )


def _foot_lines(foot: list[str]) -> list[str]:
    """The foot as ``pdf_text`` knows it: a date stamp ("241018") goes on the job number's line before it."""
    out: list[str] = []
    for text in foot:
        if DATE_STAMP_RE.match(text) and out and JOB_NUMBER_RE.match(out[-1]):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _page(lines: list[str], layout: bool, symbol: str, cover: str, language: Language = ENGLISH) -> str:
    """One page in ``pdf_text``'s shape; ``cover`` is the first page's text ("" when this is the first page)."""
    first = not cover
    if layout:
        margin = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
        lines = [piece for line in lines for piece in _columns(line[margin:].rstrip())]
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1].strip():
        lines.pop()
    foot: list[str] = []
    while lines and (_is_foot(lines[-1].strip()) or not lines[-1].strip()):
        line = lines.pop()
        if line.strip():
            foot.insert(0, line.strip())
    foot = _foot_lines(foot)
    if first:
        lines += ["", *foot]  # the cover's job number and bar code: furniture where they stand
    elif foot:
        at = _header_end(lines[:HEADER_LINES], symbol, cover)
        lines[at:at] = foot
    rule = next((i for i, line in enumerate(lines) if FOOTNOTE_RULE_RE.match(line)), None)
    body, notes = (lines, []) if rule is None else (lines[:rule], lines[rule + 1 :])
    out = _paragraphs(body, layout, language)
    if rule is not None:
        out += ["_" * 18, *_footnotes(notes)]
    return "\n".join(line or " " for line in out) or " "


def _preambular_opening(text: str, language: Language = ENGLISH) -> bool:
    """Does the line open as a preambular paragraph does ("Recalling", "Noting with concern", "Mindful", "Convinced";
    "Rappelant", "إذ تشير": a language's preambular phrases by its list)?"""
    if language.phrase_re is not None:  # any phrase of the lists after a clause's end: "وإذ تلاحظ" reads as
        return bool(language.known_phrase(text))  # operative "تلاحظ" once its "وإذ" is taken off
    words = opening_phrase(text).lower().split()
    return any(word.endswith(("ing", "ed")) or word in language.phrase_adjectives for word in words)


def _header_end(top: list[str], symbol: str, cover: str) -> int:
    """Where a page's running header ends, for its page number to go there (0: the page has none).

    The header is the symbol and the running title (lines the cover also
    prints: the title), in either order, from the top of the page.
    """
    end = 0
    seen_symbol = False
    for index, line in enumerate(top):
        text = " ".join(line.split())
        if not text:
            continue
        if symbol and text == symbol:
            seen_symbol = True
        elif not (len(text) > 3 and text in cover):
            break
        end = index + 1
    return end if seen_symbol else 0


def _paragraphs(lines: list[str], layout: bool, language: Language = ENGLISH) -> list[str]:
    """The page's lines, stripped, with an empty line before each line that opens a paragraph."""
    texts = [line for line in lines if line.strip()]
    body_indent = median(len(line) - len(line.lstrip(" ")) for line in texts) if texts else 0
    # the text's usual width: the median full line (a merged line or a short one says nothing of it)
    long_lines = [len(line.strip()) for line in texts if len(line.strip()) > 40]
    width = median(long_lines) if long_lines else 0
    out: list[str] = []
    previous = ""  # the line before, "" after an empty one
    for line in lines:
        text = line.strip()
        if previous and text and _opens_paragraph(line, previous, layout, body_indent, width, language):
            out.append("")
        if text and previous.endswith("-") and _number_alone(previous, language) and out and out[-1] == previous:
            out[-1] = f"{previous} {text}"  # "1 -" alone (Arabic): with its text, so no line end reads as a hyphen
        else:
            out.append(text)
        previous = text
    return out


def _number_alone(text: str, language: Language) -> bool:
    """A paragraph number alone on its line, as the language prints it: "1.", "(a)", "a)", "1 -", "(أ)"."""
    text = text.strip()
    if NUMBER_ALONE_RE.match(text):
        return True
    if not text or text.isdigit():  # a bare "5" is a page number or a footnote's marker, never a paragraph's
        return False
    return (language.top_number_re.match(text) or language.item_re.match(text)) is not None


def _opens_paragraph(
    line: str, previous: str, layout: bool, body_indent: float, width: float, language: Language = ENGLISH
) -> bool:
    text = line.strip()
    if _number_alone(previous, language):
        return False  # "1." alone: this is its text
    if _number_alone(text, language) or language.body_line_re.match(previous) or language.body_line_re.match(text):
        return True
    if text.startswith("[") or previous.endswith("]") or language.meeting_re.match(text):
        return True  # "[on the report of the Third Committee (A/73/478)]", "18th plenary meeting" stand apart
    if layout:
        return len(line) - len(line.lstrip(" ")) >= body_indent + PARAGRAPH_INDENT
    first = text[:1]
    if first.isalpha() and first.lower() == first.upper():  # a script without capitals (Arabic, Chinese): only
        return CLAUSE_END_RE.search(previous) is not None and _preambular_opening(text, language)  # its phrases
    if not first.isupper():
        return False
    if CLAUSE_END_RE.search(previous) and _preambular_opening(text, language):
        return True  # "…coastal heritage," then "Noting with appreciation": whatever the lines' lengths
    if len(previous) >= SHORT_LINE * width:
        return False
    # a short line: the end of a paragraph (a clause), or of a heading (not ending on a word that needs more)
    return (
        CLAUSE_END_RE.search(previous) is not None
        or previous.rsplit(None, 1)[-1].lower() not in language.running_header_words
    )


def _may_open_sentence(text: str) -> bool:
    """A capital, or a letter of a script without capitals ("القرار 96/3."), may open a footnote's text."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _footnotes(lines: list[str]) -> list[str]:
    """Footnote lines as "N text", whichever order the markers came in.

    A marker alone on its line owns the lines after it. Lines before any
    marker are footnotes whose markers come alone at the block's end, in
    order (one footnote a sentence-ending line).
    """
    marked: list[tuple[str, list[str]]] = []
    unmarked: list[list[str]] = []
    trailing: list[str] = []
    for line in lines:
        text = line.strip()
        alone = MARKER_ALONE_RE.match(text)
        if not text or _is_foot(text):
            continue  # a job number the extractor put among the footnotes
        if alone:
            marked.append((alone.group(1), []))
        elif MARKED_FOOTNOTE_RE.match(text):
            marker, rest = text.split(None, 1)
            marked.append((marker, [rest]))
        elif marked:
            marked[-1][1].append(text)
        elif unmarked and not (unmarked[-1][-1].endswith(".") and _may_open_sentence(text)):
            unmarked[-1].append(text)
        else:
            unmarked.append([text])
    while marked and not marked[-1][1]:
        trailing.insert(0, marked.pop()[0])
    notes = list(zip(trailing, unmarked, strict=False)) if len(trailing) == len(unmarked) else []
    if not notes:  # markers and texts that do not pair: kept as they came, for pdf_text to report
        marked += [(marker, []) for marker in trailing]
        return [" ".join(texts) for texts in unmarked] + [
            f"{marker} {' '.join(texts)}".strip() for marker, texts in marked
        ]
    notes += marked
    return [f"{marker} {' '.join(texts)}" for marker, texts in sorted(notes, key=lambda note: int(note[0]))]
