"""The six official languages of the United Nations, as the archive stores them (ISO 639-1 codes).

Pure data beside the ``Language`` classes: the models constrain their ``language`` columns to these codes,
and every read that does not ask for a language shows ``ENGLISH``, the archive's reading language.
"""

from __future__ import annotations

ENGLISH = "en"

# Code -> name in English, in the order the UN lists them (alphabetical in English).
OFFICIAL_LANGUAGES: dict[str, str] = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}

# Each language's name in itself, for a reader choosing one.
NATIVE_NAMES: dict[str, str] = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}

LANGUAGE_CHOICES = list(OFFICIAL_LANGUAGES.items())
