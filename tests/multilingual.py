"""A small resolution in the six languages, written for the tests with known answers per language.

A/RES/70/126 ("Eradicating poverty"): pp1, op1, op2 in every language; op3 only in English and French (so a
paragraph one language lacks shows as missing). Another resolution, A/RES/71/1, is English and Chinese
only, its Chinese op1 holding 贫穷 inside a longer run (贫穷国家) and 贫困 (a different word) in op2.
"""

from __future__ import annotations

import datetime as dt

from resolutions.ingest.document import ParsedParagraph, SourceInfo
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

TEXTS = {
    "en": (
        "Eradicating poverty",
        [
            ("pp1", "Recalling its resolutions on the eradication of poverty,", "Recalling"),
            ("op1", "Reaffirms that eradicating poverty is an indispensable requirement;", "Reaffirms"),
            ("op2", "Calls upon Member States to strengthen social protection for the poorest;", "Calls upon"),
            ("op3", "Decides to remain seized of the matter;", "Decides"),
        ],
    ),
    "fr": (
        "Élimination de la pauvreté",
        [
            ("pp1", "Rappelant ses résolutions relatives à l’élimination de la pauvreté,", "Rappelant"),
            ("op1", "Réaffirme que l’élimination de la pauvreté est une condition indispensable;", "Réaffirme"),
            ("op2", "Demande aux États Membres de renforcer la protection sociale des plus pauvres;", "Demande"),
            ("op3", "Décide de rester saisie de la question;", "Décide"),
        ],
    ),
    "es": (
        "Erradicación de la pobreza",
        [
            ("pp1", "Recordando sus resoluciones relativas a la erradicación de la pobreza,", "Recordando"),
            ("op1", "Reafirma que erradicar la pobreza es un requisito indispensable;", "Reafirma"),
            ("op2", "Exhorta a los Estados Miembros a fortalecer la protección social de los más pobres;", "Exhorta"),
        ],
    ),
    "ru": (
        "Искоренение нищеты",
        [
            ("pp1", "ссылаясь на свои резолюции об искоренении нищеты,", "ссылаясь"),
            (
                "op1",
                "вновь подтверждает, что искоренение нищеты является непременным требованием;",
                "вновь подтверждает",
            ),
            ("op2", "призывает государства-члены укреплять социальную защиту беднейших слоев;", "призывает"),
        ],
    ),
    "ar": (
        "القضاء على الفقر",
        [
            ("pp1", "إذ تشير إلى قراراتها المتعلقة بالقضاء على الفقر،", "إذ تشير"),
            ("op1", "تؤكد من جديد أن القضاء على الفقر شرط لا غنى عنه؛", "تؤكد من جديد"),
            ("op2", "تهيب بالدول الأعضاء تعزيز الحماية الاجتماعية لأشد الناس فقرا؛", "تهيب"),
        ],
    ),
    "zh": (
        "消除贫穷",
        [
            ("pp1", "回顾其关于消除贫穷的各项决议，", "回顾"),
            ("op1", "重申消除一切形式的贫穷是不可或缺的要求；", "重申"),
            ("op2", "吁请会员国加强对最贫困者的社会保护；", "吁请"),
        ],
    ),
}
OTHER_ZH = [
    ("op1", "确认贫穷国家需要支持；", "确认"),
    ("op2", "关切贫困问题；", "关切"),
]


def parsed(symbol: str, language: str, title: str, rows, **fields):
    paragraphs = [
        ParsedParagraph(
            key,
            "preambular" if key.startswith("pp") else "operative",
            "" if key.startswith("pp") else key[2:],
            n,
            text,
            opening,
        )
        for n, (key, text, opening) in enumerate(rows, start=1)
    ]
    return make_resolution(
        symbol,
        title=title,
        language=language,
        paragraphs=paragraphs,
        footnotes=[],
        adopted_on=dt.date(2015, 12, 17),
        source=SourceInfo(
            name=f"{symbol.replace('/', '_')}-{language}.txt",
            format="ods-text",
            sha256=f"{language:0<2}".encode().hex().ljust(64, "0"),
        ),
        **fields,
    )


def load_six_languages() -> None:
    """Both resolutions, English first (as the archive imports them)."""
    for language, (title, rows) in TEXTS.items():
        load_resolution(parsed("A/RES/70/126", language, title, rows))
    load_resolution(
        parsed(
            "A/RES/71/1",
            "en",
            "Poor countries",
            [
                ("op1", "Recognizes that poor countries need support;", "Recognizes"),
                ("op2", "Concerned about poverty;", "Concerned"),
            ],
        )
    )
    load_resolution(parsed("A/RES/71/1", "zh", "贫穷国家", OTHER_ZH))
