"""English, as the UN prints its resolutions: month names, cover and adoption formulae, the words of opening phrases.

Every English word list and pattern the importers use lives here and nowhere else.
"""

from __future__ import annotations

import re

from resolutions.reference.bodies import BODIES
from resolutions.reference.languages.base import Language, date_line, resolution_number_line
from resolutions.reference.languages.registry import register

# The names of the bodies the archive holds, as one alternation: "General Assembly|Economic and Social Council|…"
HELD_BODY_NAMES = "|".join(re.escape(info.name) for info in BODIES.values())


@register
class English(Language):
    code = "en"
    bibliographic_code = "eng"
    name = "English"
    direction = "ltr"
    month_names = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    date_pattern = rf"(\d{{1,2}}) ({'|'.join(month_names)}) (\d{{4}})"
    foreign_script_reason = "not in the Latin script of an English text"
    # Letters of other scripts than the Latin one English is written in
    foreign_letter_re = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F\u1E00-\u1EFF]")

    session_re = re.compile(
        r"^(?P<ordinal>[A-Z][a-z]+(?:[-‑][a-z]+)?) (?P<special>(?:special |emergency special )?)session$"
    )

    agenda_re = re.compile(r"^Agenda items? (?P<item>\d+(?: ?\([a-z]\))?(?:(?:, | and )\d+(?: ?\([a-z]\))?)*)$")

    furniture_lines = {
        "united nations",
        "distr.: general",
        "distr.: limited",
        "please recycle",
        "general assembly",
        "economic and social council",
        "resolution",
        "resolutions",
    }

    adopted_re = re.compile(
        r"^Resolution adopted by the (?P<body>[A-Z][\w ,'’-]+?) on " + r"(?P<date>" + date_pattern + r")\.?$"
    )

    report_re = re.compile(r"^\[on the reports? of the (?P<committee>[A-Z][\w ,'’-]+?) \((?P<report>[^)]+)\)\]$")

    no_committee_re = re.compile(r"^\[without reference to a Main Committee \((?P<draft>[^)]+)\)\]$")

    meeting_re = re.compile(
        r"^(?P<meeting>\d+(?:st|nd|rd|th) (?:plenary |joint )?meeting)(?: (?P<date>" + date_pattern + r"))?\.?$"
    )

    date_line_re = date_line(date_pattern)

    # "Resolution 67/8" or the number alone on its line, the title on the next ("72/245." then the title)
    resolution_number_re = resolution_number_line("Resolution ")

    body_line_re = re.compile(r"^The (?P<name>[A-Z][\w ,'’-]+?),?$")

    annex_re = re.compile(r"^(?:Annex|ANNEX)(?: (?P<numeral>[IVXL]+))?$")  # capitals on the 1990s web pages

    ods_cover_re = re.compile(
        r"^United Nations\s*(?P<symbol>\S+?)\s*(?P<body>" + HELD_BODY_NAMES + r")\s*(?:Distr\.: \w+)?$"
    )

    cover_end_re = re.compile(r"^\s*Resolution adopted by\b")

    cover_field_re = re.compile(
        r"^\s*(?:Distr\.:|United Nations|" + HELD_BODY_NAMES + r"|[A-Z][a-z]+(?:-[a-z]+)? session$)"
    )

    opening_line_re = re.compile(r"^\W*The [A-Z][\w ]+,", re.M | re.A)

    held_body_line_re = re.compile(r"^\W*The (?:" + HELD_BODY_NAMES + r"),?\W*$", re.M | re.I)

    agenda_label_re = re.compile(r"^Agenda items?\s*", re.I)

    committee_res = (
        re.compile(r"\(([^()]*Committee[^()]*)\)"),
        re.compile(r"on the report of the ([^()\[\]]*?Committee)"),
    )

    on_report_re = re.compile(r"on the report of", re.I)

    no_committee_phrase_re = re.compile(r"without reference to a Main Committee", re.I)

    meeting_word_re = re.compile(r"eeting")

    section_names = {
        "Annex": ("annex", 0),
        "Appendix": ("appendix", 0),
        "Part": ("part", 1),
        "Chapter": ("chapter", 1),
        "Article": ("article", 4),
        "Rule": ("rule", 4),
        "Section": ("section", 4),
        "Regulation": ("regulation", 4),
        "Guideline": ("guideline", 4),
        "Principle": ("principle", 4),
        "Conclusion": ("conclusion", 4),
    }

    draft_word = "Draft"

    number_words = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

    phrase_adverbs = {
        "also",
        "further",
        "again",
        "once",
        "strongly",
        "firmly",
        "deeply",
        "gravely",
        "seriously",
        "fully",
        "moreover",
        "furthermore",
        "urgently",
        "repeatedly",
        "solemnly",
        "warmly",
        "hereby",
    }

    phrase_adjectives = {
        "mindful",
        "aware",
        "conscious",
        "convinced",
        "concerned",
        "determined",
        "alarmed",
        "cognizant",
        "desirous",
        "guided",
        "committed",
        "encouraged",
        "appalled",
        "disturbed",
        "resolved",
        "seized",
        "pleased",
    }

    phrase_not_verbs = {
        "this",
        "these",
        "those",
        "its",
        "his",
        "has",
        "was",
        "is",
        "as",
        "us",
        "thus",
        "always",
        "perhaps",
        "unless",
        "whereas",
        "various",
        "millions",
        "billions",
        "persons",
        "nations",
        "states",
        "countries",
        "governments",
        "regions",
        "members",
        "others",
        "less",
        "towards",
        "during",
        "including",
        "according",
        "regarding",
        "concerning",
        "notwithstanding",
        "nothing",
        "something",
        "everything",
        "morning",
        "evening",
        "building",
        "meeting",
        "funding",
        "financing",
        "training",
        "learning",
        "housing",
        "yes",
        "chess",
        "business",
        "progress",
        "access",
        "success",
        "address",
    }

    # Numbered paragraphs of declarations open with a verb in its base form ("Reaffirm", "Commit");
    # these first words are not verbs.
    not_base_verbs = {
        "we",
        "yet",
        "while",
        "on",
        "given",
        "in",
        "the",
        "this",
        "these",
        "it",
        "as",
        "for",
        "with",
        "to",
        "a",
        "an",
        "all",
        "each",
        "although",
        "since",
        "despite",
        "today",
        "our",
        "however",
        "there",
        "if",
        "when",
        "where",
        "such",
        "no",
        "not",
        "only",
        "both",
        "by",
        "from",
        "at",
        "of",
        "and",
        "or",
        "but",
        "that",
        "those",
        "their",
        "its",
        "they",
        "any",
        "every",
        "other",
        "many",
        "some",
        "most",
        "more",
        "between",
        "among",
        "during",
        "after",
        "before",
        "under",
        "over",
        "through",
        "recent",
        "member",
        "states",
        "people",
        "women",
        "children",
        "persons",
        "millions",
        "billions",
    }

    emotion_nouns = (
        r"(?:appreciation|interest|concern|satisfaction|regret|alarm|gratitude|support|condolences|sympathy|solidarity"
        r"|thanks|hope|dismay|outrage)"
    )

    emotion_adjectives = (
        r"(?:deep|grave|great|serious|particular|profound|sincere|full|strong|utmost|its|their|deep and)"
    )

    # Line-end fragments that are no word of their own: "protec-" + "tion" is one word,
    # "long-" + "lasting" a compound that keeps its hyphen.
    word_endings = {
        "tion",
        "tions",
        "sion",
        "sions",
        "ment",
        "ments",
        "ing",
        "ings",
        "ity",
        "ities",
        "ance",
        "ances",
        "ence",
        "ences",
        "ness",
        "nesses",
        "ble",
        "bly",
        "ably",
        "ibly",
        "al",
        "als",
        "ally",
        "ive",
        "ives",
        "ively",
        "ated",
        "ation",
        "ations",
        "ization",
        "izations",
        "isation",
        "ized",
        "ised",
        "izing",
        "ising",
        "ous",
        "ously",
        "ful",
        "fully",
        "ly",
        "ture",
        "tures",
        "cy",
        "cies",
        "gy",
        "gies",
        "ry",
        "ries",
        "ary",
        "aries",
        "ory",
        "ories",
        "ist",
        "ists",
        "ism",
        "isms",
        "ent",
        "ents",
        "ant",
        "ants",
        "ical",
        "ically",
        "ular",
        "ed",
        "er",
        "ers",
        "est",
        "ic",
        "ics",
        "ial",
        "ially",
        "ual",
        "ually",
        "ate",
        "ates",
        "ative",
        "atives",
        "ure",
        "ures",
        "ion",
        "ions",
        "lent",
        "lence",
        "tive",
        "tives",
        "sive",
        "sively",
        "able",
        "ible",
        "ility",
        "ilities",
    }

    stance_nouns = (
        r"(?:call(?: upon| for)?|request|invitation|commitment|support|determination|conviction|appeals?|demand|recognition|"
        r"concern|condemnation|resolve|opposition|hope|appreciation|gratitude|solidarity|readiness|"
        r"intention|belief|willingness|position)"
    )

    stance_adjectives = (
        r"(?:strong|deep|firm|full|utmost|unwavering|continued|grave|serious|profound|renewed|steadfast)"
    )

    # (verbs it may follow, or "first": right after any verb, or None: anywhere; pattern)
    phrase_continuations = [
        ({"takes", "taking", "take"}, r"(?:note|into account|into consideration|notice)(?: (?:also|further))?"),
        ({"calls", "calling", "call"}, r"(?:(?:once again|once more|again|also|further) )?(?:upon|on|for)\b"),
        ({"bearing"}, r"(?:also |further )?in mind"),
        ({"having"}, r"(?:also )?[a-z]+(?:ed|en|rd)"),
        ({"looks", "looking", "look"}, r"forward"),
        ({"continues", "continuing", "continue"}, r"to [a-z]+"),
        ({"draws", "drawing", "draw"}, r"(?:the )?attention"),
        ({"pays", "paying", "pay"}, r"(?:a )?tribute"),
        ({"believing", "believes"}, r"it (?:necessary|essential|important)"),
        (
            {"being", "remaining", "remains", "remain"},
            r"(?:deeply |gravely |seriously |greatly )?(?:concerned|convinced|committed|alarmed|determined)",
        ),
        ({"sharing", "shares", "share"}, r"(?:the )?(?:deep |grave |serious )?concerns?"),
        (
            {"condemns", "condemning", "condemn", "deplores", "deploring"},
            r"(?:unequivocally|in the strongest(?: possible)? terms)",
        ),
        (
            {
                "expresses",
                "expressing",
                "express",
                "reiterates",
                "reiterating",
                "conveys",
                "extends",
                "emphasizes",
                "emphasizing",
                "reaffirms",
                "reaffirming",
                "reaffirm",
            },
            r"(?:(?:its|their|the) )?(?:"
            + emotion_adjectives
            + r" |gravest |special )?(?:"
            + emotion_adjectives
            + r" )?"
            + r"(?:"
            + emotion_nouns
            + r"|commendation|concerns)\b",
        ),
        ("first", r"(?:its|their) (?:" + stance_adjectives + r" )?" + stance_nouns + r"\b"),
        (None, r"(?:also|again|moreover|once again|once more|in particular)\b"),
        (None, r"(?:unequivocally|firmly)\b"),
        (
            None,
            r"(?:also |further )?with (?:renewed |"
            + emotion_adjectives
            + r" )?"
            + emotion_nouns
            + r"(?: and "
            + emotion_nouns
            + r")?\b",
        ),
        (None, r"and [a-z]+(?:s|ing|ed)(?= (?:that|the|its|their|all|to|of|[A-Z]))"),
    ]

    not_before_marker = {
        "no",
        "nos",
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "article",
        "articles",
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "chapter",
        "chap",
        "vol",
        "vols",
        "principle",
        "principles",
        "goal",
        "target",
        "annex",
        "section",
        "page",
        "pages",
        "p",
        "pp",
        "rule",
        "rules",
        "item",
        "items",
        "of",
        "to",
        "from",
        "by",
        "under",
        "over",
        "than",
        "and",
        "or",
        "the",
        "a",
        "an",
        "some",
        "all",
        "top",
        "least",
        "about",
        "approximately",
        "nearly",
        "almost",
        "around",
        "every",
        "each",
        "per",
        "at",
        "in",
        "on",
        "with",
        "for",
        "since",
        "until",
        "within",
        "between",
        "among",
        "first",
        "last",
        "only",
        "just",
        "million",
        "billion",
        "session",
        "sessions",
        "meeting",
        "part",
        "parts",
        "phase",
        "level",
        "step",
        "category",
        "grade",
        "age",
        "aged",
        "protocol",
        "recommendation",
        "recommendations",
        "committee",
        "report",
        "figure",
        "table",
        "number",
        "numbers",
        "sdg",
        "sdgs",
        "are",
        "is",
        "were",
        "was",
        "be",
        "been",
        "has",
        "have",
        "had",
        "those",
        "these",
        "its",
        "their",
        "our",
    }

    abbreviations = {"no", "nos", "para", "paras", "vol", "vols", "chap", "p", "pp", "art", "arts", "sect", "fig", "op"}

    not_after_marker = {
        "per",
        "percent",
        "years",
        "year",
        "months",
        "month",
        "days",
        "day",
        "weeks",
        "week",
        "hours",
        "minutes",
        "million",
        "billion",
        "trillion",
        "times",
        "countries",
        "member",
        "states",
        "people",
        "persons",
        "women",
        "men",
        "children",
        "out",
        "to",
        "%",
        "-",
        "–",
        "/",
        ".",
        "of",
    } | {m.lower() for m in month_names}

    running_header_words = {
        "the",
        "of",
        "and",
        "on",
        "in",
        "to",
        "for",
        "a",
        "an",
        "with",
        "by",
        "at",
        "from",
        "or",
        "its",
        "their",
    }
