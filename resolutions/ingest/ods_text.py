"""UN Official Document System (ODS) plain text, as saved from the UN's word-processing files.

The body comes first: metadata lines, then one tab-indented line per
paragraph ("\\t1.\\tTakes note…"; a line without the tab continues the one
before), the closing meeting and date, then the footnotes ("1 Resolution
65/1."). Then the ODS tags (``<<ODS DOC SYMBOL1>>A/RES/68/131<<ODS DOC
SYMBOL1>>``, which give the symbol) and the page furniture of the printed
document: rules, page numbers, the cover ("United NationsA/RES/68/131General
AssemblyDistr.: General"), job numbers, running headers.

ODS prints every official language the same way; the language is the text's (the line naming the adopting
body, or the adoption formula: ``registry.language_of_text``), and its patterns (dates, meeting lines,
annexes, the cover, the agenda item) come from that language's module, never from lists here.
"""

from __future__ import annotations

import re

from resolutions.ingest.document import ParsedDocument, ParseError, SourceInfo
from resolutions.ingest.pipeline import decode_text
from resolutions.ingest.text.builder import ResolutionBuilder, document_of
from resolutions.ingest.text.furniture import is_furniture_line
from resolutions.ingest.text.header import read_cover_line
from resolutions.ingest.text.lines import join_text, normalise_spaces, shorten
from resolutions.ingest.text.segments import RawFootnote, Segment
from resolutions.reference.dates import find_date
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for, language_of_text

ENGLISH = language_for("en")
FORMAT = "ods-text"

ODS_TAG_RE = re.compile(r"<<ODS [A-Z ]+\d*>>")
OPENING_TAG_RE = re.compile(r"^\[[A-Za-z]+\d*\]")
SYMBOL_TAG_RE = re.compile(r"<<ODS DOC SYMBOL1>>(?P<symbol>[^<]*)<<ODS DOC SYMBOL1>>")
JOB_TAG_RE = re.compile(r"<<ODS JOB NO>>(?P<job>[^<]*)<<ODS JOB NO>>")
BARCODE_LINE_RE = re.compile(r"^\*\d{5,}\*")  # "*9912345*Please recycle", "*9912345*Merci de recycler"
FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3}|[*†‡])\s+(?P<text>\S.*)$")


def issued_session_re(language: Language) -> re.Pattern:
    """The cover's date of issue, with the session after it: "17 December 2013 Sixty-eighth session"."""
    return re.compile(r"^(?P<date>" + language.date_pattern + r")\s*(?P<session>\S.*)?$")


def detect(data: bytes, name: str) -> bool:
    return b"<<ODS DOC SYMBOL1>>" in data or b"<<ODS JOB NO>>" in data


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    text = decode_text(data, source.name)
    lines = text.split("\n")
    tags_start = next((i for i, line in enumerate(lines) if ODS_TAG_RE.search(line)), None)
    if tags_start is None:
        raise ParseError("no ODS tags found", source=source.name)
    language = language_of_text("\n".join(lines[:tags_start])) or ENGLISH
    builder = ResolutionBuilder(source, marker_style="plain", language=language)
    footnotes = _read_body(lines[:tags_start], builder, language)
    _read_trailer(lines[tags_start:], tags_start, builder, language)
    if not builder.header.symbol:
        raise ParseError("ODS text without a <<ODS DOC SYMBOL1>> symbol", source=source.name)
    return document_of(builder.build(footnotes))


