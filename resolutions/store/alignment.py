"""Whether one language's paragraphs align with the English ones, key by key, and the warning when they do not.

Paragraph keys come from what each text prints (``resolutions.reference.paragraph_keys``), so ``op5`` of the
French is operative paragraph 5 of the English. Where a language numbers its paragraphs otherwise (a paragraph
more or less, a sub-paragraph split or merged), nothing is guessed: the import names the keys one text has and
the other lacks, and those paragraphs stay unaligned.

``alignment_report`` reads the figures of the whole archive (``manage.py language_alignment``): per language,
its paragraphs, how many align by key with the English, and every misalignment with its cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from resolutions.ingest.document import ParsedResolution
from resolutions.models import Paragraph, Resolution, ResolutionSource
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


# ------------------------------------------------------------------ the archive's figures, per language


@dataclass
class Misalignment:
    """One place where a language's keys and the English ones part, and why, as far as the texts say."""

    symbol: str
    language: str
    english_key: str  # "" when the language has a paragraph the English lacks
    key: str  # "" when the language lacks a paragraph the English has
    cause: str


@dataclass
class LanguageFigures:
    language: str
    sources: int = 0  # source files kept in this language
    resolutions: int = 0  # resolutions holding a text in it
    paragraphs: int = 0
    aligned: int = 0  # paragraphs whose key the English text of the same resolution has
    without_english: int = 0  # paragraphs of resolutions the archive holds no English text of
    misalignments: list[Misalignment] = field(default_factory=list)


def alignment_report() -> list[LanguageFigures]:
    """Per language other than English: how many of its paragraphs align by key with the English, and every
    place they do not, with its cause (read from the two texts at that place)."""
    rows = Paragraph.all_languages.order_by("resolution_id", "language", "order").values_list(
        "resolution_id", "resolution__symbol", "language", "key", "kind", "number", "text"
    )
    texts: dict[tuple[int, str], list[tuple]] = {}
    symbols: dict[int, str] = {}
    for resolution_id, symbol, language, key, kind, number, text in rows.iterator(chunk_size=5000):
        texts.setdefault((resolution_id, language), []).append((key, kind, number, text))
        symbols[resolution_id] = symbol
    figures = {code: LanguageFigures(code) for code in OFFICIAL_LANGUAGES if code != ENGLISH}
    for source_language, count in _source_counts():
        if source_language in figures:
            figures[source_language].sources = count
    for (resolution_id, language), paragraphs in texts.items():
        if language == ENGLISH:
            continue
        item = figures[language]
        item.resolutions += 1
        item.paragraphs += len(paragraphs)
        english = texts.get((resolution_id, ENGLISH))
        if english is None:
            item.without_english += len(paragraphs)
            continue
        english_keys = {paragraph[0] for paragraph in english}
        item.aligned += sum(paragraph[0] in english_keys for paragraph in paragraphs)
        item.misalignments += _misalignments(symbols[resolution_id], language, english, paragraphs)
    return list(figures.values())


def _source_counts() -> list[tuple[str, int]]:
    return list(ResolutionSource.objects.values_list("language").annotate(count=Count("id")).order_by())


def _misalignments(symbol: str, language: str, english: list[tuple], own: list[tuple]) -> list[Misalignment]:
    """Each key one text has and the other lacks, paired by place where the two texts part at the same place."""
    english_keys = [paragraph[0] for paragraph in english]
    own_keys = [paragraph[0] for paragraph in own]
    alignment = key_alignment(language, english_keys, own_keys)
    english_at = {paragraph[0]: index for index, paragraph in enumerate(english)}
    own_at = {paragraph[0]: index for index, paragraph in enumerate(own)}
    unpaired_extra = list(alignment.extra)
    found = []
    for key in alignment.missing:
        index = english_at[key]
        partner = next((extra for extra in unpaired_extra if own_at[extra] == index), None)
        if partner is None and index < len(own) and own[index][0] in unpaired_extra:
            partner = own[index][0]
        if partner is not None:
            unpaired_extra.remove(partner)
            found.append(
                Misalignment(symbol, language, key, partner, _cause(english[index], own[own_at[partner]], language))
            )
        else:
            found.append(Misalignment(symbol, language, key, "", f"the {_name(language)} text has no paragraph there"))
    for key in unpaired_extra:
        paragraph = own[own_at[key]]
        found.append(
            Misalignment(symbol, language, "", key, f"a paragraph the English lacks: {_opening(paragraph[3])!r}")
        )
    return found


def _cause(english: tuple, own: tuple, language: str) -> str:
    """Why one paragraph, at the same place in both texts, is keyed otherwise."""
    _, english_kind, english_number, _ = english
    _, kind, number, text = own
    name = _name(language)
    if kind != english_kind:
        return (
            f"the same paragraph is {english_kind} in the English and {kind} in the {name} "
            f"(its file marks it up in the other part): {_opening(text)!r}"
        )
    if english_number and not number:
        return f"the {name} file prints the paragraph without a number the importer reads: {_opening(text)!r}"
    return f"printed number {english_number!r} in the English, {number!r} in the {name}: {_opening(text)!r}"


def _opening(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
