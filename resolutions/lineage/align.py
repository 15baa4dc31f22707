"""Paragraph alignment between two resolutions, by text and not by number.

Each paragraph of the later resolution is matched to what it descends from in the earlier one:

- ``verbatim``: the same wording (``text.normalised``: case, quotes, spacing and end punctuation aside);
- ``edited``: the most similar earlier paragraph, at least ``EDITED_THRESHOLD`` alike (rapidfuzz's
  normalised Indel similarity of the two wordings, 0–1: the share of characters the two have in common,
  in order);
- ``split``: one earlier paragraph now printed as two or three consecutive ones, each drawn from it
  (``PART_THRESHOLD`` of rapidfuzz's partial ratio) and together closer to it than any one alone;
- ``merged``: two or three consecutive earlier paragraphs now printed as one;
- ``new``: none of these.

Earlier paragraphs nothing descends from are ``dropped``. A verbatim or edited paragraph is also
``moved`` when its place among the others changed: the pairs that keep their relative order are the
longest increasing run of earlier positions read in the later order; the others moved. A paragraph that
is renumbered only because others were inserted before it has not moved.

The matching is greedy, best similarity first, after the verbatim pairs: it is what a person does, and on
resolutions of a few dozen paragraphs it gives the pairs an optimal assignment gives.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from resolutions.lineage.text import normalised, words

VERBATIM = "verbatim"
EDITED = "edited"
SPLIT = "split"
MERGED = "merged"
NEW = "new"
RELATIONS = (VERBATIM, EDITED, SPLIT, MERGED, NEW)

EDITED_THRESHOLD = 0.6  # similarity at which a paragraph is an edit of an earlier one rather than new
PART_THRESHOLD = 0.85  # partial similarity of a part of a split (or merged) paragraph to the whole
JOIN_GAIN = 0.05  # how much closer the joined parts must be than the best single match
MAX_PARTS = 3


@dataclass(frozen=True)
class Link:
    """What later paragraphs (positions in ``new``) descend from which earlier ones (positions in ``old``)."""

    old: tuple[int, ...]  # empty for a new paragraph
    new: tuple[int, ...]  # two or three for a split, else one
    relation: str
    similarity: float  # 0–1; 1 for verbatim, 0 for new
    moved: bool = False


@dataclass(frozen=True)
class Alignment:
    links: list[Link]  # in the later resolution's order
    dropped: list[int]  # earlier positions nothing descends from

    def by_new(self) -> dict[int, Link]:
        return {position: link for link in self.links for position in link.new}

    def shares(self) -> dict[str, int]:
        """How many later paragraphs are verbatim, edited (split and merged counted as edited), new."""
        count = {VERBATIM: 0, EDITED: 0, NEW: 0}
        for link in self.links:
            count[link.relation if link.relation in count else EDITED] += len(link.new)
        return count


def similarity(a: str, b: str) -> float:
    """How alike two normalised wordings are, 0–1 (rapidfuzz's normalised Indel similarity)."""
    return fuzz.ratio(a, b) / 100


def align(old: list[str], new: list[str]) -> Alignment:
    """Match the paragraphs ``new`` (texts in order) to ``old`` (texts in order)."""
    old_norm, new_norm = [normalised(t) for t in old], [normalised(t) for t in new]
    pairs: dict[int, tuple[int, float]] = {}  # new position -> (old position, similarity)
    _verbatim(old_norm, new_norm, pairs)
    _edited(old_norm, new_norm, pairs)
    links = {j: Link((i,), (j,), VERBATIM if score == 1 else EDITED, score) for j, (i, score) in pairs.items()}
    _splits(old_norm, new_norm, links)
    _merges(old_norm, new_norm, links)
    _mark_moved(links)
    ordered: list[Link] = []
    for j in range(len(new)):
        link = links.get(j) or Link((), (j,), NEW, 0.0)
        if link.new[0] == j:
            ordered.append(link)
    used = {i for link in ordered for i in link.old}
    return Alignment(ordered, [i for i in range(len(old)) if i not in used])


def alignment_of(rows: list[tuple[int, int | None, str, bool, float]], old_count: int, new_count: int) -> Alignment:
    """The alignment ``align`` gave, read back from what the store kept of it: one row per (later position,
    earlier position or None, relation, moved, similarity), as ``ParagraphLink`` holds them: a split paragraph's
    parts each name the earlier paragraph, a merged paragraph names each of its earlier ones. Every later
    position must have its rows (``ValueError`` otherwise: the caller aligns afresh)."""
    by_new: dict[int, list[tuple[int | None, str, bool, float]]] = defaultdict(list)
    for j, i, relation, moved, score in rows:
        if not 0 <= j < new_count or (i is not None and not 0 <= i < old_count):
            raise ValueError(f"a stored link points outside the two resolutions ({j}, {i})")
        by_new[j].append((i, relation, moved, score))
    if len(by_new) != new_count:
        raise ValueError("stored links do not cover every later paragraph")
    split_parts: dict[int, list[int]] = defaultdict(list)
    for j, found in by_new.items():
        if found[0][1] == SPLIT:
            split_parts[found[0][0]].append(j)
    links: list[Link] = []
    for j in range(new_count):
        found = by_new[j]
        i, relation, moved, score = found[0]
        if relation == NEW:
            link = Link((), (j,), NEW, 0.0)
        elif relation == SPLIT:
            parts = tuple(sorted(split_parts[i]))
            if parts[0] != j:
                continue  # listed with its first part
            link = Link((i,), parts, SPLIT, score)
        elif relation == MERGED:
            link = Link(tuple(sorted(i for i, *_ in found)), (j,), MERGED, score)
        else:
            link = Link((i,), (j,), relation, score, moved)
        links.append(link)
    used = {i for link in links for i in link.old}
    return Alignment(links, [i for i in range(old_count) if i not in used])


def _verbatim(old_norm: list[str], new_norm: list[str], pairs: dict) -> None:
    """The same wording: each later paragraph takes the first unused earlier one that reads the same."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(old_norm):
        waiting[text].append(i)
    for j, text in enumerate(new_norm):
        if waiting.get(text):
            pairs[j] = (waiting[text].pop(0), 1.0)


def _edited(old_norm: list[str], new_norm: list[str], pairs: dict) -> None:
    """The rest, best similarity first, each earlier paragraph used once."""
    used = {i for i, _ in pairs.values()}
    free_old = [i for i in range(len(old_norm)) if i not in used]
    free_new = [j for j in range(len(new_norm)) if j not in pairs]
    if not free_old or not free_new:
        return
    scores = process.cdist(
        [new_norm[j] for j in free_new],
        [old_norm[i] for i in free_old],
        scorer=fuzz.ratio,
        score_cutoff=EDITED_THRESHOLD * 100,
        workers=-1,
    )
    candidates = [
        (float(scores[a, b]) / 100, free_new[a], free_old[b])
        for a in range(len(free_new))
        for b in range(len(free_old))
        if scores[a, b] > 0
    ]
    # Best first; among equals, the pair nearest in position (a paragraph that did not move).
    candidates.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]))
    for score, j, i in candidates:
        if j not in pairs and i not in used:
            pairs[j] = (i, min(score, 0.999))
            used.add(i)


def _run(position: int, length: int, fits) -> list[int]:
    """The consecutive positions around ``position`` (at most ``MAX_PARTS``) that ``fits`` accepts."""
    run = [position]
    for step in (-1, 1):
        k = position + step
        while 0 <= k < length and len(run) < MAX_PARTS and fits(k):
            run.append(k)
            k += step
    return sorted(run)


def _joined(texts: list[str], positions: list[int]) -> str:
    return " ".join(texts[k] for k in positions)


def _splits(old_norm: list[str], new_norm: list[str], links: dict[int, Link]) -> None:
    """An earlier paragraph printed now as consecutive paragraphs, each a part of it."""
    matched_to = {j: link.old[0] for j, link in links.items()}
    best = {link.old[0]: link.similarity for link in links.values()}
    for j in range(len(new_norm)):
        if j in links and links[j].relation != EDITED:
            continue
        whole = _part_of(new_norm[j], old_norm)
        if whole is None:
            continue

        def fits(k: int, whole: int = whole) -> bool:
            free = k not in links or (links[k].relation == EDITED and matched_to.get(k) == whole)
            return free and _is_part(new_norm[k], old_norm[whole])

        run = _run(j, len(new_norm), fits)
        score = similarity(old_norm[whole], _joined(new_norm, run))
        if len(run) > 1 and score >= EDITED_THRESHOLD and score >= best.get(whole, 0) + JOIN_GAIN:
            for k in [k for k, i in matched_to.items() if i == whole]:
                links.pop(k, None)
            link = Link((whole,), tuple(run), SPLIT, score)
            for k in run:
                links[k] = link
                matched_to[k] = whole
            best[whole] = score


def _merges(old_norm: list[str], new_norm: list[str], links: dict[int, Link]) -> None:
    """Consecutive earlier paragraphs printed now as one."""
    used = {i for link in links.values() for i in link.old}
    for i in range(len(old_norm)):
        if i in used:
            continue
        whole = _part_of(old_norm[i], new_norm)
        if whole is None or (whole in links and links[whole].relation not in (EDITED,)):
            continue
        current = links.get(whole)
        partner = current.old[0] if current else None

        def fits(k: int, whole: int = whole, partner: int | None = partner) -> bool:
            return (k not in used or k == partner) and _is_part(old_norm[k], new_norm[whole])

        run = _run(i, len(old_norm), fits)
        score = similarity(new_norm[whole], _joined(old_norm, run))
        if len(run) > 1 and score >= EDITED_THRESHOLD and score >= (current.similarity if current else 0) + JOIN_GAIN:
            links[whole] = Link(tuple(run), (whole,), MERGED, score)
            used.update(run)


def _part_of(text: str, others: list[str]) -> int | None:
    """The position of the longer text ``text`` is most clearly drawn from, if any (``_is_part``, written out
    over all ``others`` at once: this runs for every paragraph not matched verbatim, against every other)."""
    part_words = _word_set(text)
    needed = PART_THRESHOLD * len(part_words)
    longer = len(text) * 1.2
    best, found = 0.0, None
    for k, other in enumerate(others):
        if len(other) > longer and len(part_words & _word_set(other)) >= needed:
            score = fuzz.partial_ratio(text, other, score_cutoff=PART_THRESHOLD * 100)
            if score > best:
                best, found = score, k
    return found


def _is_part(part: str, whole: str) -> bool:
    """Is ``part`` drawn from ``whole``? Most of its words must stand in it (cheap, and rules out nearly every
    pair) before rapidfuzz's partial ratio, which is costly on long paragraphs, looks for it as a passage."""
    if len(part) >= len(whole):
        return False
    part_words = _word_set(part)
    if len(part_words & _word_set(whole)) < PART_THRESHOLD * len(part_words):
        return False
    return fuzz.partial_ratio(part, whole, score_cutoff=PART_THRESHOLD * 100) > 0


@lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


def _mark_moved(links: dict[int, Link]) -> None:
    """Verbatim and edited pairs out of the longest run that keeps the earlier order are ``moved``."""
    single = sorted((j, link.old[0]) for j, link in links.items() if link.relation in (VERBATIM, EDITED))
    kept = _increasing_run([i for _, i in single])
    for index, (j, _) in enumerate(single):
        if index not in kept:
            link = links[j]
            links[j] = Link(link.old, link.new, link.relation, link.similarity, moved=True)


def _increasing_run(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of ``values`` (patience sorting)."""
    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[length] = value
            tail_index[length] = index
        previous[index] = tail_index[length - 1] if length else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return kept
