"""What a resolution is about: the Sustainable Development Goals and the thesaurus subjects it is filed under."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from resolutions.models.resolution import Resolution


class Goal(models.Model):
    """A Sustainable Development Goal, 1 to 17; its number is its address (``/sdgs/5/``)."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=120)
    resolutions = models.ManyToManyField(Resolution, through="ResolutionGoal", related_name="goals")

    class Meta:
        ordering = ["number"]
        verbose_name = "Sustainable Development Goal"
        constraints = [models.CheckConstraint(condition=Q(number__gte=1, number__lte=17), name="goal_number_1_17")]

    def __str__(self) -> str:
        return f"SDG {self.number}: {self.title}"


class Subject(models.Model):
    """A subject heading of a thesaurus (the UNBIS Thesaurus); its slug is its address."""

    thesaurus = models.CharField(max_length=80)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220)
    resolutions = models.ManyToManyField(Resolution, through="ResolutionSubject", related_name="subjects")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["thesaurus", "slug"], name="subject_unique_slug")]

    def __str__(self) -> str:
        return f"{self.name} ({self.thesaurus})"


class ResolutionGoal(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="resolution_links")
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["resolution", "order"]
        verbose_name = "SDG of a resolution"
        constraints = [models.UniqueConstraint(fields=["resolution", "goal"], name="resolution_goal_unique")]

    def __str__(self) -> str:
        return f"{self.resolution.symbol}: SDG {self.goal.number}"


class ResolutionSubject(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="subject_links")
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="resolution_links")
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["resolution", "order"]
        verbose_name = "subject of a resolution"
        constraints = [models.UniqueConstraint(fields=["resolution", "subject"], name="resolution_subject_unique")]

    def __str__(self) -> str:
        return f"{self.resolution.symbol}: {self.subject.name}"
