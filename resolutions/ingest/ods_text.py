"""UN Official Document System (ODS) plain text, as saved from the UN's word-processing files.

The body comes first: metadata lines, then one tab-indented line per
paragraph ("\\t1.\\tTakes note…"; a line without the tab continues the one
before), the closing meeting and date, then the footnotes ("1 Resolution
65/1."). Then the ODS tags (``<<ODS DOC SYMBOL1>>A/RES/68/131<<ODS DOC
SYMBOL1>>``, which give the symbol) and the page furniture of the printed
document: rules, page numbers, the cover ("United NationsA/RES/68/131General
AssemblyDistr.: General"), job numbers, running headers.
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
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")
FORMAT = "ods-text"

ODS_TAG_RE = re.compile(r"<<ODS [A-Z ]+\d*>>")
OPENING_TAG_RE = re.compile(r"^\[[A-Za-z]+\d*\]")
SYMBOL_TAG_RE = re.compile(r"<<ODS DOC SYMBOL1>>(?P<symbol>[^<]*)<<ODS DOC SYMBOL1>>")
JOB_TAG_RE = re.compile(r"<<ODS JOB NO>>(?P<job>[^<]*)<<ODS JOB NO>>")
FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3}|[*†‡])\s+(?P<text>\S.*)$")
ISSUED_SESSION_RE = re.compile(r"^(?P<date>" + ENGLISH.date_pattern + r")\s*(?P<session>\S.* session)?$")


def detect(data: bytes, name: str) -> bool:
    return b"<<ODS DOC SYMBOL1>>" in data or b"<<ODS JOB NO>>" in data


def parse(data: bytes, source: SourceInfo) -> ParsedDocument:
    lines = decode_text(data, source.name).split("\n")
    builder = ResolutionBuilder(source, marker_style="plain")
    tags_start = next((i for i, line in enumerate(lines) if ODS_TAG_RE.search(line)), None)
    if tags_start is None:
        raise ParseError("no ODS tags found", source=source.name)
    footnotes = _read_body(lines[:tags_start], builder)
    _read_trailer(lines[tags_start:], tags_start, builder)
    if not builder.header.symbol:
        raise ParseError("ODS text without a <<ODS DOC SYMBOL1>> symbol", source=source.name)
    return document_of(builder.build(footnotes))


def _read_body(lines: list[str], builder: ResolutionBuilder) -> list[RawFootnote]:
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
            FOOTNOTE_RE.match(text) if not raw.startswith("\t") and not ENGLISH.date_line_re.match(text) else None
        )
        if (
            footnote
            and footnote.group("marker") == str(len(footnotes) + 1)
            and (in_footnotes or (segments and _finished(segments[-1].text)))
        ):
            footnotes.append(RawFootnote(footnote.group("marker"), footnote.group("text"), number))
            in_footnotes = True
        elif in_footnotes and not raw.startswith("\t") and not ENGLISH.annex_re.match(text):
            footnotes[-1].text = join_text(footnotes[-1].text, text)
        elif raw.startswith("\t") or not segments or not _body_line_seen(segments) or _is_metadata(text):
            segments.append(Segment(text, number, new_paragraph=True))
            in_footnotes = False
        else:
            segments[-1].text = join_text(segments[-1].text, text)
    for segment in segments:
        builder.add(segment)
    return footnotes


def _body_line_seen(segments: list[Segment]) -> bool:
    """Before the tab-indented "The General Assembly," every line is a metadata line of its own."""
    return any(s.text.startswith("The ") and s.new_paragraph for s in segments)


def _is_metadata(text: str) -> bool:
    return bool(ENGLISH.meeting_re.match(text) or ENGLISH.date_line_re.match(text) or ENGLISH.annex_re.match(text))


def _finished(text: str) -> bool:
    """A paragraph or metadata line that a footnote may follow."""
    return bool(
        re.search(r"[.;:,][\"”’)]*\d{0,3}$", text) or ENGLISH.date_line_re.match(text) or ENGLISH.meeting_re.match(text)
    )


def _read_trailer(lines: list[str], offset: int, builder: ResolutionBuilder) -> None:
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
        cover = ENGLISH.ods_cover_re.match(text)
        if cover:
            header.metadata.setdefault("symbol_on_cover", cover.group("symbol"))
            continue
        issued = ISSUED_SESSION_RE.match(text)
        if issued:
            issued_on = find_date(issued.group("date"))
            if issued_on:  # a misprinted day ("31 June") is left out, not a failure of the whole source
                header.metadata["issued_on"] = issued_on.isoformat()
            if issued.group("session"):
                header.metadata["session_name"] = issued.group("session")
            continue
        if ENGLISH.agenda_re.match(text):
            read_cover_line(text, header)
            continue
        if (text.startswith("*") and "Please recycle" in text) or is_furniture_line(text):
            continue
        if _is_running_header(text, title):
            continue
        builder.warn(number, f"dropped, unrecognised line after the ODS tags: {shorten(text)!r}")


def _is_running_header(text: str, title: str) -> bool:
    """'A/RES/68/131Promoting social…' or 'Promoting social…A/RES/68/131'."""
    rest = re.sub(r"^[A-Z]+/RES/[\w/.-]+?(?=[A-Z][a-z])|[A-Z]+/RES/[\w/.-]+$", "", text).strip().lower()
    return bool(title) and rest == title
