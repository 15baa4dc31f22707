"""A resolution's text: its paragraphs, footnotes, and every place a footnote's marker is printed.

Each row is in one language (``resolutions.models.languages``): ``objects`` and the related managers read
English, ``all_languages`` every language. Keys are the same in every language, so ``aligned`` finds one
paragraph in each language the archive holds.
"""

from __future__ import annotations

from django.db import models

from resolutions.models.languages import EnglishManager, LanguageQuerySet, language_field, official_language_constraint
from resolutions.models.resolution import Resolution
from resolutions.reference.languages.official import ENGLISH


class ParagraphQuerySet(LanguageQuerySet):
    def of(self, resolution: Resolution, language: str = ENGLISH):
        """The resolution's paragraphs in ``language``, in document order (other languages: on ``all_languages``)."""
        return self.filter(resolution=resolution, language=language).order_by("order")

    def aligned(self, resolution: Resolution, key: str) -> dict[str, Paragraph]:
        """The paragraph of ``key`` in each language the archive holds it in, by language code."""
        return {paragraph.language: paragraph for paragraph in self.filter(resolution=resolution, key=key)}

    def side_by_side(
        self, resolution: Resolution, first: str, second: str
    ) -> list[tuple[str, Paragraph | None, Paragraph | None]]:
        """Two languages of a resolution paragraph by paragraph, aligned by key: (key, first's, second's).

        In the first language's order; a key only the second holds comes after the paragraph it follows there,
        with None on the side that lacks it (a numbering that differs is shown, never guessed at).
        """
        rows = self.filter(resolution=resolution, language__in=[first, second]).order_by("order")
        by_language: dict[str, list[Paragraph]] = {first: [], second: []}
        for paragraph in rows:
            by_language[paragraph.language].append(paragraph)
        seconds = {paragraph.key: paragraph for paragraph in by_language[second]}
        firsts = {paragraph.key for paragraph in by_language[first]}
        pairs: list[tuple[str, Paragraph | None, Paragraph | None]] = [
            (paragraph.key, paragraph, seconds.get(paragraph.key)) for paragraph in by_language[first]
        ]
        previous = ""
        for paragraph in by_language[second]:
            if paragraph.key not in firsts:
                at = next(
                    (i + 1 for i, pair in enumerate(pairs) if pair[0] == previous), 0 if not previous else len(pairs)
                )
                pairs.insert(at, (paragraph.key, None, paragraph))
            previous = paragraph.key
        return pairs


class Paragraph(models.Model):
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    KIND_CHOICES = [(PREAMBULAR, "Preambular"), (OPERATIVE, "Operative")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="paragraphs")
    language = language_field()
    key = models.CharField(max_length=40)  # stable: "pp3", "op5", "op1a", "annex-op12"
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    number = models.CharField(max_length=16, blank=True)  # as printed
    order = models.PositiveIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    part = models.CharField(max_length=24, blank=True)  # "" or "annex", "annex-ii"
    heading = models.TextField(blank=True)
    opening_phrase = models.CharField(max_length=200, blank=True)
    text = models.TextField()

    objects = EnglishManager.from_queryset(ParagraphQuerySet)()
    all_languages = models.Manager.from_queryset(ParagraphQuerySet)()

    class Meta:
        ordering = ["resolution", "order"]
        default_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "language", "key"], name="paragraph_unique_key"),
            models.UniqueConstraint(fields=["resolution", "language", "order"], name="paragraph_unique_order"),
            official_language_constraint("paragraph_official_language"),
        ]

    def __str__(self) -> str:
        suffix = "" if self.language == ENGLISH else f" ({self.language})"
        return f"{self.resolution.symbol} {self.key}{suffix}"


class FootnoteQuerySet(LanguageQuerySet):
    def of(self, resolution: Resolution, language: str = ENGLISH):
        """The resolution's footnotes in ``language``, in order (other languages: on ``all_languages``)."""
        return self.filter(resolution=resolution, language=language).order_by("order")


class Footnote(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="footnotes")
    language = language_field()  # the language of its paragraph's text, and its own
    marker = models.CharField(max_length=8)
    order = models.PositiveIntegerField()
    text = models.TextField()
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.SET_NULL, related_name="footnotes")
    offset = models.PositiveIntegerField(null=True, blank=True)  # marker position in the paragraph text
    # [start, end] of each span the source prints in italics (a report's or a treaty's title), in order.
    emphasis = models.JSONField("italic spans", default=list, blank=True)

    objects = EnglishManager.from_queryset(FootnoteQuerySet)()
    all_languages = models.Manager.from_queryset(FootnoteQuerySet)()

    class Meta:
        ordering = ["resolution", "order"]
        default_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "language", "order"], name="footnote_unique_order"),
            official_language_constraint("footnote_official_language"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} footnote {self.marker}"


class FootnoteReference(models.Model):
    """A further place a footnote's marker is printed: a paragraph referring to the note again.

    The first place stays on the footnote (``Footnote.paragraph``/``offset``);
    these are the places after it, so a page shows the marker, linked to the
    note, wherever the resolution prints it.
    """

    footnote = models.ForeignKey(Footnote, on_delete=models.CASCADE, related_name="references")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="footnote_references")
    offset = models.PositiveIntegerField()  # marker position in the paragraph text

    class Meta:
        ordering = ["footnote", "paragraph__order", "offset"]
        constraints = [
            models.UniqueConstraint(fields=["footnote", "paragraph", "offset"], name="footnote_reference_unique_place"),
        ]

    def __str__(self) -> str:
        return f"{self.footnote} again in {self.paragraph.key}"
