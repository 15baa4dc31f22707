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
from resolutions.ingest.text import (
    AGENDA_RE,
    DATE,
    MEETING_RE,
    RawFootnote,
    ResolutionBuilder,
    Segment,
    document_of,
    is_furniture_line,
    join_text,
    normalise_spaces,
    parse_date,
    read_cover_line,
    shorten,
)

FORMAT = "ods-text"

ODS_TAG_RE = re.compile(r"<<ODS [A-Z ]+\d*>>")
OPENING_TAG_RE = re.compile(r"^\[[A-Za-z]+\d*\]")
SYMBOL_TAG_RE = re.compile(r"<<ODS DOC SYMBOL1>>(?P<symbol>[^<]*)<<ODS DOC SYMBOL1>>")
JOB_TAG_RE = re.compile(r"<<ODS JOB NO>>(?P<job>[^<]*)<<ODS JOB NO>>")
FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3}|[*†‡])\s+(?P<text>\S.*)$")
COVER_RE = re.compile(r"^United Nations\s*(?P<symbol>\S+?)\s*(?P<body>General Assembly|Economic and Social Council)\s*(?:Distr\.: \w+)?$")
ISSUED_SESSION_RE = re.compile(r"^(?P<date>" + DATE + r")\s*(?P<session>\S.* session)?$")


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
    segments: list[Segment] = []
    footnotes: list[RawFootnote] = []
    in_footnotes = False
    for number, raw in enumerate(lines, start=1):
        text = normalise_spaces(OPENING_TAG_RE.sub("", raw) if number == 1 else raw)  # "[DU1]": an opening tag
        if not text:
            continue
        if in_footnotes:
            match = FOOTNOTE_RE.match(text)
            if match:
                footnotes.append(RawFootnote(match.group("marker"), match.group("text"), number))
            elif footnotes:
                footnotes[-1].text = join_text(footnotes[-1].text, text)
            else:
                builder.warn(number, f"dropped, unrecognised line among the footnotes: {shorten(text)!r}")
            continue
        if raw.startswith("\t") or not segments:
            segments.append(Segment(text, number, new_paragraph=True))
        elif MEETING_RE.match(text) or _is_metadata(text) or not builder_seen_body(segments):
            segments.append(Segment(text, number, new_paragraph=True))
        else:
            segments[-1].text = join_text(segments[-1].text, text)
        if _closing_date(segments):
            in_footnotes = True
    for segment in segments:
        builder.add(segment)
    return footnotes


def builder_seen_body(segments: list[Segment]) -> bool:
    """Has a paragraph-like (tab-indented) line been seen yet? Before it, lines are metadata."""
    return any(s.new_paragraph and s.text.startswith("The ") for s in segments)


def _is_metadata(text: str) -> bool:
    return bool(re.match(r"^(?:\d{1,2} \w+ \d{4}|\[.*\]|Resolution adopted by .*)$", text))


def _closing_date(segments: list[Segment]) -> bool:
    """The meeting line and its date end the body: footnotes follow."""
    if len(segments) < 2:
        return False
    last, before = segments[-1].text, segments[-2].text
    return bool(MEETING_RE.match(before) and re.fullmatch(DATE, last)) or bool(
        MEETING_RE.match(last) and MEETING_RE.match(last).group("date")
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
        cover = COVER_RE.match(text)
        if cover:
            header.metadata.setdefault("symbol_on_cover", cover.group("symbol"))
            continue
        issued = ISSUED_SESSION_RE.match(text)
        if issued:
            header.metadata["issued_on"] = parse_date(issued.group("date")).isoformat()
            if issued.group("session"):
                header.metadata["session_name"] = issued.group("session")
            continue
        if AGENDA_RE.match(text):
            read_cover_line(text, header)
            continue
        if text.startswith("*") and "Please recycle" in text or is_furniture_line(text):
            continue
        if _is_running_header(text, title):
            continue
        builder.warn(number, f"dropped, unrecognised line after the ODS tags: {shorten(text)!r}")


def _is_running_header(text: str, title: str) -> bool:
    """'A/RES/68/131Promoting social…' or 'Promoting social…A/RES/68/131'."""
    rest = re.sub(r"^[A-Z]+/RES/[\w/.-]+?(?=[A-Z][a-z])|[A-Z]+/RES/[\w/.-]+$", "", text).strip().lower()
    return bool(title) and rest == title
