"""Citations written out as people put them in a text: UN style, OSCOLA, and a Bluebook-like style.

- UN style (the UN Editorial Manual): 'General Assembly resolution 70/126 of 17 December 2015, para. 5';
- OSCOLA (4th edition, UN documents): 'UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126, para 5';
- Bluebook-like (rule 21.7.2): 'G.A. Res. 70/126, ¶ 5 (Dec. 17, 2015)'.

A pinpoint follows each style's own words: OSCOLA 'preambular para 3', 'annex, para 2(d)'; Bluebook
'pmbl. ¶ 3', 'annex ¶ 2(d)'.
"""

from __future__ import annotations

import datetime as dt

from resolutions.exports.cited import Cited
from resolutions.reference.dates import ENGLISH
from resolutions.reference.languages.base import UnStyleWords
from resolutions.reference.languages.registry import language_for, registered_codes
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
# As the UN's editorial manuals of each language cite a resolution; the words are each language's
# (``Language.un_style_words`` in ``resolutions.reference.languages``), with its month names.


def un_style_in(cited: Cited, language: str) -> str:
    """The UN-style citation of ``cited`` as the UN writes it in ``language`` ('en', 'fr', … 'zh')."""
    rules = language_for(language) if language in registered_codes() else None
    words = rules.un_style_words if rules is not None else None
    if words is None:
        return un_style(cited)  # English, or a language whose citation wording the archive does not have
    body = words.bodies.get(cited.body_code, cited.body_name)
    date = ""
    day = cited.adopted_on
    if day:
        month = str(day.month) if words.month_as_number else rules.month_names[day.month - 1]
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
