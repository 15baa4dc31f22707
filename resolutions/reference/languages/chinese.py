"""Chinese, as the UN prints its resolutions, with no spaces between words: "2025年12月15日大会决议", "回顾",
"鼓励", sub-paragraphs lettered "(a)", their items "㈠", "㈡"."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language, UnStyleWords, date_line, resolution_number_line
from resolutions.reference.languages.registry import register

CHINESE_DIGITS = "〇一二三四五六七八九十百零"


@register
class Chinese(Language):
    code = "zh"
    bibliographic_code = "zho"
    name = "Chinese"
    direction = "ltr"
    month_names = tuple(str(month) for month in range(1, 13))  # "12月": the month is its number
    date_pattern = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    date_order = "ymd"
    foreign_script_reason = "not in the Chinese script of a Chinese text"
    foreign_letter_re = re.compile(
        r"[^\W\d_a-zA-Z\u3000-\u303F\u3200-\u32FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]"
    )

    session_re = re.compile(rf"^第[{CHINESE_DIGITS}]+届(?:特别|紧急特别)?会议$")
    agenda_re = re.compile(r"^议程项目\s*(?P<item>\d+(?: ?\([a-z]\))?(?:(?:、|和)\d+(?: ?\([a-z]\))?)*)$")
    furniture_lines = {"联合国", "大会", "经济及社会理事会", "distr.: general", "distr. general"}
    adopted_re = re.compile(
        r"^(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?P<body>大会|经济及社会理事会|安全理事会)(?:通过的)?决议$"
    )
    report_re = re.compile(r"^\[根据(?P<committee>[\u4e00-\u9fff]+委员会)的报告\s*[(（](?P<report>[^)）]+)[)）]\]$")
    no_committee_re = re.compile(r"^\[未发交主要委员会\s*[(（](?P<draft>[^)）]+)[)）]\]$")
    meeting_re = re.compile(r"^(?P<meeting>第\d+次(?:全体)?会议)(?:\s*(?P<date>" + date_pattern + r"))?[。.]?$")
    date_line_re = date_line(date_pattern, end="[。.]?")
    resolution_number_re = resolution_number_line("第?", after="号决议", alone_end="[.。]")
    body_line_re = re.compile(r"^(?P<name>大会|经济及社会理事会|安全理事会)[，,]?$")
    annex_re = re.compile(r"^附件(?:\s*(?P<numeral>[IVXL]+|[一二三四五六七八九十]+))?$")
    ods_cover_re = re.compile(r"^联合国\s*(?P<symbol>\S+?)\s*(?P<body>大会|经济及社会理事会)")
    cover_end_re = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:大会|经济及社会理事会|安全理事会)")
    cover_field_re = re.compile(rf"^\s*(?:Distr\.|联合国|大会$|经济及社会理事会$|第[{CHINESE_DIGITS}]+届)")
    opening_line_re = re.compile(r"^\W*(?:大会|经济及社会理事会|安全理事会)[，,]", re.M)
    held_body_line_re = re.compile(r"^\W*(?:大会|经济及社会理事会|安全理事会)[，,]?\W*$", re.M)
    body_names = {"大会": "GA", "经济及社会理事会": "ECOSOC", "安全理事会": "SC"}

    agenda_label_re = re.compile(r"^议程项目\s*")
    committee_res = (re.compile(r"根据(第[一二三四五六]委员会)的报告"),)
    committee_names = {
        "第一委员会": "First Committee",
        "第二委员会": "Second Committee",
        "第三委员会": "Third Committee",
        "第四委员会": "Fourth Committee",
        "第五委员会": "Fifth Committee",
        "第六委员会": "Sixth Committee",
    }
    on_report_re = re.compile(r"的报告")
    no_committee_phrase_re = re.compile(r"未发交主要委员会")
    meeting_word_re = re.compile(r"会议")

    section_names = {
        "附件": ("annex", 0),
        "附录": ("appendix", 0),
        "部分": ("part", 1),
        "章": ("chapter", 1),
        "条": ("article", 4),
        "规则": ("rule", 4),
        "节": ("section", 4),
        "准则": ("guideline", 4),
        "原则": ("principle", 4),
        "结论": ("conclusion", 4),
    }
    draft_word = "草案"
    number_words = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")

    roman_item_numerals = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"  # parenthesised one, two…: the roman items (i), (ii) of the others
    item_re = re.compile(r"^[(（]([a-z]{1,2}|[ivxlc]+)[)）][.。]?$")
    leading_number_re = re.compile(r"^(?:(\d{1,3})[.．]|[(（]([a-z]{1,2}|[ivxlc]+)[)）]|([㈠-㈩]))\s*")
    preambular_phrases = (
        "认识到",
        "回顾",
        "重申",
        "欢迎",
        "承认",
        "深为关切",
        "注意到",
        "强调指出",
        "关切",
        "表示注意到",
        "关切地注意到",
        "表示关切",
        "申明",
        "强调",
        "表示赞赏地注意到",
        "着重指出",
        "意识到",
        "感到关切的是",
        "赞赏地注意到",
        "表示严重关切",
        "特别指出",
        "深为关切地注意到",
        "震惊地注意到",
        "铭记",
        "考虑到",
        "深信",
        "确信",
        "决心",
        "审议了",
        "忆及",
        "确认",
        "注意到",
        "满意地注意到",
        "重申其",
        "遗憾地注意到",
    )
    operative_phrases = (
        "鼓励",
        "敦促",
        "促请",
        "邀请",
        "请",
        "强调指出",
        "强调",
        "决定",
        "确认",
        "表示注意到",
        "赞赏地注意到",
        "建议",
        "吁请",
        "呼吁",
        "支持",
        "赞扬",
        "核可",
        "通过",
        "宣布",
        "表示赞赏",
        "表示关切",
        "深表关切",
        "着重指出",
        "欢迎",
        "重申",
        "认识到",
        "注意到",
        "申明",
        "谴责",
        "授权",
        "再次",
    )
    phrase_modifiers = ("又", "还", "并", "再次", "也", "大力", "强烈")
    phrase_separator = ""
    phrase_boundary = ""

    phrase_adverbs: set[str] = set()
    phrase_adjectives: set[str] = set()
    phrase_not_verbs: set[str] = set()
    not_base_verbs: set[str] = set()
    emotion_nouns = emotion_adjectives = stance_nouns = stance_adjectives = r"(?!)"
    phrase_continuations: list = []
    word_endings: set[str] = set()
    not_before_marker = {"第", "段", "条", "号", "决议", "附件", "章", "节"}
    abbreviations: set[str] = set()
    not_after_marker = {"%", "–", "/", ".", "年", "月", "日", "段", "届", "号", "次"}
    running_header_words: set[str] = set()
    un_style_words = UnStyleWords(
        bodies={"GA": "大会", "ECOSOC": "经济及社会理事会", "HRC": "人权理事会", "SC": "安全理事会"},
        resolution="{body}{date}第{number}号决议",
        dated="{year}年{month}月{day}日",
        paragraph="第{number}段",
        preambular="序言部分第{number}段",
        annex="附件",
        separator="，",
        month_as_number=True,
    )
