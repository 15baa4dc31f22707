"""The cover page, preface, conclusions and FRBR metadata: symbol, session, agenda item, report, committee,
title, meeting, adoption date and language.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from resolutions.ingest.akn.elements import NS, child, local, plain
from resolutions.reference.dates import printed_date
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")
# The committee of a resolution adopted in plenary, as the archive names it whatever the language
NO_MAIN_COMMITTEE = "Without reference to a Main Committee"


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


def _committee_by_reference(element: ET.Element) -> str:
    """The committee a ``docProponent`` refers to, whatever the language: "#thirdCommittee" -> "Third Committee"."""
    reference = (element.get("refersTo") or "").lstrip("#")
    found = re.fullmatch(r"(first|second|third|fourth|fifth|sixth)Committee", reference)
    return f"{found.group(1).capitalize()} Committee" if found else ""


def read_cover(container: ET.Element, language: Language = ENGLISH) -> Cover:
    """The cover page's and preface's fields, read with ``language``'s phrases; the committee named in English."""
    cover = Cover(meta=child(container, "meta"))
    page = child(container, "coverPage")
    if page is not None:
        for element in page.iter(NS + "docNumber"):
            cover.symbol = plain(element)
        for element in page.iter(NS + "session"):
            cover.session = (element.get("value") or "").strip()
        for element in page.iter(NS + "inline"):
            if element.get("name") == "agenda item":
                cover.agenda_item = (
                    ENGLISH.agenda_label_re.sub("", plain(element))
                    if language is ENGLISH
                    else language.agenda_item(plain(element))
                )
        for element in page.iter(NS + "docProponent"):
            text = plain(element)
            committee = language.committee_in(text) or _committee_by_reference(element)
            if committee:
                cover.committee = committee
            elif language.no_committee_phrase_re.search(text):
                cover.committee = NO_MAIN_COMMITTEE
            if language.on_report_re.search(text):
                for inline in element.iter(NS + "inline"):
                    if inline.get("name") == "originating document":
                        cover.report = plain(inline).split(",")[0].strip()
    preface = child(container, "preface")
    if preface is not None:
        cover.title = plain(preface.find(f".//{NS}docTitle"))
    return cover


def read_conclusions(statement: ET.Element, language: Language = ENGLISH) -> tuple[str, dt.date | None]:
    conclusions = child(statement, "conclusions")
    meeting, date = "", None
    if conclusions is None:
        return meeting, date
    for element in conclusions.iter():
        tag = local(element.tag)
        if tag in ("inline", "location") and language.meeting_word_re.search(plain(element)):
            meeting = plain(element)
        elif tag == "docDate":
            date = parse_date(element.get("date", "")) or parse_date(plain(element))
    return meeting, date
