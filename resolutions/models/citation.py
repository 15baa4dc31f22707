"""A citation printed in a paragraph or footnote, and the resolution it names when the archive holds it."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from resolutions.models.languages import EnglishManager, LanguageQuerySet, language_field, official_language_constraint
from resolutions.models.resolution import Resolution
from resolutions.models.text import Footnote, Paragraph


class CitationQuerySet(LanguageQuerySet):
    def citing(self, resolution: Resolution):
        """Citations elsewhere that point at ``resolution`` ("cited by")."""
        return (
            self.filter(target=resolution)
            .exclude(resolution=resolution)
            .select_related("resolution", "paragraph", "footnote")
            .order_by("resolution__adopted_on", "resolution__symbol", "start")
        )


class Citation(models.Model):
    RESOLUTION = "resolution"
    REPORT = "report"
    DOCUMENT = "document"
    KIND_CHOICES = [(RESOLUTION, "Resolution"), (REPORT, "Report"), (DOCUMENT, "Other document")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="citations")
    language = language_field()  # of the text it is printed in: the citations between works are the English ones
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    footnote = models.ForeignKey(Footnote, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    target_symbol = models.CharField("cited symbol", max_length=80)
    target_paragraph = models.CharField("cited paragraph", max_length=40, blank=True)
    target = models.ForeignKey(Resolution, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by")
    matched_text = models.TextField("text as printed")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)

    objects = EnglishManager.from_queryset(CitationQuerySet)()
    all_languages = models.Manager.from_queryset(CitationQuerySet)()

    class Meta:
        ordering = ["resolution", "id"]
        default_manager_name = "objects"
        constraints = [
            official_language_constraint("citation_official_language"),
            models.CheckConstraint(
                condition=Q(paragraph__isnull=False, footnote__isnull=True)
                | Q(paragraph__isnull=True, footnote__isnull=False),
                name="citation_from_paragraph_or_footnote",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="citation_span_not_empty"),
        ]
        indexes = [
            models.Index(fields=["target_symbol"]),
            models.Index(Upper("target_symbol"), name="citation_target_symbol_upper"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} → {self.target_symbol}"
