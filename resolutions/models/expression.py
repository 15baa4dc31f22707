"""A resolution's text in one language (the expression of the work): its title and the source that gives it.

The work (``Resolution``: symbol, body, session, adoption, votes, the citations between works) has one
expression per official language the archive holds. Its paragraphs and footnotes carry the same ``language``
and are keyed alike in every language (``op5`` is operative paragraph 5 in all six), so a paragraph of one
language is aligned with the others by key. The record of the work mirrors the title and source of its
English expression (of the first language imported while the archive holds no English), which every read that
does not ask for a language shows.
"""

from __future__ import annotations

from django.db import models

from resolutions.models.languages import language_field, official_language_constraint
from resolutions.models.resolution import Resolution
from resolutions.reference.languages.official import OFFICIAL_LANGUAGES


class ExpressionQuerySet(models.QuerySet):
    def of(self, resolution: Resolution):
        """The resolution's texts, in the UN's order of its languages (Arabic, Chinese, English, French…)."""
        order = models.Case(
            *(models.When(language=code, then=index) for index, code in enumerate(OFFICIAL_LANGUAGES)),
            output_field=models.IntegerField(),
        )
        return self.filter(resolution=resolution).order_by(order)

    def languages_of(self, resolution: Resolution) -> list[str]:
        """The codes of the languages the archive holds the resolution in, in the UN's order."""
        return list(self.of(resolution).values_list("language", flat=True))


class Expression(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="expressions")
    language = language_field()
    title = models.TextField()
    source_name = models.CharField("source file", max_length=255)
    source_format = models.CharField("source format", max_length=32)
    source_sha256 = models.CharField("source SHA-256", max_length=64)
    content_hash = models.CharField("content hash", max_length=64)  # of the parsed text: re-import says "unchanged"
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExpressionQuerySet.as_manager()

    class Meta:
        ordering = ["resolution", "language"]
        verbose_name = "text in a language"
        verbose_name_plural = "texts in each language"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "language"], name="expression_one_per_language"),
            official_language_constraint("expression_official_language"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} ({self.language})"
