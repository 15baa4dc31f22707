"""Reads of agreed language: a resolution's series and predecessor, two resolutions compared paragraph by
paragraph, a paragraph's history across its series, and where a wording was used before.

Every read of paragraphs goes through ``_paragraphs()`` (``Paragraph.objects``), the one place a filter
that applies to all of them (a language) is added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz

from resolutions.lineage.align import Alignment, align, similarity
from resolutions.lineage.near import MIN_WORDS, NEAR_THRESHOLD, signature
from resolutions.lineage.series import series_gaps
from resolutions.lineage.text import normalised, words
from resolutions.models import Paragraph, ParagraphLink, ParagraphSignature, Resolution, SeriesStep
from resolutions.search import compile, index, query

MAX_CANDIDATES = 5_000  # near-repeat candidates scored for one wording (those sharing a band)
MAX_PHRASE_HITS = 1_000  # paragraphs the search engine gives for a phrase, checked for its words
PHRASE_NEAR = 0.9  # partial similarity at which a phrase is "nearly" in a paragraph
MAX_HISTORY = 40  # resolutions followed back (and forward) from a paragraph


def _paragraphs():
    """Every paragraph a lineage read sees."""
    return Paragraph.objects.all()


# ---------------------------------------------------------------- series


@dataclass(frozen=True)
class SeriesView:
    members: list[Resolution]  # in order
    gaps: list[int]  # sessions skipped against the series' rhythm
    series: str


def series_get(*, resolution: Resolution) -> SeriesView | None:
    """The series the resolution belongs to, in order, with its gaps; None when it stands alone."""
    step = SeriesStep.objects.filter(resolution=resolution).first()
    if step is None:
        return None
    members = [
        s.resolution
        for s in SeriesStep.objects.filter(series=step.series).select_related("resolution", "resolution__body")
    ]
    return SeriesView(members, series_gaps([m.session_sort for m in members]), step.series)


def predecessor_get(*, resolution: Resolution) -> Resolution | None:
    step = SeriesStep.objects.filter(resolution=resolution).select_related("predecessor__body").first()
    return step.predecessor if step else None


# ---------------------------------------------------------------- comparison


@dataclass(frozen=True)
class Comparison:
    earlier: Resolution
    later: Resolution
    earlier_paragraphs: list[Paragraph]
    later_paragraphs: list[Paragraph]
    alignment: Alignment


def comparison_get(*, earlier: Resolution, later: Resolution) -> Comparison:
    """Two resolutions' paragraphs aligned by text (computed: any two resolutions, not only neighbours)."""
    old = list(_paragraphs().filter(resolution=earlier).order_by("order").only("key", "number", "kind", "text"))
    new = list(_paragraphs().filter(resolution=later).order_by("order").only("key", "number", "kind", "text"))
    return Comparison(earlier, later, old, new, align([p.text for p in old], [p.text for p in new]))


# ---------------------------------------------------------------- a paragraph's history


@dataclass(frozen=True)
class HistoryEntry:
    paragraph: Paragraph  # with its resolution
    relation: str  # how it came from the entry before it ("" for the first)
    moved: bool
    earlier_text: str  # the text it was edited from ("" unless edited, split or merged)


def paragraph_lineage(*, paragraph: Paragraph) -> list[HistoryEntry]:
    """The paragraph's wording through its series, oldest first: back through each predecessor it descends
    from, then forward through the paragraphs descending from it (the first of several, for a split)."""
    back: list[HistoryEntry] = []
    current, seen = paragraph, {paragraph.pk}
    while len(back) < MAX_HISTORY:
        link = _link_of(current)
        if link is None or link.predecessor is None or link.predecessor_id in seen:
            back.append(HistoryEntry(current, link.relation if link and current != paragraph else "", False, ""))
            break
        back.append(HistoryEntry(current, link.relation, link.moved, link.predecessor.text))
        current = link.predecessor
        seen.add(current.pk)
    back.reverse()
    # The oldest entry has no relation; each later one says how it came from the one before.
    forward: list[HistoryEntry] = []
    current = paragraph
    while len(forward) < MAX_HISTORY:
        link = (
            ParagraphLink.objects.filter(predecessor=current)
            .select_related("paragraph__resolution__body")
            .order_by("paragraph__order")
            .first()
        )
        if link is None or link.paragraph_id in seen:
            break
        forward.append(HistoryEntry(link.paragraph, link.relation, link.moved, current.text))
        current = link.paragraph
        seen.add(current.pk)
    first = back[0]
    return [HistoryEntry(first.paragraph, "", False, ""), *back[1:], *forward]


