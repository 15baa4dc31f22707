"""Citations written out as people put them in a text: UN style, OSCOLA, and a Bluebook-like style.

- UN style (the UN Editorial Manual): 'General Assembly resolution 70/126 of 17 December 2015, para. 5';
- OSCOLA (4th edition, UN documents): 'UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126, para 5';
- Bluebook-like (rule 21.7.2): 'G.A. Res. 70/126, ¶ 5 (Dec. 17, 2015)'.

A pinpoint follows each style's own words: OSCOLA 'preambular para 3', 'annex, para 2(d)'; Bluebook
'pmbl. ¶ 3', 'annex ¶ 2(d)'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resolutions.exports.cited import Cited
from resolutions.reference.dates import ENGLISH
from resolutions.reference.paragraph_keys import KeyParts, key_parts

BLUEBOOK_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
OSCOLA_BODIES = {"GA": "UNGA", "HRC": "UNHRC"}
BLUEBOOK_BODIES = {"GA": "G.A.", "ECOSOC": "E.S.C.", "HRC": "Human Rights Council"}


def long_date(day: dt.date | None) -> str:
    """'17 December 2015' (no locale: citations are in English)."""
    return f"{day.day} {ENGLISH.month_names[day.month - 1]} {day.year}" if day else ""


def un_style(cited: Cited) -> str:
    """'General Assembly resolution 70/126 of 17 December 2015' and ', para. 5' for a paragraph."""
    text = f"{cited.body_name} resolution {cited.number}"
    if cited.adopted_on:
        text += f" of {long_date(cited.adopted_on)}"
    return f"{text}, {cited.label}" if cited.key else text


def oscola(cited: Cited) -> str:
    """'UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126, para 5'."""
    body = OSCOLA_BODIES.get(cited.body_code, cited.body_code)
    dated = f" ({long_date(cited.adopted_on)})" if cited.adopted_on else ""
    text = f"{body} Res {cited.number}{dated} UN Doc {cited.symbol}"
    pinpoint = _pinpoint(cited.key, paragraph="para", preamble="preambular para ", separator=", ")
    return f"{text}, {pinpoint}" if pinpoint else text


def bluebook(cited: Cited) -> str:
    """'G.A. Res. 70/126, ¶ 5 (Dec. 17, 2015)'."""
    body = BLUEBOOK_BODIES.get(cited.body_code, cited.body_code)
    text = f"{body} Res. {cited.number}"
    pinpoint = _pinpoint(cited.key, paragraph="¶", preamble="pmbl. ¶ ", separator=" ")
    if pinpoint:
        text += f", {pinpoint}"
    day = cited.adopted_on
    return f"{text} ({BLUEBOOK_MONTHS[day.month - 1]} {day.day}, {day.year})" if day else text


def _pinpoint(key: str, *, paragraph: str, preamble: str, separator: str) -> str:
    """A paragraph in a style's words: 'para 5' / '¶ 5', the preamble's and an annex's in theirs."""
    parts = key_parts(key) if key else None
    if parts is None:
        return f"{paragraph} {key}" if key else ""
    number = parts.number + _sub_numbers(parts)
    if parts.kind == "pp":
        shown = f"{preamble}{number}"
    elif parts.kind == "p":
        shown = f"unnumbered {paragraph} {number}"
    else:
        shown = f"{paragraph} {number}"
    return f"{parts.where}{separator}{shown}" if parts.where else shown


def _sub_numbers(parts: KeyParts) -> str:
    """'(d)', '(a)(ii)' as the styles print them, close to the number."""
    return "".join(f"({value})" for value in (parts.letter, parts.item) if value)


STYLES = {"un": ("UN style", un_style), "oscola": ("OSCOLA", oscola), "bluebook": ("Bluebook", bluebook)}


# --- UN style in the other official languages ---------------------------------------------------------------
#
# As the UN's editorial manuals of each language cite a resolution (the body's name in the grammatical form the
# phrase needs, the date as that language prints it, the paragraph in its words):
#   fr  résolution 70/126 de l’Assemblée générale en date du 17 décembre 2015, par. 5
#   es  resolución 70/126 de la Asamblea General, de 17 de diciembre de 2015, párr. 5
#   ru  резолюция 70/126 Генеральной Ассамблеи от 17 декабря 2015 года, пункт 5
#   ar  قرار الجمعية العامة 70/126 المؤرخ 17 كانون الأول/ديسمبر 2015، الفقرة 5
#   zh  大会2015年12月17日第70/126号决议，第5段
# Month names come from the language's rules (``resolutions.reference.languages``).


