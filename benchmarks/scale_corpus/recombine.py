"""Resolutions generated from real ones (pure: no ORM).

Each generated resolution takes the structure of a real one (its paragraph
keys, kinds, numbers, nesting, title, committee, votes) and fills every slot
with a real paragraph of the same kind and level, verbatim or spliced at a
clause boundary with another ("Recalling its resolution 70/1, | and welcoming
the report…"), as UN resolutions repeat and recombine earlier wording year
after year. Words therefore keep their real frequencies. Citations and
footnotes travel with the text they stand in. Generated symbols use the real
bodies and plausible sessions and years, but serial numbers from
``SYNTHETIC_NUMBER_BASE`` up, which no body reaches (the General Assembly
adopts some 300 a session), so they never collide with real symbols; their
``metadata`` says ``"synthetic": true`` and names the real template.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import (
    OPERATIVE,
    PREAMBULAR,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    SourceInfo,
)
from resolutions.reference.bodies import BODIES

SYNTHETIC_NUMBER_BASE = 10_000
SYNTHETIC_FORMAT = "synthetic"
SPLICE_SHARE = 0.6  # the rest are repeated verbatim, as most UN paragraphs are

# How generated resolutions spread over bodies, and the years each body's
# sessions can fall in (sessions derived from the year as each body numbers them).
BODY_WEIGHTS = {"GA": 50, "ECOSOC": 20, "HRC": 15, "ESCAP": 5, "ECA": 4, "ECLAC": 3, "ESCWA": 3}
FIRST_YEAR = {"GA": 1975, "ECOSOC": 1975, "HRC": 2006, "ESCAP": 1975, "ECA": 1975, "ECLAC": 1975, "ESCWA": 1975}
LAST_YEAR = 2025
SESSION_FROM_YEAR: dict[str, Callable[[int], str]] = {
    "GA": lambda year: str(year - 1945),
    "ECOSOC": str,
    "HRC": lambda year: str((year - 2006) * 3 + 1),
    "ESCAP": lambda year: str(year - 1944),
    "ECA": lambda year: str(year - 1967),
    "ECLAC": lambda year: str((year - 1948) // 2 + 1),
    "ESCWA": lambda year: str((year - 1972) // 2 + 1),
}
CLAUSE_BOUNDARY = re.compile(r"[,;:] ")


def is_synthetic_number(number: str) -> bool:
    """True for a generated resolution's number ("45/10012"): its serial is past any real one."""
    serial = number.rsplit("/", 1)[-1]
    return serial.isdigit() and int(serial) >= SYNTHETIC_NUMBER_BASE


@dataclass(frozen=True)
class SourceParagraph:
    """A real paragraph with what travels with its text: citations and footnotes (relative spans)."""

    text: str
    opening_phrase: str
    citations: tuple[ParsedCitation, ...]
    footnotes: tuple[tuple[ParsedFootnote, tuple[ParsedCitation, ...]], ...]
    boundaries: tuple[int, ...]  # offsets just after a ", " / "; " / ": "


def _source_paragraphs(resolution: ParsedResolution) -> Iterator[tuple[tuple[str, bool], SourceParagraph]]:
    cites_by_paragraph: dict[str, list[ParsedCitation]] = {}
    cites_by_footnote: dict[str, list[ParsedCitation]] = {}
    for citation in resolution.citations:
        if citation.paragraph_key:
            cites_by_paragraph.setdefault(citation.paragraph_key, []).append(citation)
        else:
            cites_by_footnote.setdefault(citation.footnote_marker, []).append(citation)
    notes_by_paragraph: dict[str, list] = {}
    for footnote in resolution.footnotes:
        if footnote.paragraph_key and footnote.offset is not None:
            notes_by_paragraph.setdefault(footnote.paragraph_key, []).append(
                (footnote, tuple(cites_by_footnote.get(footnote.marker, ())))
            )
    for paragraph in resolution.paragraphs:
        if not paragraph.text.strip():
            continue
        yield (
            (paragraph.kind, bool(paragraph.parent_key)),
            SourceParagraph(
                text=paragraph.text,
                opening_phrase=paragraph.opening_phrase,
                citations=tuple(cites_by_paragraph.get(paragraph.key, ())),
                footnotes=tuple(notes_by_paragraph.get(paragraph.key, ())),
                boundaries=tuple(m.end() for m in CLAUSE_BOUNDARY.finditer(paragraph.text)),
            ),
        )


@dataclass
class GeneratedParagraph:
    text: str
    opening_phrase: str
    citations: list[ParsedCitation]  # spans in text, no key yet
    footnotes: list[tuple[ParsedFootnote, tuple[ParsedCitation, ...]]]  # offsets in text


