"""Arabic, as the UN prints its resolutions, right to left: "قرار اتخذته الجمعية العامة في 15 كانون الأول/ديسمبر
2025", "إذ تشير", paragraphs numbered "1 -", sub-paragraphs lettered in the abjad order "(أ)", "(ب)"."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language, UnStyleWords, date_line, resolution_number_line
from resolutions.reference.languages.registry import register

ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"  # the order of lettered items: (أ) (ب) (ج) (د) (هـ) (و)…


@register
class Arabic(Language):
    code = "ar"
    bibliographic_code = "ara"
    name = "Arabic"
    direction = "rtl"
    month_names = (
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    )
    date_pattern = rf"(\d{{1,2}}) ({'|'.join(month_names)}) (\d{{4}})"
    foreign_script_reason = "not in the Arabic script of an Arabic text"
    foreign_letter_re = re.compile(r"[^\W\d_a-zA-Z\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")

    session_re = re.compile(r"^الدورة (?:الاستثنائية )?[\u0600-\u06FF ]+$")
    agenda_re = re.compile(
        r"^(?:البنود|البند) (?P<item>\d+(?: ?\([\u0600-\u06FF]ـ?\))?(?:(?:، | و)\d+(?: ?\([\u0600-\u06FF]ـ?\))?)*)"
        r" من جدول الأعمال$"
    )
    furniture_lines = {
        "الأمم المتحدة",
        "الجمعية العامة",
        "المجلس الاقتصادي والاجتماعي",
        "distr.: general",
        "distr. general",
    }
    adopted_re = re.compile(
        r"^قرار اتخذته? (?P<body>الجمعية العامة|المجلس الاقتصادي والاجتماعي|مجلس الأمن) في "
        r"(?P<date>\d{1,2} [\u0600-\u06FF ]+/[\u0600-\u06FF]+ \d{4})\.?$"
    )
    report_re = re.compile(r"^\[بناء على تقرير (?P<committee>[\u0600-\u06FF ]+?) \((?P<report>[^)]+)\)\]$")
    no_committee_re = re.compile(r"^\[دون الإحالة إلى لجنة رئيسية \((?P<draft>[^)]+)\)\]$")
    meeting_re = re.compile(r"^(?P<meeting>الجلسة (?:العامة )?\d+)(?: (?P<date>" + date_pattern + r"))?\.?$")
    date_line_re = date_line(date_pattern)
    resolution_number_re = resolution_number_line("القرار ", alone_end=r" ?[-.]")
    body_line_re = re.compile(r"^(?:إن )?(?P<name>الجمعية العامة|المجلس الاقتصادي والاجتماعي|مجلس الأمن)[،,]?$")
    annex_re = re.compile(r"^المرفق(?: (?P<numeral>[IVXL]+|الأول|الثاني|الثالث))?$")
    ods_cover_re = re.compile(
        r"^الأمم المتحدة\s*(?P<symbol>\S+?)\s*(?P<body>الجمعية العامة|المجلس الاقتصادي والاجتماعي)"
    )
    cover_end_re = re.compile(r"^\s*قرار اتخذته?\b")
    cover_field_re = re.compile(
        r"^\s*(?:Distr\.|الأمم المتحدة|الجمعية العامة|المجلس الاقتصادي والاجتماعي|الدورة [\u0600-\u06FF ]+$)"
    )
    opening_line_re = re.compile(r"^\W*(?:إن )?(?:الجمعية العامة|المجلس الاقتصادي والاجتماعي|مجلس الأمن)[،,]", re.M)
    held_body_line_re = re.compile(
        r"^\W*(?:إن )?(?:الجمعية العامة|المجلس الاقتصادي والاجتماعي|مجلس الأمن)[،,]?\W*$", re.M
    )
    body_names = {"الجمعية العامة": "GA", "المجلس الاقتصادي والاجتماعي": "ECOSOC", "مجلس الأمن": "SC"}

    agenda_label_re = re.compile(r"^(?:البنود|البند)\s+|\s*من جدول الأعمال$")
    committee_res = (re.compile(r"تقرير (اللجنة (?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة))"),)
    committee_names = {
        "اللجنة الأولى": "First Committee",
        "اللجنة الثانية": "Second Committee",
        "اللجنة الثالثة": "Third Committee",
        "اللجنة الرابعة": "Fourth Committee",
        "اللجنة الخامسة": "Fifth Committee",
        "اللجنة السادسة": "Sixth Committee",
    }
    on_report_re = re.compile(r"بناء على تقرير")
    no_committee_phrase_re = re.compile(r"دون الإحالة إلى لجنة رئيسية")
    meeting_word_re = re.compile(r"الجلسة")

    section_names = {
        "المرفق": ("annex", 0),
        "التذييل": ("appendix", 0),
        "الجزء": ("part", 1),
        "الفصل": ("chapter", 1),
        "المادة": ("article", 4),
        "القاعدة": ("rule", 4),
        "الفرع": ("section", 4),
        "المبدأ التوجيهي": ("guideline", 4),
        "المبدأ": ("principle", 4),
        "الاستنتاج": ("conclusion", 4),
    }
    draft_word = "مشروع"
    number_words = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")

    item_re = re.compile(rf"^\(([{ABJAD}])ـ?\)\.?$")
    item_letters = ABJAD
    roman_item_re = re.compile(r"^[’‘'](\d+)[’‘']$")  # ’1‘, ’2‘: the roman items (i), (ii) of the other languages
    leading_number_re = re.compile(rf"^(?:(\d{{1,3}})\s*[-–]|\(([{ABJAD}])ـ?\)|[’‘'](\d+)[’‘'])\s+")
    preambular_phrases = (
        "إذ تشير",
        "إذ تسلم",
        "إذ تسلّم",
        "إذ ترحب",
        "إذ تؤكد من جديد",
        "إذ تؤكد مجددا",
        "إذ تؤكد",
        "إذ تعيد تأكيد",
        "إذ تعترف",
        "إذ تقر",
        "إذ تلاحظ",
        "إذ تشدد",
        "إذ تحيط علما",
        "إذ تعرب عن",
        "إذ تكرر تأكيد",
        "إذ تضع في اعتبارها",
        "إذ تدرك",
        "إذ يساورها بالغ القلق",
        "إذ يساورها القلق العميق",
        "إذ يساورها القلق",
        "إذ تضع في اعتبارها",
        "إذ تأخذ في اعتبارها",
        "إذ تعي",
        "إذ تدين",
        "إذ تثني",
        "إذ تقدر",
        "إذ تنوه",
        "إذ تسترشد",
        "إذ تعتبر",
        "إذ ترى",
        "إذ هي مقتنعة",
        "إذ تضع في الاعتبار",
        "إذ تحيط علماً",
        "إذ تكرر",
        "إذ تذكّر",
    )
    operative_phrases = (
        "تشجع",
        "تحث",
        "تهيب",
        "تدعو",
        "تطلب",
        "تؤكد من جديد",
        "تؤكد مجددا",
        "تؤكد",
        "تحيط علما",
        "تشدد",
        "تكرر التأكيد",
        "تكرر تأكيد",
        "تلاحظ",
        "تقر",
        "تسلم",
        "تسلّم",
        "تعرب عن",
        "تقرر",
        "ترحب",
        "تعيد تأكيد",
        "توصي",
        "تعترف",
        "تثني",
        "تدين",
        "تعتمد",
        "تأذن",
        "تعلن",
        "تناشد",
        "تؤيد",
        "تقدر",
        "تنوه",
        "ترى",
        "تعتبر",
        "تذكّر",
        "تذكر",
        "تشدّد",
        "تحيط علماً",
    )
    phrase_modifiers = ("و", "وإذ", "أيضا", "أيضاً", "كذلك", "مجددا", "من جديد", "مع التقدير", "مع القلق", "بقوة")
    phrase_separator = r"\s*"

    phrase_adverbs: set[str] = set()
    phrase_adjectives: set[str] = set()
    phrase_not_verbs: set[str] = set()
    not_base_verbs: set[str] = set()
    emotion_nouns = emotion_adjectives = stance_nouns = stance_adjectives = r"(?!)"
    phrase_continuations: list = []
    word_endings: set[str] = set()
    parenthesized_markers = True
    not_before_marker = {
        "الفقرة",
        "الفقرات",
        "المادة",
        "القرار",
        "القرارات",
        "المرفق",
        "الفصل",
        "الفرع",
        "البند",
        "الدورة",
        "رقم",
    }
    abbreviations = {"ص", "م"}
    not_after_marker = {"%", "–", "/", ".", "سنة", "عاما"} | set(month_names)
    running_header_words: set[str] = set()
    un_style_words = UnStyleWords(
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
    )
