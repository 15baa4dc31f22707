"""Spanish, as the UN prints its resolutions: "Resolución aprobada por la Asamblea General el 15 de diciembre de
2025", "Recordando", "Insta", sub-paragraphs lettered "a)"."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language, UnStyleWords, date_line, resolution_number_line
from resolutions.reference.languages.registry import register


@register
class Spanish(Language):
    code = "es"
    bibliographic_code = "spa"
    name = "Spanish"
    direction = "ltr"
    month_names = (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    )
    date_pattern = rf"(\d{{1,2}}) de ({'|'.join(month_names)}) de (\d{{4}})"
    foreign_script_reason = "not in the Latin script of a Spanish text"
    foreign_letter_re = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F\u1E00-\u1EFF]")

    session_re = re.compile(r"^[A-ZÁÉÍÓÚ][\w ]+ período (?:extraordinario |extraordinario de emergencia )?de sesiones$")
    agenda_re = re.compile(r"^Temas? (?P<item>\d+(?: ?[a-z]\))?(?:(?:, | y )\d+(?: ?[a-z]\))?)*) del programa$")
    furniture_lines = {
        "naciones unidas",
        "distr. general",
        "distr. limitada",
        "asamblea general",
        "consejo económico y social",
    }
    adopted_re = re.compile(
        r"^Resolución aprobada por (?:la |el )(?P<body>[A-ZÁÉÍÓÚ][\w ,’'-]+?) el (?P<date>\d{1,2} de \w+ de \d{4})\.?$"
    )
    report_re = re.compile(
        r"^\[sobre la base del informes? de la (?P<committee>[A-ZÁÉÍÓÚ][\w ,’'-]+?) \((?P<report>[^)]+)\)\]$"
    )
    no_committee_re = re.compile(r"^\[sin remisión previa a una Comisión Principal \((?P<draft>[^)]+)\)\]$")
    meeting_re = re.compile(r"^(?P<meeting>\d+a sesión(?: plenaria)?)(?: (?P<date>" + date_pattern + r"))?\.?$")
    date_line_re = date_line(date_pattern)
    resolution_number_re = resolution_number_line("Resolución ")
    body_line_re = re.compile(r"^(?:La |El )(?P<name>[A-ZÁÉÍÓÚ][\w ,’'-]+?),?$")
    annex_re = re.compile(r"^(?:Anexo|ANEXO)(?: (?P<numeral>[IVXL]+))?$")
    ods_cover_re = re.compile(
        r"^Naciones Unidas\s*(?P<symbol>\S+?)\s*(?P<body>Asamblea General|Consejo Económico y Social)"
    )
    cover_end_re = re.compile(r"^\s*Resolución aprobada por\b")
    cover_field_re = re.compile(
        r"^\s*(?:Distr\.|Naciones Unidas|Asamblea General|Consejo Económico y Social|[A-ZÁÉÍÓÚ][\w ]+ período .*de sesiones$)"
    )
    opening_line_re = re.compile(
        r"^\W*(?:La |El )(?:Asamblea General|Consejo Económico y Social|Consejo de Seguridad),", re.M
    )
    held_body_line_re = re.compile(
        r"^\W*(?:La |El )(?:Asamblea General|Consejo Económico y Social|Consejo de Seguridad),?\W*$", re.M | re.I
    )
    body_names = {"asamblea general": "GA", "consejo económico y social": "ECOSOC", "consejo de seguridad": "SC"}

    agenda_label_re = re.compile(r"^Temas?\s+|\s*del programa$", re.I)
    committee_res = (
        re.compile(
            r"informe de la ((?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta) Comisión|Comisión [\w ]+?)\b(?= \(|\])"
        ),
    )
    committee_names = {
        "primera comisión": "First Committee",
        "segunda comisión": "Second Committee",
        "tercera comisión": "Third Committee",
        "cuarta comisión": "Fourth Committee",
        "quinta comisión": "Fifth Committee",
        "sexta comisión": "Sixth Committee",
        "comisión política especial y de descolonización": "Fourth Committee",
    }
    on_report_re = re.compile(r"sobre la base del informe", re.I)
    no_committee_phrase_re = re.compile(r"sin remisión previa a una Comisión Principal", re.I)
    meeting_word_re = re.compile(r"sesión")

    section_names = {
        "Anexo": ("annex", 0),
        "Apéndice": ("appendix", 0),
        "Parte": ("part", 1),
        "Capítulo": ("chapter", 1),
        "Artículo": ("article", 4),
        "Regla": ("rule", 4),
        "Sección": ("section", 4),
        "Directriz": ("guideline", 4),
        "Principio": ("principle", 4),
        "Conclusión": ("conclusion", 4),
    }
    draft_word = "Proyecto de"
    number_words = ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez")

    leading_number_re = re.compile(r"^(?:(\d{1,3})\.|\(?([a-z]{1,2}|[ivxlc]+)\))\s+")
    preambular_phrases = (
        "Reconociendo",
        "Recordando",
        "Reafirmando",
        "Acogiendo con beneplácito",
        "Preocupada",
        "Destacando",
        "Observando",
        "Tomando nota",
        "Expresando",
        "Afirmando",
        "Reiterando",
        "Poniendo de relieve",
        "Subrayando",
        "Haciendo notar",
        "Consciente",
        "Recalcando",
        "Teniendo presente",
        "Teniendo en cuenta",
        "Considerando",
        "Convencida",
        "Decidida",
        "Alarmada",
        "Profundamente preocupada",
        "Gravemente preocupada",
        "Habiendo examinado",
        "Guiada",
        "Deseosa",
        "Resuelta",
        "Señalando",
        "Celebrando",
        "Acogiendo",
        "Encomiando",
        "Lamentando",
        "Condenando",
        "Alentando",
        "Insistiendo",
    )
    operative_phrases = (
        "Alienta",
        "Reconoce",
        "Exhorta",
        "Insta",
        "Invita",
        "Reafirma",
        "Solicita",
        "Destaca",
        "Pone de relieve",
        "Acoge con beneplácito",
        "Decide",
        "Toma nota",
        "Recomienda",
        "Reitera",
        "Subraya",
        "Recuerda",
        "Observa",
        "Expresa",
        "Afirma",
        "Reconfirma",
        "Encomia",
        "Pide",
        "Señala",
        "Aprueba",
        "Condena",
        "Deplora",
        "Acoge",
        "Apoya",
        "Autoriza",
        "Proclama",
        "Celebra",
        "Considera",
        "Hace notar",
        "Alienta",
    )
    phrase_modifiers = (
        "también",
        "además",
        "nuevamente",
        "una vez más",
        "encarecidamente",
        "con aprecio",
        "con preocupación",
        "con profunda preocupación",
        "con alarma",
        "con satisfacción",
        "con beneplácito",
        "preocupación",
        "grave preocupación",
        "profunda preocupación",
        "reconocimiento",
        "a la atención",
        "de relieve",
    )

    phrase_adverbs: set[str] = set()
    phrase_adjectives: set[str] = set()
    phrase_not_verbs: set[str] = set()
    not_base_verbs: set[str] = set()
    emotion_nouns = emotion_adjectives = stance_nouns = stance_adjectives = r"(?!)"
    phrase_continuations: list = []
    word_endings: set[str] = set()
    not_before_marker = {
        "párrafo",
        "párrafos",
        "párr",
        "artículo",
        "artículos",
        "resolución",
        "resoluciones",
        "anexo",
        "capítulo",
        "sección",
        "núm",
        "tema",
        "temas",
        "período",
    }
    abbreviations = {"núm", "párr", "párrs", "art", "cap", "vol", "pág", "págs", "secc"}
    not_after_marker = {"%", "–", "/", ".", "años", "de"} | set(month_names)
    running_header_words = {"de", "del", "la", "el", "los", "las", "y", "en", "a"}
    un_style_words = UnStyleWords(
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
    )