def splice(head: SourceParagraph, tail: SourceParagraph, rng: random.Random) -> GeneratedParagraph:
    """``head`` up to one of its clause boundaries, then ``tail`` from one of its own.

    Citations and footnote markers keep their places in each part; with no
    boundary to cut at, ``head`` is repeated whole.
    """
    head_cuts = [b for b in head.boundaries if b < len(head.text) * 0.8]
    tail_cuts = [b for b in tail.boundaries if b > len(tail.text) * 0.2]
    if not head_cuts or not tail_cuts:
        return verbatim(head)
    cut, resume = rng.choice(head_cuts), rng.choice(tail_cuts)
    shift = cut - resume
    citations = [c for c in head.citations if c.end <= cut]
    citations += [
        dataclasses.replace(c, start=c.start + shift, end=c.end + shift) for c in tail.citations if c.start >= resume
    ]
    footnotes = [(f, fc) for f, fc in head.footnotes if f.offset <= cut]
    footnotes += [
        (dataclasses.replace(f, offset=f.offset + shift), fc) for f, fc in tail.footnotes if f.offset >= resume
    ]
    return GeneratedParagraph(head.text[:cut] + tail.text[resume:], head.opening_phrase, citations, footnotes)


def verbatim(source: SourceParagraph) -> GeneratedParagraph:
    return GeneratedParagraph(source.text, source.opening_phrase, list(source.citations), list(source.footnotes))


class Recombiner:
    """Generates resolutions from real ones; deterministic for a given seed and template order."""

    def __init__(self, templates: list[ParsedResolution], seed: int = 0):
        if not templates:
            raise ValueError("no real resolutions to recombine")
        self.templates = templates
        self.rng = random.Random(seed)
        self.seed = seed
        self.pools: dict[tuple[str, bool], list[SourceParagraph]] = {}
        for template in templates:
            for slot, source in _source_paragraphs(template):
                self.pools.setdefault(slot, []).append(source)
        self.serials: dict[tuple[str, str], int] = {}
        self.bodies = list(BODY_WEIGHTS)
        self.weights = [BODY_WEIGHTS[code] for code in self.bodies]

    def _pool(self, kind: str, nested: bool) -> list[SourceParagraph]:
        for slot in ((kind, nested), (kind, not nested), (PREAMBULAR if kind == OPERATIVE else OPERATIVE, nested)):
            if self.pools.get(slot):
                return self.pools[slot]
        return next(pool for pool in self.pools.values() if pool)

    def resolutions(self, paragraphs: int) -> Iterator[ParsedResolution]:
        """Generated resolutions until they hold at least ``paragraphs`` paragraphs."""
        made = 0
        while made < paragraphs:
            resolution = self.resolution()
            made += len(resolution.paragraphs)
            yield resolution

    def resolution(self) -> ParsedResolution:
        """One generated resolution: a real template's structure, a generated symbol, real paragraphs recombined."""
        rng = self.rng
        template = rng.choice(self.templates)
        body = rng.choices(self.bodies, self.weights)[0]
        year = rng.randint(FIRST_YEAR[body], LAST_YEAR)
        session = SESSION_FROM_YEAR[body](year)
        serial = self.serials[body, session] = self.serials.get((body, session), SYNTHETIC_NUMBER_BASE) + 1
        number = f"{session}/{serial}"
        symbol = BODIES[body].symbol(number)
        paragraphs, footnotes, citations = self._fill(template)
        return ParsedResolution(
            symbol=symbol,
            body=body,
            session=session,
            number=number,
            title=template.title,
            source=SourceInfo(name=f"synthetic-{self.seed}-{symbol}", format=SYNTHETIC_FORMAT, sha256="0" * 64),
            adopted_on=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
            meeting=template.meeting,
            report=template.report,
            agenda_item=template.agenda_item,
            committee=template.committee if body == "GA" else "",
            paragraphs=paragraphs,
            footnotes=footnotes,
            citations=citations,
            votes=list(template.votes),
            metadata={**template.metadata, "synthetic": True, "template": template.symbol, "seed": self.seed},
        )

    def _fill(
        self, template: ParsedResolution
    ) -> tuple[list[ParsedParagraph], list[ParsedFootnote], list[ParsedCitation]]:
        """Every paragraph slot of ``template`` filled from the pools, with the citations and notes that travel."""
        rng = self.rng
        paragraphs: list[ParsedParagraph] = []
        footnotes: list[ParsedFootnote] = []
        citations: list[ParsedCitation] = []
        for slot in template.paragraphs:
            pool = self._pool(slot.kind, bool(slot.parent_key))
            head = rng.choice(pool)
            made = splice(head, rng.choice(pool), rng) if rng.random() < SPLICE_SHARE else verbatim(head)
            paragraphs.append(dataclasses.replace(slot, text=made.text, opening_phrase=made.opening_phrase))
            citations += [dataclasses.replace(c, paragraph_key=slot.key, footnote_marker="") for c in made.citations]
            for footnote, footnote_citations in made.footnotes:
                marker = str(len(footnotes) + 1)
                # Only the marker's first place travels with the text: the real note's further places name
                # paragraphs of its own resolution.
                footnotes.append(
                    dataclasses.replace(footnote, marker=marker, paragraph_key=slot.key, further_places=[])
                )
                citations += [
                    dataclasses.replace(c, paragraph_key="", footnote_marker=marker) for c in footnote_citations
                ]
        return paragraphs, footnotes, citations
