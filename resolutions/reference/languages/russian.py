"""Russian, as the UN prints its resolutions: "Резолюция, принятая Генеральной Ассамблеей 15 декабря 2025 года",
"Ссылаясь", operative verbs in lower case ("постановляет"), sub-paragraphs lettered "a)"."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language, UnStyleWords, date_line, resolution_number_line
from resolutions.reference.languages.registry import register


@register
class Russian(Language):
    code = "ru"
    bibliographic_code = "rus"
    name = "Russian"
    direction = "ltr"
    # The genitive, as dates print them: "15 декабря 2025 года"
    month_names = (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    )
    date_pattern = rf"(\d{{1,2}}) ({'|'.join(month_names)}) (\d{{4}})(?: года| г\.)?"
    foreign_script_reason = "not in the Cyrillic script of a Russian text"
    foreign_letter_re = re.compile(r"[^\W\d_a-zA-Z\u0400-\u04FF]")

    session_re = re.compile(r"^[А-ЯЁ][\w‑-]+ (?:специальная |чрезвычайная специальная )?сессия$")
    agenda_re = re.compile(r"^Пункты? (?P<item>\d+(?: ?[a-z]\))?(?:(?:, | и )\d+(?: ?[a-z]\))?)*) повестки дня$")
    furniture_lines = {
        "организация объединенных наций",
        "distr.: general",
        "distr. general",
        "генеральная ассамблея",
        "экономический и социальный совет",
    }
    adopted_re = re.compile(r"^Резолюция, принятая (?P<body>[А-ЯЁ][\w ,’'-]+?) (?P<date>\d{1,2} \w+ \d{4}) года\.?$")
    report_re = re.compile(r"^\[по докладу (?P<committee>[А-ЯЁ][\w ,’'-]+?) \((?P<report>[^)]+)\)\]$")
    no_committee_re = re.compile(r"^\[без передачи в главный комитет \((?P<draft>[^)]+)\)\]$")
    meeting_re = re.compile(r"^(?P<meeting>\d+[‑-]е (?:пленарное )?заседание)(?: (?P<date>" + date_pattern + r"))?\.?$")
    date_line_re = date_line(date_pattern)
    resolution_number_re = resolution_number_line("Резолюция ")
    body_line_re = re.compile(
        r"^(?P<name>Генеральная Ассамблея|Экономический и Социальный Совет|Совет Безопасности),?$"
    )
    annex_re = re.compile(r"^(?:Приложение|ПРИЛОЖЕНИЕ)(?: (?P<numeral>[IVXL]+))?$")
    ods_cover_re = re.compile(
        r"^Организация Объединенных Наций\s*(?P<symbol>\S+?)\s*(?P<body>Генеральная Ассамблея|Экономический и Социальный Совет)"
    )
    cover_end_re = re.compile(r"^\s*Резолюция, принятая\b")
    cover_field_re = re.compile(
        r"^\s*(?:Distr\.|Организация Объединенных Наций|Генеральная Ассамблея|Экономический и Социальный Совет"
        r"|[А-ЯЁ][\w‑-]+ сессия$)"
    )
    opening_line_re = re.compile(
        r"^\W*(?:Генеральная Ассамблея|Экономический и Социальный Совет|Совет Безопасности),", re.M
    )
    held_body_line_re = re.compile(
        r"^\W*(?:Генеральная Ассамблея|Экономический и Социальный Совет|Совет Безопасности),?\W*$", re.M | re.I
    )
    body_names = {
        "генеральная ассамблея": "GA",
        "генеральной ассамблеей": "GA",
        "экономический и социальный совет": "ECOSOC",
        "экономическим и социальным советом": "ECOSOC",
        "совет безопасности": "SC",
        "советом безопасности": "SC",
    }

    agenda_label_re = re.compile(r"^Пункты?\s+|\s*повестки дня$", re.I)
    committee_res = (re.compile(r"по докладу ((?:Первого|Второго|Третьего|Четвертого|Пятого|Шестого) комитета)"),)
    committee_names = {
        "первого комитета": "First Committee",
        "второго комитета": "Second Committee",
        "третьего комитета": "Third Committee",
        "четвертого комитета": "Fourth Committee",
        "пятого комитета": "Fifth Committee",
        "шестого комитета": "Sixth Committee",
    }
    on_report_re = re.compile(r"по докладу", re.I)
    no_committee_phrase_re = re.compile(r"без передачи в главный комитет", re.I)
    meeting_word_re = re.compile(r"заседание")

    section_names = {
        "Приложение": ("annex", 0),
        "Добавление": ("appendix", 0),
        "Часть": ("part", 1),
        "Глава": ("chapter", 1),
        "Статья": ("article", 4),
        "Правило": ("rule", 4),
        "Раздел": ("section", 4),
        "Руководящее положение": ("guideline", 4),
        "Принцип": ("principle", 4),
        "Вывод": ("conclusion", 4),
    }
    draft_word = "Проект"
    number_words = ("один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять")

    # Russian letters its lists when not Latin: а) б) в) г) д) е) ж) з) и) к)…
    item_re = re.compile(r"^\(?([a-z]{1,2}|[ivxlc]+|[абвгдежзиклмнопрстуфхцчшщэюя])\)\.?$")
    item_letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    leading_number_re = re.compile(r"^(?:(\d{1,3})\.|\(?([a-z]{1,2}|[ivxlc]+)\))\s+")
    preambular_phrases = (
        "признавая",
        "подтверждая",
        "ссылаясь",
        "учитывая",
        "приветствуя",
        "напоминая",
        "подчеркивая",
        "отмечая",
        "будучи глубоко обеспокоена",
        "будучи обеспокоена",
        "будучи глубоко озабочена",
        "будучи озабочена",
        "будучи убеждена",
        "будучи преисполнена решимости",
        "констатируя",
        "принимая к сведению",
        "принимая во внимание",
        "выражая",
        "памятуя",
        "сознавая",
        "считая",
        "рассмотрев",
        "руководствуясь",
        "вновь подтверждая",
        "особо отмечая",
        "с озабоченностью отмечая",
        "с удовлетворением отмечая",
        "с обеспокоенностью отмечая",
        "с признательностью принимая к сведению",
        "с тревогой отмечая",
        "осуждая",
        "поощряя",
        "настоятельно призывая",
        "желая",
        "выражая обеспокоенность",
    )
    operative_phrases = (
        "рекомендует",
        "призывает",
        "настоятельно призывает",
        "подчеркивает",
        "предлагает",
        "просит",
        "подтверждает",
        "признает",
        "учитывает",
        "постановляет",
        "отмечает",
        "приветствует",
        "принимает к сведению",
        "вновь заявляет",
        "особо отмечает",
        "вновь подтверждает",
        "с признательностью принимает к сведению",
        "с удовлетворением отмечает",
        "принимает во внимание",
        "считает",
        "обращает особое внимание",
        "с удовлетворением принимает к сведению",
        "напоминает",
        "выражает",
        "с признательностью отмечает",
        "высоко оценивает",
        "высказывается",
        "с озабоченностью отмечает",
        "привлекает внимание",
        "поручает",
        "поддерживает",
        "приглашает",
        "дает положительную оценку",
        "принимает",
        "ссылается",
        "утверждает",
        "осуждает",
        "одобряет",
        "провозглашает",
        "заявляет",
    )
    phrase_modifiers = ("также", "далее", "вновь", "вновь настоятельно", "особо", "настоятельно")

    phrase_adverbs: set[str] = set()
    phrase_adjectives: set[str] = set()
    phrase_not_verbs: set[str] = set()
    not_base_verbs: set[str] = set()
    emotion_nouns = emotion_adjectives = stance_nouns = stance_adjectives = r"(?!)"
    phrase_continuations: list = []
    word_endings: set[str] = set()
    not_before_marker = {
        "пункт",
        "пункта",
        "пункты",
        "пунктов",
        "статья",
        "статьи",
        "резолюция",
        "резолюции",
        "приложение",
        "глава",
        "раздел",
        "№",
        "сессии",
    }
    abbreviations = {"п", "пп", "ст", "гл", "т", "см", "стр", "с", "г"}
    not_after_marker = {"%", "–", "/", ".", "лет", "года", "год"} | set(month_names)
    running_header_words = {"и", "в", "на", "по", "для", "с", "о", "об"}
    un_style_words = UnStyleWords(
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
    )
