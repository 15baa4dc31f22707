"""Whether one language's paragraphs align with the English ones, key by key, and the warning when they do not.

Paragraph keys come from what each text prints (``resolutions.reference.paragraph_keys``), so ``op5`` of the
French is operative paragraph 5 of the English. Where a language numbers its paragraphs otherwise (a paragraph
more or less, a sub-paragraph split or merged), nothing is guessed: the import names the keys one text has and
the other lacks, and those paragraphs stay unaligned.
"""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Paragraph, Resolution
from resolutions.reference.languages.official import ENGLISH, OFFICIAL_LANGUAGES

SHOWN_KEYS = 12  # keys named in one warning at most; the count says how many more


@dataclass(frozen=True)
class KeyAlignment:
    """How the keys of one language's text meet the English ones."""

    language: str
    missing: tuple[str, ...]  # English keys the language lacks, in English order
    extra: tuple[str, ...]  # the language's keys the English lacks, in its own order
    aligned: int  # keys both have

    @property
    def complete(self) -> bool:
        return not self.missing and not self.extra


def key_alignment(language: str, english_keys: list[str], keys: list[str]) -> KeyAlignment:
    """Compare a language's keys (in document order) with the English ones (pure)."""
    english, own = set(english_keys), set(keys)
    return KeyAlignment(
        language=language,
        missing=tuple(key for key in english_keys if key not in own),
        extra=tuple(key for key in keys if key not in english),
        aligned=len(english & own),
    )


def describe_alignment(symbol: str, alignment: KeyAlignment) -> str:
    """'A/RES/74/1: the French paragraphs do not align with the English: missing op5, op6; extra op5bis'."""

    def named(keys: tuple[str, ...]) -> str:
        more = len(keys) - SHOWN_KEYS
        return ", ".join(keys[:SHOWN_KEYS]) + (f" and {more} more" if more > 0 else "")

    parts = []
    if alignment.missing:
        parts.append(f"missing {named(alignment.missing)} (in the English, not in the {_name(alignment.language)})")
    if alignment.extra:
        parts.append(f"extra {named(alignment.extra)} (in the {_name(alignment.language)}, not in the English)")
    return (
        f"{symbol}: the {_name(alignment.language)} paragraphs number otherwise than the English "
        f"({alignment.aligned} aligned by key): {'; '.join(parts)}; those paragraphs are not aligned"
    )


def _name(code: str) -> str:
    return OFFICIAL_LANGUAGES.get(code, code)


def alignment_warnings(resolution: Resolution, parsed: ParsedResolution) -> list[str]:
    """The warnings for a text about to be (or just) stored: its language against the English held, or, for
    an English text, every other language held against it. None when the keys align (or nothing to compare)."""
    parsed_keys = [paragraph.key for paragraph in parsed.paragraphs]
    if parsed.language == ENGLISH:
        others: dict[str, list[str]] = {}
        rows = (
            Paragraph.all_languages.filter(resolution=resolution)
            .exclude(language=ENGLISH)
            .order_by("language", "order")
            .values_list("language", "key")
        )
        for language, key in rows:
            others.setdefault(language, []).append(key)
        alignments = [key_alignment(language, parsed_keys, keys) for language, keys in others.items()]
    else:
        english = list(Paragraph.objects.of(resolution).values_list("key", flat=True))
        alignments = [key_alignment(parsed.language, english, parsed_keys)] if english else []
    return [describe_alignment(resolution.symbol, item) for item in alignments if not item.complete]
