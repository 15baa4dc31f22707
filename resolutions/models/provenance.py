"""Where texts came from: every source of a resolution, and every paragraph text an import replaced."""

from __future__ import annotations

from django.db import models

from resolutions.ingest.document import OCR_FORMAT
from resolutions.models.languages import EnglishManager, LanguageQuerySet, language_field, official_language_constraint
from resolutions.models.resolution import Resolution
from resolutions.reference.languages.official import ENGLISH


class ResolutionSource(models.Model):
    """One source a resolution was imported from (AKN, official PDF, PDF text, a curator's correction…).

    Every source is kept, whether or not it gives the text: which one does is
    the rule of ``resolutions.store.provenance`` (a curator's pin, then AKN over PDF
    over extracted text); the resolution's ``source_sha256`` names it.
    """

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="sources")
    language = language_field()  # the language of the text it holds
    name = models.CharField("file name", max_length=255)
    origin = models.CharField("where from", max_length=500, blank=True)  # the path or address it was read from
    format = models.CharField(max_length=32)
    sha256 = models.CharField("SHA-256", max_length=64)
    imported_at = models.DateTimeField("imported")
    # What the source gave, as parsed (``ParsedResolution.to_dict``): a curator's pin switches the text to
    # it without reading the file again. Null for a source imported before the archive kept it.
    parsed = models.JSONField("parsed content", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["resolution", "imported_at"]
        verbose_name = "source"
        constraints = [
            models.UniqueConstraint(fields=["resolution", "sha256"], name="source_unique_per_resolution"),
            official_language_constraint("source_official_language"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} from {self.name} ({self.format})"

    @property
    def read_by_ocr(self) -> bool:
        """True when its text was read from page images by OCR (a scanned PDF), not taken from a text layer."""
        return self.format == OCR_FORMAT


class ParagraphVersionQuerySet(LanguageQuerySet):
    def of_key(self, resolution: Resolution, key: str, language: str = ENGLISH):
        """The texts an address held before in ``language``, latest first (other languages: ``all_languages``)."""
        return self.filter(resolution=resolution, key=key, language=language).order_by("-replaced_at", "-id")

    def address_answer(
        self, resolution: Resolution, key: str, live_keys: set[str], language: str = ENGLISH
    ) -> tuple[str, ParagraphVersion | None]:
        """Where a retired address answers: (live key its text moved to, None), or ("", its latest earlier text).

        Follows moves from one import to the next (p1 -> op1 -> annex-op1), in one language;
        ("", None) when the address never held a paragraph.
        """
        seen = {key}
        version = self.of_key(resolution, key, language).first()
        latest = version
        while version is not None and version.successor and version.successor not in seen:
            if version.successor in live_keys:
                return version.successor, None
            seen.add(version.successor)
            version = self.of_key(resolution, version.successor, language).first() or version
        return "", latest


class ParagraphVersion(models.Model):
    """A paragraph text an import replaced, kept so its permalink answers for ever.

    ``successor`` is the key the same text moved to (its old address answers
    301 there); empty when the text itself changed or went, and the old
    address shows this text as an earlier version, dated, with a notice.
    """

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="paragraph_versions")
    language = language_field()
    key = models.CharField(max_length=40)
    text = models.TextField()
    successor = models.CharField("moved to key", max_length=40, blank=True)
    replaced_at = models.DateTimeField("replaced")
    replaced_by = models.CharField("replaced by source", max_length=255)  # the source file whose import replaced it

    objects = EnglishManager.from_queryset(ParagraphVersionQuerySet)()
    all_languages = models.Manager.from_queryset(ParagraphVersionQuerySet)()

    class Meta:
        ordering = ["resolution", "key", "-replaced_at"]
        default_manager_name = "objects"
        indexes = [models.Index(fields=["resolution", "language", "key"], name="paragraph_version_key")]
        constraints = [official_language_constraint("paragraph_version_official_language")]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.key} before {self.replaced_at:%Y-%m-%d}"
