"""A resolution's adoption shaped for its page: how it was adopted, the counts, every state's vote grouped,
and the bar chart drawn on the server (an SVG that reads without JavaScript, with a text equivalent)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from resolutions.models import MemberState, Resolution, Vote
from resolutions.reference.member_states import MEMBERSHIP_OF_193_FROM, UN_MEMBERS, state_name
from resolutions.reference.record_metadata import adoption_of

# Vote kinds in the order the UN reports them, with the words the page uses.
KINDS = [(Vote.YES, "yes", "In favour"), (Vote.NO, "no", "Against"), (Vote.ABSTAIN, "abstain", "Abstaining")]
NON_VOTING = ("", "non-voting", "Non-voting")
CHART_WIDTH = 600  # SVG user units; the chart scales with the page


@dataclass
class VoteGroup:
    code: str  # "Y", "N", "A", ""
    slug: str  # "yes", "no", "abstain", "non-voting": the CSS class and anchor
    label: str
    states: list[MemberState] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.states)


@dataclass
class ChartBar:
    slug: str
    label: str
    count: int
    x: float
    width: float


@dataclass
class Adoption:
    kind: str  # "recorded", "without" or ""
    groups: list[VoteGroup]
    bars: list[ChartBar]
    meeting: str
    non_voting_derived: bool  # non-voting states are the members not listed (the record lists none itself)

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def summary(self) -> str:
        """The text equivalent of the chart: "In favour 187, Against 3, Abstaining 2, Non-voting 1"."""
        return ", ".join(f"{group.label} {group.count}" for group in self.groups)

    @property
    def rows(self) -> list[tuple[MemberState, VoteGroup]]:
        """Every state with its vote, grouped by vote (the table's order without JavaScript)."""
        return [(state, group) for group in self.groups for state in group.states]


def _counts_whole_membership(resolution: Resolution) -> bool:
    """Whether the 193 members are the whole of the Assembly that voted (adopted since South Sudan joined)."""
    return (
        resolution.body.code == "GA"
        and resolution.adopted_on is not None
        and resolution.adopted_on >= dt.date.fromisoformat(MEMBERSHIP_OF_193_FROM)
    )


def adoption(resolution: Resolution, votes: list[Vote]) -> Adoption:
    """How ``resolution`` was adopted, from its recorded votes and metadata."""
    kind = adoption_of(resolution.metadata, len(votes))
    groups = [VoteGroup(code, slug, label) for code, slug, label in [*KINDS, NON_VOTING]]
    by_code = {group.code: group for group in groups}
    for vote in votes:
        by_code[vote.vote].states.append(vote.member_state)
    derived = False
    if votes and not by_code[""].states and _counts_whole_membership(resolution):
        listed = {vote.member_state.code for vote in votes}
        by_code[""].states = [
            MemberState(code=code, name=state_name(code)) for code in sorted(UN_MEMBERS - listed, key=state_name)
        ]
        derived = bool(by_code[""].states)
    if not by_code[""].states:
        groups = groups[:3]
    return Adoption(kind, groups, _bars(groups), resolution.meeting, derived)


def _bars(groups: list[VoteGroup]) -> list[ChartBar]:
    """One bar a vote kind, side by side across the chart's width, each as wide as its share."""
    total = sum(group.count for group in groups) or 1
    bars, x = [], 0.0
    for group in groups:
        width = round(CHART_WIDTH * group.count / total, 2)
        bars.append(ChartBar(group.slug, group.label, group.count, round(x, 2), width))
        x += width
    return bars
