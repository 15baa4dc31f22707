"""The row values of every table, from one parsed resolution: the one place a stored column is filled.

Both writers take their rows from here: the per-resolution load
(``resolutions.store.load``, through the ORM) and the bulk load
(``resolutions.store.bulk``, through COPY). A row is a dict keyed by column
name (a model field's ``attname``), so it is ``Model(**row)`` for the ORM and
one line of a COPY for the bulk load.

Children point at their parents by id, so ids are taken before the rows are
written, from an ``Ids``: the bulk load counts them on the client, the
per-resolution load reserves them from the tables' sequences.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Protocol

from resolutions.ingest.document import ParsedResolution
from resolutions.models import (
    Citation,
    Footnote,
    FootnoteReference,
    Paragraph,
    ResolutionGoal,
    ResolutionSubject,
    Sponsor,
    Vote,
)
from resolutions.reference.bodies import BODIES
from resolutions.reference.member_states import state_code
from resolutions.reference.record_metadata import goals_of, sponsors_of, subjects_of


class Ids(Protocol):
    def take(self, model: type) -> int:
        """The next id of ``model``'s table."""


class References(Protocol):
    """Ids of the records a resolution's rows point at (``resolutions.store.reference_ids.ReferenceIds``)."""

    def state_id(self, code: str) -> int: ...

    def goal_id(self, number: int) -> int: ...

    def subject_id(self, name: str, thesaurus: str) -> int: ...


@dataclass
class TextRows:
    """The rows of one resolution's text in one language: paragraphs, footnotes, their places, citations."""

    paragraphs: list[dict]
    footnotes: list[dict]
    footnote_places: list[dict]
    citations: list[dict]

    def by_model(self) -> dict[type, list[dict]]:
        """Each table's rows, in an order that writes every parent before the rows pointing at it."""
        return {
            Paragraph: self.paragraphs,
            Footnote: self.footnotes,
            FootnoteReference: self.footnote_places,
            Citation: self.citations,
        }


@dataclass
class ChildRows(TextRows):
    """The rows that hang from one resolution, parents before children: its text, votes and record."""

    votes: list[dict]
    record: RecordRows

    def by_model(self) -> dict[type, list[dict]]:
        """Each table's rows, in an order that writes every parent before the rows pointing at it."""
        return {**super().by_model(), Vote: self.votes, **self.record.by_model()}


@dataclass
class RecordRows:
    """Sponsors, SDGs and subjects of one resolution: rows read from its metadata."""

    sponsors: list[dict]
    goals: list[dict]
    subjects: list[dict]

    def by_model(self) -> dict[type, list[dict]]:
        return {Sponsor: self.sponsors, ResolutionGoal: self.goals, ResolutionSubject: self.subjects}


def content_hash(parsed: ParsedResolution) -> str:
    """A fingerprint of everything the archive stores from a parsed resolution.

    A footnote printed in one place only, or without italics, leaves out its
    empty list of further places or italic spans, so a resolution without
    them keeps the fingerprint it had before the archive stored them (its
    re-import stays "unchanged"), and one with them is updated.
    """
    data = parsed.to_dict()
    data.pop("warnings", None)
    for footnote in data["footnotes"]:
        for name in ("further_places", "emphasis"):
            if not footnote[name]:
                del footnote[name]
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def session_sort_key(session: str) -> int:
    """Sessions in numeric order: "S-24" sorts as 24, "2010" as 2010."""
    digits = "".join(ch for ch in session if ch.isdigit())
    return int(digits) if digits else 0


def resolution_row(parsed: ParsedResolution, *, body_id: int) -> dict:
    """The resolution's columns that its source gives (not its id, dates or a curator's pin)."""
    return {
        "symbol": parsed.symbol,
        "body_id": body_id,
        "session": parsed.session,
        "session_sort": session_sort_key(parsed.session),
        "session_label": BODIES[parsed.body].session_label(parsed.session),
        "number": parsed.number,
        "title": parsed.title,
        "adopted_on": parsed.adopted_on,
        "meeting": parsed.meeting,
        "report": parsed.report,
        "agenda_item": parsed.agenda_item,
        "committee": parsed.committee,
        "language": parsed.language,
        "metadata": parsed.metadata,
        "source_name": parsed.source.name,
        "source_format": parsed.source.format,
        "source_sha256": parsed.source.sha256,
        "content_hash": content_hash(parsed),
    }


