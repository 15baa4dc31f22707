"""Reads of agreed language: a resolution's series and predecessor, two resolutions compared paragraph by
paragraph, a paragraph's history across its series, and where a wording was used before.

Every read of paragraphs goes through ``_paragraphs()`` (``Paragraph.objects``), the one place a filter
that applies to all of them (a language) is added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db import connections, router
from django.db.models.expressions import RawSQL
from rapidfuzz import fuzz, process

from resolutions.lineage.align import Alignment, align, alignment_of
from resolutions.lineage.near import MIN_WORDS, NEAR_THRESHOLD, near_lengths, signature
from resolutions.lineage.series import series_gaps
from resolutions.lineage.text import normalised, words
from resolutions.models import Paragraph, ParagraphLink, ParagraphSignature, Resolution, SeriesStep
from resolutions.search import compile, execute, index, query
from resolutions.search.compile import Highlight
from resolutions.search.query import QueryError

MAX_HISTORY = 200  # resolutions followed back (and forward): more than the sessions any body has held, a guard only


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
    steps = (
        SeriesStep.objects.filter(series=step.series)
        .select_related("resolution", "resolution__body")
        .only("resolution__symbol", "resolution__session_sort", "resolution__adopted_on", "resolution__body__code")
    )  # what the series line shows: a long series' full records (titles, metadata) cost more than its page
    members = [s.resolution for s in steps]
    return SeriesView(members, series_gaps([m.session_sort for m in members]), step.series)


def predecessor_get(*, resolution: Resolution) -> Resolution | None:
    step = SeriesStep.objects.filter(resolution=resolution).select_related("predecessor__body").first()
    return step.predecessor if step else None


# ---------------------------------------------------------------- comparison


@dataclass(frozen=True)
class ComparedParagraph:
    """What a comparison shows of a paragraph (read as plain rows: a long resolution has hundreds)."""

    pk: int
    key: str
    text: str


@dataclass(frozen=True)
class Comparison:
    earlier: Resolution
    later: Resolution
    earlier_paragraphs: list[ComparedParagraph]
    later_paragraphs: list[ComparedParagraph]
    alignment: Alignment


def _compared_paragraphs(resolution: Resolution) -> list[ComparedParagraph]:
    rows = _paragraphs().filter(resolution=resolution).order_by("order").values_list("pk", "key", "text")
    return [ComparedParagraph(*row) for row in rows]


def comparison_get(*, earlier: Resolution, later: Resolution) -> Comparison:
    """Two resolutions' paragraphs aligned by text: any two resolutions, not only neighbours. A resolution and
    its predecessor in its series were aligned when imported (``ParagraphLink``, written by the store with
    the same ``align``): that alignment is read back rather than computed again; any other pair is aligned
    here."""
    old, new = _compared_paragraphs(earlier), _compared_paragraphs(later)
    alignment = _stored_alignment(earlier, later, old, new)
    if alignment is None:
        alignment = align([p.text for p in old], [p.text for p in new])
    return Comparison(earlier, later, old, new, alignment)


def _stored_alignment(
    earlier: Resolution, later: Resolution, old: list[ComparedParagraph], new: list[ComparedParagraph]
) -> Alignment | None:
    """The alignment the store kept of ``later`` against ``earlier``, if ``earlier`` is its predecessor and
    the links cover exactly these paragraphs (else None: aligned afresh)."""
    if not SeriesStep.objects.filter(resolution=later, predecessor=earlier).exists():
        return None
    old_at = {p.pk: i for i, p in enumerate(old)}
    new_at = {p.pk: j for j, p in enumerate(new)}
    rows = []
    links = ParagraphLink.objects.filter(paragraph__resolution=later).values_list(
        "paragraph_id", "predecessor_id", "relation", "moved", "similarity"
    )
    for pk, predecessor, relation, moved, score in links.order_by():
        if pk not in new_at:  # a paragraph of another language: not what this comparison shows
            continue
        if predecessor is not None and predecessor not in old_at:
            return None
        rows.append((new_at[pk], old_at.get(predecessor), relation, moved, score))
    try:
        return alignment_of(rows, len(old), len(new))
    except ValueError:
        return None


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
    found: list[Found]  # best first: exact, then nearer, then older (``limit`` from ``offset``)
    total: int  # how many matched, exactly (``found`` may hold fewer)
    phrase: bool  # searched as a phrase (containment) rather than as a paragraph (near repeats)
    marks: Highlight | None = None  # a phrase's words, to be marked where the search engine found them


def used_before(*, text: str, limit: int, offset: int = 0, exclude: Paragraph | None = None) -> UsedBefore:
    """Every paragraph with the same or nearly the same wording as ``text``, best first: all are counted and
    ordered (by similarity, then the oldest first), and ``limit`` of them from ``offset`` are read with their
    resolution. A text of fewer than ``MIN_WORDS`` words is a phrase, found in the paragraphs holding it
    (``_phrase_used_before``).

    Only the similarities whose paragraphs reach into the page asked for are ordered by their resolutions'
    dates: the others are counted, not read (a boilerplate wording matches thousands of paragraphs, most of
    them beyond the page). The matches are paragraphs ``_paragraphs()`` sees: the signatures the near repeats come
    from are written for those same paragraphs."""
    wording = normalised(text)
    if len(words(wording)) < MIN_WORDS:
        try:
            return _phrase_used_before(wording, limit=limit, offset=offset, exclude=exclude)
        except QueryError:  # more than the search engine takes as a phrase (words of dozens of characters)
            pass  # compared whole, as a paragraph is
    scored = _near_matches(text)
    if exclude is not None:
        scored.pop(exclude.pk, None)
    by_similarity: dict[float, list[int]] = {}
    for pk, similarity in scored.items():
        by_similarity.setdefault(similarity, []).append(pk)
    ahead = 0  # paragraphs more alike than those read, counted but not read
    reaching: list[int] = []  # the paragraphs of the similarities that reach into the page
    for similarity in sorted(by_similarity, reverse=True):
        pks = by_similarity[similarity]
        if ahead + len(reaching) + len(pks) <= offset:
            ahead += len(pks)
        elif ahead + len(reaching) < offset + limit:
            reaching += pks
    rows = _paragraphs().filter(pk__in=_ids(reaching)).values_list("pk", "resolution__adopted_on", "order").order_by()
    ranked = sorted((-scored[pk], adopted_on or dt.date.max, order, pk) for pk, adopted_on, order in rows)
    shown = [pk for *_, pk in ranked[offset - ahead : offset - ahead + limit]]
    by_pk = _paragraphs().select_related("resolution__body").in_bulk(shown)
    found = [Found(by_pk[pk], scored[pk], scored[pk] >= 1.0) for pk in shown]
    return UsedBefore(found, len(scored), False)


def _ids(pks) -> RawSQL:
    """Paragraph ids as one array parameter (a common wording matches thousands: a list of thousands of
    parameters costs more to build and parse than the query itself)."""
    return RawSQL("SELECT unnest(%s::integer[])", [list(pks)])


# The candidates: the distinct wordings sharing an LSH band whose length leaves a near repeat possible, read
# from the btree of ``WordingBand`` alone (one entry per wording and band, the length bounds inside the index),
# each with its wording read from one of its signatures (a wording repeated across the archive is scored once).
_CANDIDATES_SQL = (
    "SELECT c.text_hash, w.wording FROM (SELECT DISTINCT text_hash FROM resolutions_wordingband"
    " WHERE band = ANY(%s::bigint[]) AND characters BETWEEN %s AND %s AND text_hash <> %s) AS c"
    " CROSS JOIN LATERAL (SELECT wording FROM resolutions_paragraphsignature AS s"
    " WHERE s.text_hash = c.text_hash LIMIT 1) AS w"
)
# The paragraphs of the wordings found, from the index on (text_hash, paragraph).
_PARAGRAPHS_SQL = "SELECT text_hash, paragraph_id FROM resolutions_paragraphsignature WHERE text_hash = ANY(%s)"


def _near_matches(text: str) -> dict[int, float]:
    """Exact repeats by hash; near repeats among the wordings sharing an LSH band, every one scored with
    rapidfuzz: the paragraphs of those at least ``NEAR_THRESHOLD`` alike, by paragraph id."""
    found = signature(text)
    shortest, longest = near_lengths(len(found.wording))
    alias = router.db_for_read(ParagraphSignature)
    with connections[alias].cursor() as cursor:
        cursor.execute(_CANDIDATES_SQL, [found.bands, shortest, longest, found.text_hash])
        candidates = cursor.fetchall()
        by_hash = {found.text_hash: 1.0}
        if candidates:
            scores = process.cdist(
                [found.wording],
                [wording for _, wording in candidates],
                scorer=fuzz.ratio,
                score_cutoff=NEAR_THRESHOLD * 100,
                dtype=np.float64,
            )[0]
            for position in np.flatnonzero(scores):
                by_hash[candidates[position][0]] = round(float(scores[position]) / 100, 4)
        cursor.execute(_PARAGRAPHS_SQL, [list(by_hash)])
        return {pk: by_hash[text_hash] for text_hash, pk in cursor.fetchall()}


def _phrase_used_before(wording: str, *, limit: int, offset: int, exclude: Paragraph | None) -> UsedBefore:
    """Every paragraph holding the phrase's words in this order (the search engine's phrase match: case, and
    punctuation between the words, aside), oldest first: where the phrase was first used comes first. All of
    them are counted and ordered by the engine (a common phrase is in a hundred thousand paragraphs at scale);
    only the page's are read, each marked exact when it holds the phrase as printed, else with how alike."""
    plan = compile.plan(query.parse('"' + wording.replace('"', " ") + '"'))
    ids = [] if plan.matches is None else execute.paragraph_ids_oldest_first(index.searcher(), plan.matches)
    if exclude is not None:
        ids = [pk for pk in ids if pk != exclude.pk]
    shown = ids[offset : offset + limit]
    by_pk = _paragraphs().select_related("resolution__body").in_bulk(shown)
    found = []
    for pk in shown:
        if pk not in by_pk:  # the index is a moment ahead of what this transaction sees
            continue
        other = normalised(by_pk[pk].text)
        similarity = 1.0 if wording in other else round(fuzz.partial_ratio(wording, other) / 100, 4)
        found.append(Found(by_pk[pk], similarity, similarity >= 1.0))
    return UsedBefore(found, len(ids), True, plan.highlight)
