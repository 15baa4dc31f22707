"""Agreed language, precomputed: each resolution's place in its series, where each paragraph's wording
comes from in its predecessor, and the signature that finds a paragraph's wording used elsewhere.

Derived data, like the search index: ``resolutions.store.lineage`` rebuilds it from the paragraphs after
every import (and ``manage.py lineage rebuild`` for the whole archive); what it holds is computed by the
pure stages of ``resolutions.lineage``.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from resolutions.models.resolution import Resolution
from resolutions.models.text import Paragraph


class SeriesStep(models.Model):
    """A resolution's place in its series and the resolution before it."""

    TITLE = "title"
    CITATION = "citation"
    JOINED_CHOICES = [(TITLE, "Same title"), (CITATION, "Cites its predecessor, title changed slightly")]

    resolution = models.OneToOneField(Resolution, on_delete=models.CASCADE, related_name="series_step")
    series = models.CharField(max_length=64, db_index=True)  # the symbol of its first member held
    position = models.PositiveIntegerField()
    predecessor = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.CASCADE, related_name="successor_steps"
    )
    joined_by = models.CharField(max_length=16, choices=JOINED_CHOICES)

    class Meta:
        ordering = ["series", "position"]
        constraints = [
            models.UniqueConstraint(fields=["series", "position"], name="series_step_unique_position"),
            models.CheckConstraint(
                condition=Q(position=0, predecessor__isnull=True) | Q(position__gt=0, predecessor__isnull=False),
                name="series_step_predecessor_unless_first",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} in series {self.series}"


class ParagraphLink(models.Model):
    """Where a paragraph's wording comes from in its resolution's predecessor (``resolutions.lineage.align``).

    A verbatim or edited paragraph has one row; a split one as many rows as its parts share the same
    predecessor (one row each); a merged one a row per earlier paragraph; a new one one row without a
    predecessor. Earlier paragraphs no row names were dropped.
    """

    VERBATIM = "verbatim"
    EDITED = "edited"
    SPLIT = "split"
    MERGED = "merged"
    NEW = "new"
    RELATION_CHOICES = [
        (VERBATIM, "Same wording"),
        (EDITED, "Edited"),
        (SPLIT, "Split from one paragraph"),
        (MERGED, "Merged from paragraphs"),
        (NEW, "New"),
    ]

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="lineage_links")
    predecessor = models.ForeignKey(
        Paragraph, null=True, blank=True, on_delete=models.CASCADE, related_name="successor_links"
    )
    relation = models.CharField(max_length=16, choices=RELATION_CHOICES)
    moved = models.BooleanField(default=False)  # its place among the others changed
    similarity = models.FloatField()  # 0–1, resolutions.lineage.align.similarity

    class Meta:
        ordering = ["paragraph", "predecessor"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "predecessor"], name="paragraph_link_unique_pair"),
            models.UniqueConstraint(
                fields=["paragraph"], condition=Q(predecessor__isnull=True), name="paragraph_link_one_new"
            ),
            models.CheckConstraint(
                condition=Q(relation="new", predecessor__isnull=True)
                | (~Q(relation="new") & Q(predecessor__isnull=False)),
                name="paragraph_link_predecessor_unless_new",
            ),
            models.CheckConstraint(condition=Q(similarity__gte=0, similarity__lte=1), name="paragraph_link_similarity"),
        ]

    def __str__(self) -> str:
        return f"{self.paragraph} {self.relation} {self.predecessor or ''}".strip()


class ParagraphSignature(models.Model):
    """A paragraph's wording as ``resolutions.lineage.near`` finds it: exact hash, LSH bands, word count, and
    the normalised wording itself with its length, so that candidates are scored as they are read (no join
    to the paragraphs, no normalising per request) and those too long or too short to be near repeats are
    left out by the database."""

    paragraph = models.OneToOneField(Paragraph, on_delete=models.CASCADE, primary_key=True, related_name="signature")
    text_hash = models.BigIntegerField()
    bands = ArrayField(models.BigIntegerField())
    words = models.PositiveIntegerField()
    wording = models.TextField(default="")  # resolutions.lineage.text.normalised(paragraph.text)
    characters = models.PositiveIntegerField(default=0)  # len(wording)

    class Meta:
        indexes = [
            # The paragraphs of a wording, read from the index alone (no visit to the rows).
            models.Index(fields=["text_hash", "paragraph"], name="paragraph_signature_hash"),
        ]

    def __str__(self) -> str:
        return f"signature of {self.paragraph_id}"


class WordingBand(models.Model):
    """One LSH band of one distinct wording (``ParagraphSignature.text_hash``), with the wording's length:
    the table "where was this wording used before" finds its candidates in. Its primary key is the btree
    (band, characters, text_hash), so the candidates of a pasted wording (its bands, within the lengths that
    leave a near repeat possible) are read from that index alone, one row per wording however many
    paragraphs repeat it, without visiting the signatures. Kept with the signatures by
    ``resolutions.store.lineage``; a row whose wording no paragraph has any more finds nothing."""

    pk = models.CompositePrimaryKey("band", "characters", "text_hash")
    band = models.BigIntegerField()
    characters = models.PositiveIntegerField()  # len(ParagraphSignature.wording)
    text_hash = models.BigIntegerField()

    def __str__(self) -> str:
        return f"band {self.band} of wording {self.text_hash}"