def expression_row(parsed: ParsedResolution) -> dict:
    """The resolution's text in the parsed source's language: its title and the source giving it (no ids)."""
    return {
        "language": parsed.language,
        "title": parsed.title,
        "source_name": parsed.source.name,
        "source_format": parsed.source.format,
        "source_sha256": parsed.source.sha256,
        "content_hash": content_hash(parsed),
    }


def source_row(parsed: ParsedResolution, *, origin: str, imported_at: dt.datetime) -> dict:
    """The source a resolution was read from: its language, name, format, hash, where from, when, and what it gave
    (no ids)."""
    return {
        "sha256": parsed.source.sha256,
        "language": parsed.language,
        "name": parsed.source.name,
        "format": parsed.source.format,
        "origin": origin[:500],
        "imported_at": imported_at,
        "parsed": parsed.to_dict(),
    }


def child_rows(
    parsed: ParsedResolution,
    *,
    resolution_id: int,
    ids: Ids,
    refs: References,
    with_votes: bool = True,
    metadata: dict | None = None,
) -> ChildRows:
    """Paragraphs, footnotes, the further places of their markers, citations, votes, sponsors, SDGs and
    subjects, ids assigned. Sponsors, SDGs and subjects come from ``metadata`` when given (what the
    archive keeps of every source), else from the parsed resolution's own."""
    return ChildRows(
        **vars(text_rows(parsed, resolution_id=resolution_id, ids=ids)),
        votes=vote_rows(parsed, resolution_id=resolution_id, ids=ids, refs=refs) if with_votes else [],
        record=record_rows(
            parsed.metadata if metadata is None else metadata, resolution_id=resolution_id, ids=ids, refs=refs
        ),
    )


def text_rows(parsed: ParsedResolution, *, resolution_id: int, ids: Ids) -> TextRows:
    """The text in the parsed source's language: paragraphs, footnotes, their further places, citations."""
    paragraphs = paragraph_rows(parsed, resolution_id=resolution_id, ids=ids)
    paragraph_ids = {row["key"]: row["id"] for row in paragraphs}
    footnotes = footnote_rows(parsed, resolution_id=resolution_id, ids=ids, paragraph_ids=paragraph_ids)
    footnote_ids = {row["marker"]: row["id"] for row in footnotes}
    return TextRows(
        paragraphs=paragraphs,
        footnotes=footnotes,
        footnote_places=footnote_place_rows(parsed, ids=ids, paragraph_ids=paragraph_ids, footnote_ids=footnote_ids),
        citations=citation_rows(
            parsed, resolution_id=resolution_id, ids=ids, paragraph_ids=paragraph_ids, footnote_ids=footnote_ids
        ),
    )


def paragraph_rows(parsed: ParsedResolution, *, resolution_id: int, ids: Ids) -> list[dict]:
    """Paragraphs in document order; a sub-paragraph points at its parent, which comes before it."""
    paragraph_ids: dict[str, int] = {}
    rows = []
    for paragraph in parsed.paragraphs:
        paragraph_ids[paragraph.key] = ids.take(Paragraph)
        rows.append(
            {
                "id": paragraph_ids[paragraph.key],
                "resolution_id": resolution_id,
                "language": parsed.language,
                "key": paragraph.key,
                "kind": paragraph.kind,
                "number": paragraph.number,
                "order": paragraph.order,
                "parent_id": paragraph_ids[paragraph.parent_key] if paragraph.parent_key else None,
                "part": paragraph.part,
                "heading": paragraph.heading,
                "opening_phrase": paragraph.opening_phrase,
                "text": paragraph.text,
            }
        )
    return rows


def footnote_rows(
    parsed: ParsedResolution, *, resolution_id: int, ids: Ids, paragraph_ids: dict[str, int]
) -> list[dict]:
    """Footnotes in document order, each with the paragraph and offset where its marker first stands."""
    return [
        {
            "id": ids.take(Footnote),
            "resolution_id": resolution_id,
            "language": parsed.language,
            "marker": footnote.marker,
            "order": order,
            "text": footnote.text,
            "paragraph_id": paragraph_ids.get(footnote.paragraph_key),
            "offset": footnote.offset,
            "emphasis": footnote.emphasis,
        }
        for order, footnote in enumerate(parsed.footnotes, start=1)
    ]


def footnote_place_rows(
    parsed: ParsedResolution, *, ids: Ids, paragraph_ids: dict[str, int], footnote_ids: dict[str, int]
) -> list[dict]:
    """Every further place a footnote's marker is printed."""
    return [
        {
            "id": ids.take(FootnoteReference),
            "footnote_id": footnote_ids[footnote.marker],
            "paragraph_id": paragraph_ids[place.paragraph_key],
            "offset": place.offset,
        }
        for footnote in parsed.footnotes
        for place in footnote.further_places
    ]


