"""A Member State's votes shaped for its page: each beside the majority's, and how often they agreed."""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.models import Vote

VOTE_WORDS = {"Y": "Yes", "N": "No", "A": "Abstained", "": "Did not vote"}


@dataclass
class StateVote:
    vote: Vote
    majority: str  # "Y", "N" or "A": the choice most states made
    counts: dict[str, int]

    @property
    def with_majority(self) -> bool:
        return self.vote.vote == self.majority

    @property
    def word(self) -> str:
        return VOTE_WORDS[self.vote.vote]

    @property
    def tally(self) -> str:
        return "–".join(str(self.counts.get(code, 0)) for code in "YNA")


def _majority(counts: dict[str, int]) -> str:
    """The vote most states cast (yes on a tie, as the resolution was adopted)."""
    return max("YNA", key=lambda code: (counts.get(code, 0), code == "Y"))


def majority_record(votes: list[Vote], counts: dict[int, dict[str, int]]) -> dict:
    """The rows of the votes table, and the share of votes with the majority."""
    rows = [
        StateVote(vote, _majority(counts.get(vote.resolution_id, {})), counts.get(vote.resolution_id, {}))
        for vote in votes
    ]
    agreed = sum(row.with_majority for row in rows)
    return {
        "rows": rows,
        "with_majority": agreed,
        "majority_share": round(100 * agreed / len(rows)) if rows else None,
        "against": [row for row in rows if row.vote.vote == "N"],
        "abstained": [row for row in rows if row.vote.vote == "A"],
    }