def _read_body(lines: list[str], builder: ResolutionBuilder, language: Language) -> list[RawFootnote]:
    """Paragraph segments go to the builder; footnote lines ("1 Resolution 65/1.") are returned.

    A tab starts a paragraph and a line without one continues it, except
    metadata lines and footnotes: a footnote line carries the next footnote
    number and follows a finished paragraph or another footnote ("19 December
    2011 on…" after "resolution 66/122 of" is a continuation, not note 19).
    """
    segments: list[Segment] = []
    footnotes: list[RawFootnote] = []
    in_footnotes = False
    for number, raw in enumerate(lines, start=1):
        text = normalise_spaces(OPENING_TAG_RE.sub("", raw) if number == 1 else raw)  # "[DU1]": an opening tag
        if not text:
            continue
        footnote = (
            FOOTNOTE_RE.match(text) if not raw.startswith("\t") and not language.date_line_re.match(text) else None
        )
        if (
            footnote
            and footnote.group("marker") == str(len(footnotes) + 1)
            and (in_footnotes or (segments and _finished(segments[-1].text, language)))
        ):
            footnotes.append(RawFootnote(footnote.group("marker"), footnote.group("text"), number))
            in_footnotes = True
        elif in_footnotes and not raw.startswith("\t") and not language.annex_re.match(text):
            footnotes[-1].text = join_text(footnotes[-1].text, text)
        elif (
            raw.startswith("\t")
            or not segments
            or not _body_line_seen(segments, language)
            or _is_metadata(text, language)
        ):
            segments.append(Segment(text, number, new_paragraph=True))
            in_footnotes = False
        else:
            segments[-1].text = join_text(segments[-1].text, text)
    for segment in segments:
        builder.add(segment)
    return footnotes


def _body_line_seen(segments: list[Segment], language: Language) -> bool:
    """Before the tab-indented line naming the body ("The General Assembly,", "L’Assemblée générale,",
    "إن الجمعية العامة،") every line is a metadata line of its own."""
    return any(
        s.new_paragraph and (language.body_line_re.match(s.text) or language.opening_line_re.match(s.text))
        for s in segments
    )


def _is_metadata(text: str, language: Language) -> bool:
    return bool(language.meeting_re.match(text) or language.date_line_re.match(text) or language.annex_re.match(text))


def _finished(text: str, language: Language) -> bool:
    """A paragraph or metadata line that a footnote may follow (its punctuation: Latin, Arabic or Chinese)."""
    return bool(
        re.search(r"[.;:,،؛。；：，][\"”’»)]*\d{0,3}$", text)
        or language.date_line_re.match(text)
        or language.meeting_re.match(text)
    )


def _read_trailer(lines: list[str], offset: int, builder: ResolutionBuilder, language: Language) -> None:
    header = builder.header
    title = normalise_spaces(header.title).lower()
    for index, raw in enumerate(lines):
        number = offset + index + 1
        text = normalise_spaces(raw)
        if not text:
            continue
        symbol = SYMBOL_TAG_RE.search(text)
        if symbol and symbol.group("symbol").strip():
            header.symbol, header.symbol_line = symbol.group("symbol").strip(), number
            continue
        job = JOB_TAG_RE.search(text)
        if job:
            header.metadata["ods_job_number"] = job.group("job").strip()
            continue
        if ODS_TAG_RE.sub("", OPENING_TAG_RE.sub("", text)).strip() == "":
            continue  # an empty tag pair
        cover = language.ods_cover_re.match(text)
        if cover:
            header.metadata.setdefault("symbol_on_cover", cover.group("symbol"))
            continue
        issued = issued_session_re(language).match(text)
        session = (issued.group("session") or "") if issued else ""
        if issued and (not session or language.session_re.match(session)):
            issued_on = find_date(issued.group("date"), language)
            if issued_on:  # a misprinted day ("31 June") is left out, not a failure of the whole source
                header.metadata["issued_on"] = issued_on.isoformat()
            if session:
                header.metadata["session_name"] = session
            continue
        if language.agenda_re.match(text):
            read_cover_line(text, header, language)
            continue
        if BARCODE_LINE_RE.match(text) or is_furniture_line(text, language):
            continue
        if _is_running_header(text, title):
            continue
        builder.warn(number, f"dropped, unrecognised line after the ODS tags: {shorten(text)!r}")


def _is_running_header(text: str, title: str) -> bool:
    """'A/RES/68/131Promoting social…' or 'Promoting social…A/RES/68/131', in any script."""
    rest = re.sub(r"^[A-Z]+/RES/[\w/.-]+?(?=[A-Z][a-z]|[^\W\d_A-Za-z])|[A-Z]+/RES/[\w/.-]+$", "", text).strip().lower()
    return bool(title) and rest == title
