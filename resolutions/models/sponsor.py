"""Who put a resolution forward: its sponsors and additional sponsors, as printed, a state where one is named."""

from __future__ import annotations

from django.db import models

from resolutions.models.member_state import MemberState
from resolutions.models.resolution import Resolution


class Sponsor(models.Model):
    """One sponsor of a resolution: a Member State, or what the record names ("the President of the General Assembly")."""

    SPONSOR, ADDITIONAL = "sponsor", "additional"
    ROLES = [(SPONSOR, "Sponsor"), (ADDITIONAL, "Additional sponsor")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="sponsors")
    order = models.PositiveIntegerField()  # as listed: sponsors first, then additional sponsors
    role = models.CharField(max_length=16, choices=ROLES, default=SPONSOR)
    name = models.CharField(max_length=500)  # as printed
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, null=True, blank=True, related_name="sponsorships"
    )

    class Meta:
        ordering = ["resolution", "order"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "order"], name="sponsor_unique_order"),
            models.CheckConstraint(condition=models.Q(role__in=["sponsor", "additional"]), name="sponsor_known_role"),
        ]
        indexes = [models.Index(fields=["member_state", "role"], name="sponsor_state_role")]

    def __str__(self) -> str:
        return f"{self.resolution.symbol}: {self.name} ({self.get_role_display()})"
