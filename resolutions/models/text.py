"""A resolution's text: its paragraphs, footnotes, and every place a footnote's marker is printed."""

from __future__ import annotations

from django.db import models

from resolutions.models.resolution import Resolution


class ParagraphQuerySet(models.QuerySet):
    def of(self, resolution: Resolution):
        return self.filter(resolution=resolution).order_by("order")


class Paragraph(models.Model):
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    KIND_CHOICES = [(PREAMBULAR, "Preambular"), (OPERATIVE, "Operative")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="paragraphs")
    key = models.CharField(max_length=40)  # stable: "pp3", "op5", "op1a", "annex-op12"
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    number = models.CharField(max_length=16, blank=True)  # as printed
    order = models.PositiveIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    part = models.CharField(max_length=24, blank=True)  # "" or "annex", "annex-ii"
    heading = models.TextField(blank=True)
    opening_phrase = models.CharField(max_length=200, blank=True)
    text = models.TextField()

    objects = ParagraphQuerySet.as_manager()

    class Meta:
        ordering = ["resolution", "order"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "key"], name="paragraph_unique_key"),
            models.UniqueConstraint(fields=["resolution", "order"], name="paragraph_unique_order"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.key}"


class Footnote(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="footnotes")
    marker = models.CharField(max_length=8)
    order = models.PositiveIntegerField()
    text = models.TextField()
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.SET_NULL, related_name="footnotes")
    offset = models.PositiveIntegerField(null=True, blank=True)  # marker position in the paragraph text
    # [start, end] of each span the source prints in italics (a report's or a treaty's title), in order.
    emphasis = models.JSONField("italic spans", default=list, blank=True)

    class Meta:
        ordering = ["resolution", "order"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "order"], name="footnote_unique_order"),
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
