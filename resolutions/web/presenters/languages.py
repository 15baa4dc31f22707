"""A resolution's languages as its pages show them: the languages held (with their addresses), the text's
opening formula in each, the paragraph in every language with its citation, and two languages side by side."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import translation

from resolutions.exports.cited import cited
from resolutions.exports.styles import un_style_in
from resolutions.models import Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.web.languages import ENGLISH, TextLanguage, interface_code, text_path

# "The General Assembly," as each language prints it before the first paragraph.
OPENING_FORMULAE = {
    "ar": {"GA": "إن الجمعية العامة،", "ECOSOC": "إن المجلس الاقتصادي والاجتماعي،", "HRC": "إن مجلس حقوق الإنسان،"},
    "zh": {"GA": "大会，", "ECOSOC": "经济及社会理事会，", "HRC": "人权理事会，"},
    "fr": {
        "GA": "L’Assemblée générale,",
        "ECOSOC": "Le Conseil économique et social,",
        "HRC": "Le Conseil des droits de l’homme,",
    },
    "ru": {
        "GA": "Генеральная Ассамблея,",
        "ECOSOC": "Экономический и Социальный Совет,",
        "HRC": "Совет по правам человека,",
    },
    "es": {
        "GA": "La Asamblea General,",
        "ECOSOC": "El Consejo Económico y Social,",
        "HRC": "El Consejo de Derechos Humanos,",
    },
}


def opening_formula(resolution: Resolution, language: str) -> str:
    """'The General Assembly,' in ``language`` (English for a body whose formula is not known in it)."""
    if language != ENGLISH and resolution.body.code in OPENING_FORMULAE.get(language, {}):
        return OPENING_FORMULAE[language][resolution.body.code]
    return f"The {resolution.body.name},"


def chosen_language(wanted: str, held: list[str]) -> str:
    """The language a page shows its text in: the one asked for when held, else English, else the first held."""
    if wanted in held or not held:
        return wanted if held else ENGLISH
    return ENGLISH if ENGLISH in held else held[0]


@dataclass
class HeldLanguage:
    language: TextLanguage
    url: str  # this page with its text in that language
    current: bool


def held_languages(request, held: list[str], shown: str) -> list[HeldLanguage]:
    """The languages the resolution is held in, each with this page's address in it."""
    path = request.path
    return [HeldLanguage(TextLanguage(code), text_path(path, code), code == shown) for code in held]


def alternates(request, held: list[str]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of this page in each language held."""
    return [(TextLanguage(code).lang, request.build_absolute_uri(text_path(request.path, code))) for code in held]


@dataclass
class ParagraphInLanguage:
    language: TextLanguage
    paragraph: Paragraph
    url: str
    citation: str  # UN style, in the language


def paragraph_in_languages(
    request, resolution: Resolution, key: str, paragraphs: dict[str, Paragraph], held: list[str]
) -> list[ParagraphInLanguage]:
    """The paragraph ``key`` in each language held (the UN's order), with its permalink and its UN-style citation
    in that language."""
    shown = []
    for code in held:
        paragraph = paragraphs.get(code)
        if paragraph is None:
            continue
        with translation.override(interface_code(code)):
            url = permalinks.paragraph_url(resolution.symbol, key)
        item = cited(resolution, request.build_absolute_uri(url), key)
        shown.append(ParagraphInLanguage(TextLanguage(code), paragraph, url, un_style_in(item, code)))
    return shown


@dataclass
class AlignedRow:
    key: str
    title: str  # 'Operative paragraph 5'
    # (language, paragraph) for each language compared; the paragraph None where that language lacks it
    cells: list[tuple[TextLanguage, Paragraph | None]] = field(default_factory=list)
    url: str = ""


def side_by_side_rows(
    resolution: Resolution, languages: list[str], pairs: list[tuple[str, Paragraph | None, Paragraph | None]]
) -> list[AlignedRow]:
    """Each aligned pair as a row: its key, title, address, and the two languages' paragraphs (None where
    one lacks it)."""
    first, second = (TextLanguage(code) for code in languages)
    return [
        AlignedRow(
            key,
            permalinks.paragraph_title(key),
            [(first, left), (second, right)],
            permalinks.paragraph_url(resolution.symbol, key),
        )
        for key, left, right in pairs
    ]