def _link_of(paragraph: Paragraph) -> ParagraphLink | None:
    return (
        ParagraphLink.objects.filter(paragraph=paragraph)
        .select_related("predecessor__resolution__body")
        .order_by("-similarity")
        .first()
    )


# ---------------------------------------------------------------- where a wording was used before


@dataclass(frozen=True)
class Found:
    paragraph: Paragraph  # with its resolution and body
    similarity: float  # 1 for the same wording
    exact: bool


@dataclass(frozen=True)
class UsedBefore:
    found: list[Found]  # best first: exact, then nearer, then older
    total: int  # how many matched (``found`` may hold fewer)
    phrase: bool  # searched as a phrase (containment) rather than as a paragraph (near repeats)


def used_before(*, text: str, limit: int, exclude: Paragraph | None = None) -> UsedBefore:
    """Every paragraph with the same or nearly the same wording as ``text``, best first."""
    wording = normalised(text)
    scored = _phrase_matches(wording) if len(words(wording)) < MIN_WORDS else _near_matches(text, wording)
    if exclude is not None:
        scored = [(pk, score) for pk, score in scored if pk != exclude.pk]
    paragraphs = _paragraphs().filter(pk__in=[pk for pk, _ in scored]).select_related("resolution__body")
    by_pk = {p.pk: p for p in paragraphs}
    found = [Found(by_pk[pk], score, score >= 1.0) for pk, score in scored if pk in by_pk]
    found.sort(key=lambda f: (-f.similarity, f.paragraph.resolution.adopted_on or dt.date.max, f.paragraph.order))
    return UsedBefore(found[:limit], len(found), len(words(wording)) < MIN_WORDS)


def _near_matches(text: str, wording: str) -> list[tuple[int, float]]:
    """Exact repeats by hash; near repeats among the paragraphs sharing an LSH band, scored with rapidfuzz."""
    found = signature(text)
    exact = list(ParagraphSignature.objects.filter(text_hash=found.text_hash).values_list("paragraph_id", flat=True))
    candidates = (
        ParagraphSignature.objects.filter(bands__overlap=found.bands)
        .exclude(text_hash=found.text_hash)
        .values_list("paragraph_id", flat=True)[:MAX_CANDIDATES]
    )
    texts = _paragraphs().filter(pk__in=list(candidates)).values_list("pk", "text")
    near = [(pk, similarity(wording, normalised(other))) for pk, other in texts]
    return [(pk, 1.0) for pk in exact] + [(pk, round(s, 4)) for pk, s in near if s >= NEAR_THRESHOLD]


def _phrase_matches(wording: str) -> list[tuple[int, float]]:
    """Paragraphs holding the phrase: found by the search engine (its words in order), then checked."""
    plan = compile.plan(query.parse('"' + wording.replace('"', " ") + '"'))
    if plan.matches is None:
        return []
    searcher = index.searcher()
    ids = []
    for _, address in searcher.search(plan.matches, MAX_PHRASE_HITS, count=False).hits:
        document = searcher.doc(address)
        if document.get_first("hit") == "paragraph":
            ids.append(document.get_first("row_id"))
    scored = []
    for pk, other in _paragraphs().filter(pk__in=ids).values_list("pk", "text"):
        other = normalised(other)
        score = 1.0 if wording in other else fuzz.partial_ratio(wording, other) / 100
        if score >= PHRASE_NEAR:
            scored.append((pk, round(score, 4)))
    return scored
