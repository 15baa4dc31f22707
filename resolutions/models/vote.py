"""How each Member State voted on a resolution adopted by a recorded vote."""

from __future__ import annotations

from django.db import models

from resolutions.models.resolution import Resolution


class Vote(models.Model):
    """A Member State's recorded vote on a resolution."""

    YES, NO, ABSTAIN, NON_VOTING = "Y", "N", "A", ""
    CHOICES = [(YES, "Yes"), (NO, "No"), (ABSTAIN, "Abstention"), (NON_VOTING, "Non-voting")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="votes")
    member_state = models.CharField("Member State", max_length=120)
    vote = models.CharField(max_length=1, choices=CHOICES, blank=True)

    class Meta:
        ordering = ["resolution", "member_state"]
        verbose_name = "recorded vote"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "member_state"], name="vote_unique_member_state"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.member_state}: {self.get_vote_display()}"