@dataclass(frozen=True)
class UnStyleWords:
    bodies: dict[str, str]  # body code -> its name as the citation prints it
    resolution: str  # '{body}', '{number}' and '{date}' ('' when undated) in place
    dated: str  # '{day}', '{month}', '{year}' in place; the date phrase with its words
    paragraph: str  # '{number}': an operative (or unnumbered) paragraph
    preambular: str  # '{number}': a preambular paragraph
    annex: str  # the word for an annex
    separator: str  # between the resolution and its paragraph


UN_STYLE_WORDS = {
    "fr": UnStyleWords(
        bodies={
            "GA": "de l’Assemblée générale",
            "ECOSOC": "du Conseil économique et social",
            "HRC": "du Conseil des droits de l’homme",
            "SC": "du Conseil de sécurité",
        },
        resolution="résolution {number} {body}{date}",
        dated=" en date du {day} {month} {year}",
        paragraph="par. {number}",
        preambular="alinéa {number} du préambule",
        annex="annexe",
        separator=", ",
    ),
    "es": UnStyleWords(
        bodies={
            "GA": "de la Asamblea General",
            "ECOSOC": "del Consejo Económico y Social",
            "HRC": "del Consejo de Derechos Humanos",
            "SC": "del Consejo de Seguridad",
        },
        resolution="resolución {number} {body}{date}",
        dated=", de {day} de {month} de {year}",
        paragraph="párr. {number}",
        preambular="párrafo {number} del preámbulo",
        annex="anexo",
        separator=", ",
    ),
    "ru": UnStyleWords(
        bodies={
            "GA": "Генеральной Ассамблеи",
            "ECOSOC": "Экономического и Социального Совета",
            "HRC": "Совета по правам человека",
            "SC": "Совета Безопасности",
        },
        resolution="резолюция {number} {body}{date}",
        dated=" от {day} {month} {year} года",
        paragraph="пункт {number}",
        preambular="пункт {number} преамбулы",
        annex="приложение",
        separator=", ",
    ),
    "ar": UnStyleWords(
        bodies={
            "GA": "الجمعية العامة",
            "ECOSOC": "المجلس الاقتصادي والاجتماعي",
            "HRC": "مجلس حقوق الإنسان",
            "SC": "مجلس الأمن",
        },
        resolution="قرار {body} {number}{date}",
        dated=" المؤرخ {day} {month} {year}",
        paragraph="الفقرة {number}",
        preambular="الفقرة {number} من الديباجة",
        annex="المرفق",
        separator="، ",
    ),
    "zh": UnStyleWords(
        bodies={"GA": "大会", "ECOSOC": "经济及社会理事会", "HRC": "人权理事会", "SC": "安全理事会"},
        resolution="{body}{date}第{number}号决议",
        dated="{year}年{month}月{day}日",
        paragraph="第{number}段",
        preambular="序言部分第{number}段",
        annex="附件",
        separator="，",
    ),
}


def un_style_in(cited: Cited, language: str) -> str:
    """The UN-style citation of ``cited`` as the UN writes it in ``language`` ('en', 'fr', … 'zh')."""
    from resolutions.reference.languages.registry import registered_codes

    if language == "en" or language not in UN_STYLE_WORDS or language not in registered_codes():
        return un_style(cited)  # a language whose rules (month names) the archive does not have: English
    from resolutions.reference.languages.registry import language_for

    words = UN_STYLE_WORDS[language]
    body = words.bodies.get(cited.body_code, cited.body_name)
    date = ""
    day = cited.adopted_on
    if day:
        month = str(day.month) if language == "zh" else language_for(language).month_names[day.month - 1]
        date = words.dated.format(day=day.day, month=month, year=day.year)
    text = words.resolution.format(number=cited.number, body=body, date=date)
    if not cited.key:
        return text
    return text + words.separator + _pinpoint_in(cited.key, words)


def _pinpoint_in(key: str, words: UnStyleWords) -> str:
    parts = key_parts(key)
    if parts is None:
        return words.paragraph.format(number=key)
    number = parts.number + _sub_numbers(parts)
    shown = (words.preambular if parts.kind == "pp" else words.paragraph).format(number=number)
    if not parts.where:
        return shown
    where = parts.where.replace("annex", words.annex, 1) if parts.where.startswith("annex") else parts.where
    return f"{where}{words.separator}{shown}"
