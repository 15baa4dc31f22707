"""The UN organs whose resolutions the archive holds."""

from __future__ import annotations

from django.db import models


class Body(models.Model):
    """A UN organ that adopts resolutions; rows come from ``resolutions.reference.bodies``."""

    code = models.CharField(max_length=16, unique=True)  # "GA", used in URLs
    name = models.CharField(max_length=200)
    symbol_prefix = models.CharField(max_length=40)
    sessions_are_years = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "body"
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name
