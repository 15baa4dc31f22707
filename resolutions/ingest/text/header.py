"""The metadata lines around a resolution's text: cover, number and title, adoption, report, meeting.

"Resolution adopted by the General Assembly on …", "[on the report of the Third Committee (A/68/448)]",
"68/131. Title", "80th plenary meeting" and the cover's session, agenda item and date of issue are read
into a ``Header``; the patterns are the language's, the order in which they may come is the UN's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from resolutions.ingest.text.furniture import SYMBOL_RE, is_furniture_line
from resolutions.ingest.text.lines import normalise_spaces
from resolutions.reference.bodies import BODIES, BODY_BY_NAME
from resolutions.reference.dates import find_date
from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for
from resolutions.reference.numbers import cardinal_ordinal_from_words

ENGLISH = language_for("en")
NUMBER_TITLE_RE = re.compile(r"^(?P<number>(?:S-|ES-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)(?:\.|\s+[-–])?\s+(?P<title>\S.*)$")


@dataclass
class Header:
    """Metadata gathered from the text (and the format's own furniture)."""

    symbol: str = ""
    symbol_line: int = 0
    body: str = ""
    number: str = ""
    title: str = ""
    adopted_on: dt.date | None = None
    meeting: str = ""
    report: str = ""
    agenda_item: str = ""
    committee: str = ""
    metadata: dict = field(default_factory=dict)


def body_code_for_name(name: str, language: Language = ENGLISH) -> str:
    """The code of the body a text names, in English or in ``language`` ("Assemblée générale": "GA")."""
    name = normalise_spaces(name).strip(" ,،，").lower()
    return BODY_BY_NAME.get(name, "") or language.body_names.get(name, "")


def read_cover_line(text: str, header: Header, language: Language = ENGLISH) -> bool:
    """Cover-page lines that carry metadata: session, agenda item, date of issue."""
    line = normalise_spaces(text)
    session = language.session_re.match(line)
    ordinal = session.groupdict().get("ordinal") if session else None  # English ordinals are checked as words
    if session and (ordinal is None or cardinal_ordinal_from_words(ordinal)):
        header.metadata.setdefault("session_name", line)
        return True
    agenda = language.agenda_re.match(line)
    if agenda:
        item = agenda.group("item") if language is ENGLISH else language.agenda_item(agenda.group("item"))
        header.agenda_item = header.agenda_item or item
        return True
    if language.date_line_re.match(line):
        header.metadata.setdefault("issued_on", find_date(line, language).isoformat())
        return True
    symbol = re.fullmatch(r"(?:United Nations\s+)?(" + SYMBOL_RE.pattern + ")", line)
    if symbol:
        header.metadata.setdefault("symbol_on_cover", symbol.group(1))
        return True
    return is_furniture_line(line, language)


class HeaderReader:
    """Reads metadata segments into a ``Header``, knowing where in the document it is.

    Before the line naming the adopting body ("The General Assembly,") come the cover, the number
    and the title; after the text, the meeting line closes the resolution.
    """

    def __init__(self, warnings: list[str], language: Language):
        self.header = Header()
        self.warnings = warnings
        self.language = language
        self.seen_body_line = False
        self.closed = False  # the closing meeting line was read: what follows is no text
        self.expect_title = False

    def read(self, text: str, line: int, has_paragraphs: bool) -> bool:
        """Recognise a metadata segment and record what it says; False when it is none."""
        return (
            self._adoption(text)
            or self._report(text)
            or self._without_committee(text)
            or self._meeting(text, line, has_paragraphs)
            or self._closing_date(text, line)
            or (not self.seen_body_line and self._opening_line(text))
        )

    def read_body_line(self, text: str) -> bool:
        """ "The General Assembly,": the body that adopts, and the end of the opening lines."""
        match = self.language.body_line_re.match(text)
        if not match:
            return False
        code = body_code_for_name(match.group("name"), self.language)
        if not code:
            return False
        if self.header.body and self.header.body != code:
            self.warnings.append(f"the text names {BODIES[code].name} but the header says {self.header.body}")
        self.header.body = self.header.body or code
        self.seen_body_line = True
        return True

    def _adoption(self, text: str) -> bool:
        adopted = self.language.adopted_re.match(text)
        if not adopted:
            return False
        code = body_code_for_name(adopted.group("body"), self.language)
        if code:
            self.header.body = self.header.body or code
        self.header.adopted_on = find_date(adopted.group("date"), self.language)
        return True

    def _report(self, text: str) -> bool:
        report = self.language.report_re.match(text)
        if not report:
            return False
        committee = report.group("committee").strip()
        committee = self.language.committee_names.get(committee.lower(), committee)
        self.header.committee, self.header.report = committee, report.group("report").strip()
        return True

    def _without_committee(self, text: str) -> bool:
        no_committee = self.language.no_committee_re.match(text)
        if not no_committee:
            return False
        self.header.metadata["draft"] = no_committee.group("draft").strip()
        self.header.metadata["without_reference_to_a_main_committee"] = True
        return True

    def _meeting(self, text: str, line: int, has_paragraphs: bool) -> bool:
        meeting = self.language.meeting_re.match(text)
        if not meeting or not (self.seen_body_line or not has_paragraphs):
            return False
        self.header.meeting = meeting.group("meeting")
        if meeting.group("date"):
            self._meeting_date(find_date(meeting.group("date"), self.language), line)
        if self.seen_body_line:
            self.closed = True
        elif not self.header.number and not self.header.title:
            self._meeting_before_title()
        return True

    def _meeting_before_title(self) -> None:
        """The UN's 1990s web pages: symbol (twice), date, meeting, then the title, no "46/77." line.

        The date above the meeting is the adoption date.
        """
        self.expect_title = True
        issued = self.header.metadata.get("issued_on")
        if issued and self.header.adopted_on is None:
            self.header.adopted_on = dt.date.fromisoformat(issued)

    def _closing_date(self, text: str, line: int) -> bool:
        if not (self.closed and self.language.date_line_re.match(text)):
            return False
        self._meeting_date(find_date(text, self.language), line)
        return True

    def _meeting_date(self, date: dt.date | None, line: int) -> None:
        if date is None:
            return
        if self.header.adopted_on is None:
            self.header.adopted_on = date
        elif self.header.adopted_on != date:
            self.warnings.append(
                f"line {line}: meeting date {date} differs from the adoption date {self.header.adopted_on}"
            )

    def _opening_line(self, text: str) -> bool:
        """Before the body line: the resolution's number, its title, or a cover line."""
        header = self.header
        number = self.language.resolution_number_re.match(text)
        if number and not header.number:
            header.number = (number.group("named") or number.group("alone")).replace(" ", "")
            self.expect_title = True
            return True
        numbered = NUMBER_TITLE_RE.match(text)
        if numbered and not header.number:
            header.number = numbered.group("number").replace(" ", "")
            header.title = numbered.group("title").strip()
            return True
        if self.expect_title and not header.title and not self.language.body_line_re.match(text):
            header.title = text
            self.expect_title = False
            return True
        return read_cover_line(text, header, self.language)
