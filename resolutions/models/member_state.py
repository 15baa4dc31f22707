"""A Member State: a record of its own, named as the UN names it and known by its ISO 3166-1 alpha-3 code."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class MemberState(models.Model):
    """A state that votes on or sponsors resolutions; its code is its address (``/states/FRA/``)."""

    code = models.CharField("ISO 3166-1 alpha-3 code", max_length=3, unique=True)
    name = models.CharField(max_length=120)  # as the UN names it: "Bolivia (Plurinational State of)"

    class Meta:
        ordering = ["name"]
        verbose_name = "Member State"
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{3}$"), name="member_state_code_alpha3"),
        ]

    def __str__(self) -> str:
        return self.name
