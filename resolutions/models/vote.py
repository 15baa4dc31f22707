"""How each Member State voted on a resolution adopted by a recorded vote."""

from __future__ import annotations

from django.db import models

from resolutions.models.member_state import MemberState
from resolutions.models.resolution import Resolution


class VoteQuerySet(models.QuerySet):
    def counts(self) -> dict[str, int]:
        """Votes of each kind ("Y", "N", "A", ""), zero for a kind nobody cast."""
        counted = dict(self.order_by().values_list("vote").annotate(n=models.Count("id")))
        return {code: counted.get(code, 0) for code, _ in Vote.CHOICES}


class Vote(models.Model):
    """A Member State's recorded vote on a resolution."""

    YES, NO, ABSTAIN, NON_VOTING = "Y", "N", "A", ""
    CHOICES = [(YES, "Yes"), (NO, "No"), (ABSTAIN, "Abstention"), (NON_VOTING, "Non-voting")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="votes")
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="votes", verbose_name="Member State"
    )
    vote = models.CharField(max_length=1, choices=CHOICES, blank=True)

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["resolution", "member_state__name"]
        verbose_name = "recorded vote"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "member_state"], name="vote_unique_member_state"),
            models.CheckConstraint(condition=models.Q(vote__in=["Y", "N", "A", ""]), name="vote_known_choice"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.member_state}: {self.get_vote_display()}"
