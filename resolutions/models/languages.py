"""How the language of a text is stored and read: one column, one constraint, two managers.

Every row of a resolution's text (paragraph, footnote, citation, replaced paragraph text) carries the language
it is written in. A model's default manager (``objects``, and so every related manager such as
``resolution.paragraphs``) reads the English text only: the archive's reading language, which every read that
does not ask for a language shows. ``all_languages`` reads every language; ask it for one with
``in_language(code)``. A forgotten filter so shows English, never a mixture of languages.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from resolutions.reference.languages.official import ENGLISH, LANGUAGE_CHOICES, OFFICIAL_LANGUAGES


def language_field(**kwargs) -> models.CharField:
    """The ISO 639-1 code of one of the six official languages a text is written in."""
    return models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default=ENGLISH, **kwargs)


def official_language_constraint(name: str) -> models.CheckConstraint:
    """The database refuses a language the archive does not hold (one of the six official ones)."""
    return models.CheckConstraint(condition=Q(language__in=list(OFFICIAL_LANGUAGES)), name=name)


class LanguageQuerySet(models.QuerySet):
    def in_language(self, code: str):
        """The rows written in ``code`` (call it on ``all_languages``: ``objects`` holds English only)."""
        return self.filter(language=code)


class EnglishManager(models.Manager):
    """The English rows only: what every read shows unless it asks ``all_languages`` for another language."""

    def get_queryset(self):
        return super().get_queryset().filter(language=ENGLISH)
