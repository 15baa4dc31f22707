"""Series: the resolutions of one body that carry the same subject from session to session.

Two resolutions belong to one series when the same body adopted them under the same title (compared
normalised: case, quotes, dashes and spacing aside), or when the later one cites the earlier ("Recalling
its resolution 68/131") and their titles still say nearly the same (``TITLE_THRESHOLD`` of rapidfuzz's
token-set ratio: a title that changed slightly). A series reads in order of session and number; each
member's predecessor is the one before it. Gaps are sessions the series skipped although its rhythm
(its most common step between sessions: 1 yearly, 2 biennial) expected one.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from resolutions.lineage.text import normalised

TITLE = "title"
CITATION = "citation"
TITLE_THRESHOLD = 0.85


@dataclass(frozen=True)
class Member:
    """What grouping needs of a resolution."""

    id: int
    symbol: str
    body: str
    session: int  # the body's session order
    number: tuple[int, str]  # for order within a session: (122, "A/RES/66/122")
    title: str


@dataclass(frozen=True)
class Step:
    """A member's place in its series."""

    member: Member
    series: str  # the symbol of the series' first member the archive holds: a text identifier
    position: int
    predecessor: Member | None
    joined_by: str  # TITLE, or CITATION when only a citation ties it to the members before


def series_steps(members: list[Member], citations: list[tuple[int, int]]) -> list[Step]:
    """Every member's step in its series; ``citations`` are (citing id, cited id) pairs of held resolutions.
    Resolutions alone in their series are left out."""
    by_id = {member.id: member for member in members}
    parent = {member.id: member.id for member in members}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    titled: dict[tuple[str, str], list[int]] = defaultdict(list)
    for member in members:
        titled[(member.body, normalised(member.title))].append(member.id)
    for ids in titled.values():
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    by_citation: set[int] = set()
    for citing_id, cited_id in citations:
        citing, cited = by_id.get(citing_id), by_id.get(cited_id)
        if citing and cited and _continues(cited, citing) and root(citing.id) != root(cited.id):
            parent[root(citing.id)] = root(cited.id)
            by_citation.add(citing.id)
    groups: dict[int, list[Member]] = defaultdict(list)
    for member in members:
        groups[root(member.id)].append(member)
    steps: list[Step] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda m: (m.session, m.number))
        for position, member in enumerate(group):
            predecessor = group[position - 1] if position else None
            joined = CITATION if predecessor and normalised(predecessor.title) != normalised(member.title) else TITLE
            steps.append(Step(member, group[0].symbol, position, predecessor, joined))
    return steps


def _continues(earlier: Member, later: Member) -> bool:
    """Does ``later``, citing ``earlier``, carry on its series: same body, a later session, a near title?"""
    return (
        earlier.body == later.body
        and earlier.session < later.session
        and fuzz.token_set_ratio(normalised(earlier.title), normalised(later.title)) >= TITLE_THRESHOLD * 100
    )


def series_gaps(sessions: list[int]) -> list[int]:
    """The sessions a series skipped against its own rhythm: [72] for 68, 70, 74, 76 (biennial)."""
    ordered = sorted(set(sessions))
    steps = Counter(b - a for a, b in itertools.pairwise(ordered))
    if not steps:
        return []
    rhythm = min(step for step, count in steps.items() if count == max(steps.values()))
    return [
        session for a, b in itertools.pairwise(ordered) if b - a > rhythm for session in range(a + rhythm, b, rhythm)
    ]