def citation_rows(
    parsed: ParsedResolution,
    *,
    resolution_id: int,
    ids: Ids,
    paragraph_ids: dict[str, int],
    footnote_ids: dict[str, int],
) -> list[dict]:
    """Citations, each in its paragraph or else in its footnote; targets are resolved after the write."""
    return [
        {
            "id": ids.take(Citation),
            "resolution_id": resolution_id,
            "language": parsed.language,
            "paragraph_id": paragraph_ids[citation.paragraph_key] if citation.paragraph_key else None,
            "footnote_id": None if citation.paragraph_key else footnote_ids[citation.footnote_marker],
            "target_symbol": citation.symbol,
            "target_paragraph": citation.target_paragraph,
            "matched_text": citation.text,
            "start": citation.start,
            "end": citation.end,
            "kind": citation.kind,
        }
        for citation in parsed.citations
    ]


def state_votes(parsed: ParsedResolution) -> dict[str, str]:
    """Each Member State's vote by its code, the first listed winning where one state is printed two ways.

    Every name must name a state (``resolutions.store.validation`` says which does not).
    """
    votes: dict[str, str] = {}
    for vote in parsed.votes:
        votes.setdefault(state_code(vote.member_state), vote.vote)
    return votes


def vote_rows(parsed: ParsedResolution, *, resolution_id: int, ids: Ids, refs: References) -> list[dict]:
    """The recorded vote of each Member State, pointing at its record."""
    return [
        {"id": ids.take(Vote), "resolution_id": resolution_id, "member_state_id": refs.state_id(code), "vote": vote}
        for code, vote in state_votes(parsed).items()
    ]


def record_rows(metadata: dict, *, resolution_id: int, ids: Ids, refs: References) -> RecordRows:
    """Sponsors (as printed, a state where one is named), SDGs and subjects, in the order the record lists them."""
    return RecordRows(
        sponsors=[
            {
                "id": ids.take(Sponsor),
                "resolution_id": resolution_id,
                "order": order,
                "role": entry.role,
                "name": entry.name,
                "member_state_id": refs.state_id(entry.state) if entry.state else None,
            }
            for order, entry in enumerate(sponsors_of(metadata), start=1)
        ],
        goals=[
            {
                "id": ids.take(ResolutionGoal),
                "resolution_id": resolution_id,
                "goal_id": refs.goal_id(number),
                "order": n,
            }
            for n, number in enumerate(goals_of(metadata), start=1)
        ],
        subjects=_subject_rows(metadata, resolution_id=resolution_id, ids=ids, refs=refs),
    )


def _subject_rows(metadata: dict, *, resolution_id: int, ids: Ids, refs: References) -> list[dict]:
    """Each subject once (two spellings with one slug are one subject)."""
    subject_ids: dict[int, int] = {}
    for name, thesaurus in subjects_of(metadata):
        subject_ids.setdefault(refs.subject_id(name, thesaurus), len(subject_ids) + 1)
    return [
        {"id": ids.take(ResolutionSubject), "resolution_id": resolution_id, "subject_id": subject_id, "order": order}
        for subject_id, order in subject_ids.items()
    ]


def record_row_counts(metadata: dict) -> dict[type, int]:
    """At most how many sponsor, SDG and subject rows ``record_rows`` makes (ids to reserve)."""
    return {
        Sponsor: len(sponsors_of(metadata)),
        ResolutionGoal: len(goals_of(metadata)),
        ResolutionSubject: len(subjects_of(metadata)),
    }


def text_row_counts(parsed: ParsedResolution) -> dict[type, int]:
    """How many rows of each text table ``text_rows`` makes: the ids to reserve before building them."""
    return {
        Paragraph: len(parsed.paragraphs),
        Footnote: len(parsed.footnotes),
        FootnoteReference: sum(len(footnote.further_places) for footnote in parsed.footnotes),
        Citation: len(parsed.citations),
    }


def row_counts(parsed: ParsedResolution, *, with_votes: bool = True, metadata: dict | None = None) -> dict[type, int]:
    """How many rows of each child table ``child_rows`` makes (at most): the ids to reserve before building them."""
    return {
        **text_row_counts(parsed),
        Vote: len(parsed.votes) if with_votes else 0,
        **record_row_counts(parsed.metadata if metadata is None else metadata),
    }
