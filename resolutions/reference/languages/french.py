"""French, as the UN prints its resolutions: "Résolution adoptée par l’Assemblée générale le 15 décembre 2025",
"Rappelant", "Prie", sub-paragraphs lettered "a)"."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language, UnStyleWords, date_line, resolution_number_line
from resolutions.reference.languages.registry import register

APOSTROPHE = "[’']"


@register
class French(Language):
    code = "fr"
    bibliographic_code = "fra"
    name = "French"
    direction = "ltr"
    month_names = (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    )
    date_pattern = rf"(\d{{1,2}})(?:er)? ({'|'.join(month_names)}) (\d{{4}})"
    foreign_script_reason = "not in the Latin script of a French text"
    foreign_letter_re = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F\u1E00-\u1EFF]")

    session_re = re.compile(r"^[A-ZÉ][\w‑-]+ session(?: extraordinaire| extraordinaire d’urgence)?$")
    agenda_re = re.compile(
        rf"^Points? (?P<item>\d+(?: ?[a-z]\))?(?:(?:, | et )\d+(?: ?[a-z]\))?)*) de l{APOSTROPHE}ordre du jour$"
    )
    furniture_lines = {
        "nations unies",
        "distr. générale",
        "distr. limitée",
        "assemblée générale",
        "conseil économique et social",
    }
    adopted_re = re.compile(
        rf"^Résolution adoptée par (?:l{APOSTROPHE}|le )(?P<body>[A-ZÉ][\w ,’'-]+?) le (?P<date>\d{{1,2}}(?:er)? \w+ \d{{4}})\.?$"
    )
    report_re = re.compile(
        r"^\[sur (?:la base du|le) rapports? de la (?P<committee>[A-ZÉ][\w ,’'-]+?) \((?P<report>[^)]+)\)\]$"
    )
    no_committee_re = re.compile(r"^\[sans renvoi à une grande commission \((?P<draft>[^)]+)\)\]$")
    meeting_re = re.compile(r"^(?P<meeting>\d+e séance(?: plénière)?)(?: (?P<date>" + date_pattern + r"))?\.?$")
    date_line_re = date_line(date_pattern)
    resolution_number_re = resolution_number_line("Résolution ")
    body_line_re = re.compile(rf"^(?:L{APOSTROPHE}|Le )(?P<name>[A-ZÉ][\w ,’'-]+?),?$")
    annex_re = re.compile(r"^(?:Annexe|ANNEXE)(?: (?P<numeral>[IVXL]+))?$")
    ods_cover_re = re.compile(
        r"^Nations Unies\s*(?P<symbol>\S+?)\s*(?P<body>Assemblée générale|Conseil économique et social)"
    )
    cover_end_re = re.compile(r"^\s*Résolution adoptée par\b")
    cover_field_re = re.compile(
        r"^\s*(?:Distr\.|Nations Unies|Assemblée générale|Conseil économique et social|[A-ZÉ][\w‑-]+ session$)"
    )
    opening_line_re = re.compile(
        rf"^\W*(?:L{APOSTROPHE}|Le )(?:Assemblée générale|Conseil économique et social|Conseil de sécurité),", re.M
    )
    held_body_line_re = re.compile(
        rf"^\W*(?:L{APOSTROPHE}|Le )(?:Assemblée générale|Conseil économique et social|Conseil de sécurité),?\W*$",
        re.M | re.I,
    )
    body_names = {"assemblée générale": "GA", "conseil économique et social": "ECOSOC", "conseil de sécurité": "SC"}

    agenda_label_re = re.compile(rf"^Points?\s+|\s*de l{APOSTROPHE}ordre du jour$", re.I)
    committee_res = (
        re.compile(
            r"\[?sur (?:la base du|le) rapport de la "
            r"((?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième) Commission|Commission [\w ]+?)\b(?= \(|\])"
        ),
    )
    committee_names = {
        "première commission": "First Committee",
        "deuxième commission": "Second Committee",
        "troisième commission": "Third Committee",
        "quatrième commission": "Fourth Committee",
        "cinquième commission": "Fifth Committee",
        "sixième commission": "Sixth Committee",
        "commission des questions politiques spéciales et de la décolonisation": "Fourth Committee",
    }
    on_report_re = re.compile(r"sur (?:la base du|le) rapport", re.I)
    no_committee_phrase_re = re.compile(r"sans renvoi à une grande commission", re.I)
    meeting_word_re = re.compile(r"séance")

    section_names = {
        "Annexe": ("annex", 0),
        "Appendice": ("appendix", 0),
        "Partie": ("part", 1),
        "Chapitre": ("chapter", 1),
        "Article": ("article", 4),
        "Règle": ("rule", 4),
        "Section": ("section", 4),
        "Directive": ("guideline", 4),
        "Principe": ("principle", 4),
        "Conclusion": ("conclusion", 4),
    }
    draft_word = "Projet d’"
    number_words = ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")

    item_re = re.compile(r"^\(?([a-z]{1,2}|[ivxlc]+)\)\.?$")
    leading_number_re = re.compile(r"^(?:(\d{1,3})\.|\(?([a-z]{1,2}|[ivxlc]+)\))\s+")
    preambular_phrases = (
        "Rappelant",
        "Réaffirmant",
        "Consciente",
        "Considérant",
        "Soulignant",
        "Constatant",
        "Se félicitant",
        "Sachant",
        "Notant",
        "Prenant note",
        "Prenant acte",
        "Estimant",
        "Saluant",
        "Préoccupée",
        "Vivement préoccupée",
        "Profondément préoccupée",
        "Gravement préoccupée",
        "Réitérant",
        "Mesurant",
        "Convenant",
        "Se déclarant",
        "Reconnaissant",
        "Ayant examiné",
        "Tenant compte",
        "Ayant à l’esprit",
        "Convaincue",
        "Résolue",
        "Soucieuse",
        "Alarmée",
        "Guidée",
        "Insistant",
        "Affirmant",
        "Accueillant",
        "Exprimant",
        "Déplorant",
        "Condamnant",
        "Encourageant",
        "Sachant gré",
        "Rendant hommage",
        "Préoccupée",
        "Déterminée",
        "Désireuse",
        "Inquiète",
        "Observant",
        "Considérant",
    )
    operative_phrases = (
        "Encourage",
        "Souligne",
        "Réaffirme",
        "Invite",
        "Demande",
        "Prie",
        "Exhorte",
        "Engage",
        "Considère",
        "Décide",
        "Se félicite",
        "Prend note",
        "Prend acte",
        "Sait",
        "Recommande",
        "Insiste",
        "Constate",
        "Se dit",
        "Est consciente",
        "Affirme",
        "Apprécie",
        "Rappelle",
        "Reconnaît",
        "Estime",
        "Convient",
        "Confirme",
        "Exprime",
        "Préconise",
        "Note",
        "Salue",
        "Appelle",
        "A conscience",
        "Se déclare",
        "Accueille",
        "Félicite",
        "Adopte",
        "Approuve",
        "Condamne",
        "Déplore",
        "Charge",
        "Autorise",
        "Proclame",
        "Réitère",
        "Remercie",
        "Rend hommage",
        "Soutient",
        "Appuie",
        "Lance un appel",
        "Redit",
    )
    phrase_modifiers = (
        "également",
        "en outre",
        "de nouveau",
        "aussi",
        "vivement",
        "instamment",
        "avec satisfaction",
        "avec préoccupation",
        "avec inquiétude",
        "avec intérêt",
        "avec une profonde préoccupation",
        "avec une vive préoccupation",
        "résolument favorable",
        "consciente",
        "vivement préoccupée",
        "préoccupée",
        "sa gratitude",
        "sa préoccupation",
        "l’attention",
        "par ailleurs",
        "enfin",
    )

    phrase_adverbs: set[str] = set()
    phrase_adjectives: set[str] = set()
    phrase_not_verbs: set[str] = set()
    not_base_verbs: set[str] = set()
    emotion_nouns = emotion_adjectives = stance_nouns = stance_adjectives = r"(?!)"
    phrase_continuations: list = []
    word_endings: set[str] = set()
    not_before_marker = {
        "paragraphe",
        "paragraphes",
        "par",
        "point",
        "points",
        "article",
        "articles",
        "résolution",
        "résolutions",
        "annexe",
        "chapitre",
        "section",
        "no",
        "nos",
        "session",
        "sessions",
    }
    abbreviations = {"no", "nos", "par", "art", "chap", "vol", "p", "pp", "al", "sect"}
    not_after_marker = {"%", "–", "/", ".", "ans", "pour"} | set(month_names)
    running_header_words = {"de", "du", "des", "la", "le", "les", "et", "à", "en", "l’", "d’"}
    un_style_words = UnStyleWords(
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
    )
