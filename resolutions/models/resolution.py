"""A resolution: its symbol, body, session, adoption and where its text came from."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Max, Min
from django.db.models.functions import Upper

from resolutions.models.body import Body
from resolutions.models.languages import language_field, official_language_constraint


class ResolutionQuerySet(models.QuerySet):
    def by_symbol(self, symbol: str):
        return self.filter(symbol__iexact=symbol.strip())

    def sessions(self):
        """(body, session) rows with their counts and years, newest first."""
        return (
            self.values("body__code", "session", "session_label", "session_sort")
            .annotate(
                count=Count("id"),
                first_adopted=Min("adopted_on"),
                last_adopted=Max("adopted_on"),
            )
            .order_by("body__order", "-session_sort", "session")
        )


class Resolution(models.Model):
    symbol = models.CharField(max_length=64, unique=True)  # canonical: "A/RES/70/126"
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="resolutions")
    session = models.CharField(max_length=16)  # as the body numbers it: "70", "2010", "S-24"
    session_sort = models.IntegerField("session order", default=0)  # numeric order of sessions
    session_label = models.CharField("session, in words", max_length=80)  # "Seventieth session"
    number = models.CharField(max_length=32)  # "70/126"
    title = models.TextField()
    adopted_on = models.DateField(null=True, blank=True)
    meeting = models.CharField(max_length=120, blank=True)
    report = models.CharField("committee report", max_length=120, blank=True)  # "A/70/481"
    agenda_item = models.CharField("agenda item", max_length=120, blank=True)
    committee = models.CharField(max_length=120, blank=True)
    # The language of the title and source on this record: English whenever the archive holds it (the texts in
    # every language, the English one included, are ``Expression``s; this record mirrors the one it names).
    language = language_field()
    metadata = models.JSONField(
        default=dict, blank=True, help_text="Sponsors, SDGs, subjects, adoption type: a JSON object."
    )
    source_name = models.CharField("source file", max_length=255)
    source_format = models.CharField("source format", max_length=32)
    source_sha256 = models.CharField("source SHA-256", max_length=64)
    # Set by curators only (the importer never writes it): the source they checked the text against.
    source_pin = models.CharField(
        "pinned source (SHA-256)",
        max_length=64,
        blank=True,
        validators=[
            RegexValidator(r"^[0-9a-f]{64}$", "Give the source's SHA-256: 64 digits and letters a–f, in lower case.")
        ],
        help_text="The SHA-256 of the source a curator has checked this text against. "
        "The admin flags the resolution when its text comes from another source (a later import).",
    )
    content_hash = models.CharField(
        "content hash", max_length=64
    )  # of the parsed content: re-import detects "unchanged"
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["body__order", "-session_sort", "number"]
        indexes = [
            models.Index(fields=["body", "session_sort"]),
            models.Index(fields=["adopted_on"]),
            models.Index(Upper("symbol"), name="resolution_symbol_upper"),
            models.Index(fields=["title"], name="resolution_title"),
        ]
        constraints = [official_language_constraint("resolution_official_language")]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    @property
    def source_as_pinned(self) -> bool | None:
        """True when the text comes from the source a curator pinned, False when from another, None when unpinned."""
        return self.source_sha256 == self.source_pin if self.source_pin else None
