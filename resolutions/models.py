"""The archive's records: Body, Resolution, Paragraph, Footnote (and its FootnoteReferences), Citation, Vote.

Reads live on the QuerySets below; multi-model writes live in
``resolutions.store.load`` (one transaction per resolution).
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Upper


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


class ResolutionQuerySet(models.QuerySet):
    def by_symbol(self, symbol: str):
        return self.filter(symbol__iexact=symbol.strip())

    def in_session(self, body_code: str, session: str):
        return self.filter(body__code=body_code, session=session)

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
    language = models.CharField(max_length=8, default="en")
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

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    @property
    def source_as_pinned(self) -> bool | None:
        """True when the text comes from the source a curator pinned, False when from another, None when unpinned."""
        return self.source_sha256 == self.source_pin if self.source_pin else None


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


class CitationQuerySet(models.QuerySet):
    def citing(self, resolution: Resolution):
        """Citations elsewhere that point at ``resolution`` ("cited by")."""
        return (
            self.filter(target=resolution)
            .exclude(resolution=resolution)
            .select_related("resolution", "paragraph", "footnote")
            .order_by("resolution__adopted_on", "resolution__symbol", "start")
        )

    def unresolved(self):
        return self.filter(target__isnull=True)


class Citation(models.Model):
    RESOLUTION = "resolution"
    REPORT = "report"
    DOCUMENT = "document"
    KIND_CHOICES = [(RESOLUTION, "Resolution"), (REPORT, "Report"), (DOCUMENT, "Other document")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="citations")
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    footnote = models.ForeignKey(Footnote, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    target_symbol = models.CharField("cited symbol", max_length=80)
    target_paragraph = models.CharField("cited paragraph", max_length=40, blank=True)
    target = models.ForeignKey(Resolution, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by")
    matched_text = models.TextField("text as printed")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["resolution", "id"]
        constraints = [
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


class Vote(models.Model):
    """A Member State's recorded vote on a resolution."""

    YES, NO, ABSTAIN, NON_VOTING = "Y", "N", "A", ""
    CHOICES = [(YES, "Yes"), (NO, "No"), (ABSTAIN, "Abstention"), (NON_VOTING, "Non-voting")]

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="votes")
    member_state = models.CharField("Member State", max_length=120)
    vote = models.CharField(max_length=1, choices=CHOICES, blank=True)

    class Meta:
        ordering = ["resolution", "member_state"]
        verbose_name = "recorded vote"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "member_state"], name="vote_unique_member_state"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.member_state}: {self.get_vote_display()}"


class ResolutionSource(models.Model):
    """One source a resolution was imported from (AKN, official PDF, PDF text, a curator's correction…).

    Every source is kept, whether or not it gives the text: which one does is
    the rule of ``resolutions.store.provenance`` (a curator's pin, then AKN over PDF
    over extracted text); the resolution's ``source_sha256`` names it.
    """

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="sources")
    name = models.CharField("file name", max_length=255)
    origin = models.CharField("where from", max_length=500, blank=True)  # the path or address it was read from
    format = models.CharField(max_length=32)
    sha256 = models.CharField("SHA-256", max_length=64)
    imported_at = models.DateTimeField("imported")

    class Meta:
        ordering = ["resolution", "imported_at"]
        verbose_name = "source"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "sha256"], name="source_unique_per_resolution"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} from {self.name} ({self.format})"

    @property
    def read_by_ocr(self) -> bool:
        """True when its text was read from page images by OCR (a scanned PDF), not taken from a text layer."""
        from resolutions.store.provenance import OCR_FORMAT

        return self.format == OCR_FORMAT


class ParagraphVersionQuerySet(models.QuerySet):
    def of_key(self, resolution: Resolution, key: str):
        """The texts an address held before, latest first."""
        return self.filter(resolution=resolution, key=key).order_by("-replaced_at", "-id")

    def address_answer(
        self, resolution: Resolution, key: str, live_keys: set[str]
    ) -> tuple[str, ParagraphVersion | None]:
        """Where a retired address answers: (live key its text moved to, None), or ("", its latest earlier text).

        Follows moves from one import to the next (p1 -> op1 -> annex-op1);
        ("", None) when the address never held a paragraph.
        """
        seen = {key}
        version = self.of_key(resolution, key).first()
        latest = version
        while version is not None and version.successor and version.successor not in seen:
            if version.successor in live_keys:
                return version.successor, None
            seen.add(version.successor)
            version = self.of_key(resolution, version.successor).first() or version
        return "", latest


class ParagraphVersion(models.Model):
    """A paragraph text an import replaced, kept so its permalink answers for ever.

    ``successor`` is the key the same text moved to (its old address answers
    301 there); empty when the text itself changed or went, and the old
    address shows this text as an earlier version, dated, with a notice.
    """

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="paragraph_versions")
    key = models.CharField(max_length=40)
    text = models.TextField()
    successor = models.CharField("moved to key", max_length=40, blank=True)
    replaced_at = models.DateTimeField("replaced")
    replaced_by = models.CharField("replaced by source", max_length=255)  # the source file whose import replaced it

    objects = ParagraphVersionQuerySet.as_manager()

    class Meta:
        ordering = ["resolution", "key", "-replaced_at"]
        indexes = [models.Index(fields=["resolution", "key"], name="paragraph_version_key")]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.key} before {self.replaced_at:%Y-%m-%d}"
