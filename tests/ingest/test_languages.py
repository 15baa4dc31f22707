"""The text formats in every official language: the language read from the text, its numbers, phrases, dates
and formulae read with that language's patterns, and the keys the same in every language."""

from pathlib import Path

import pytest

from resolutions.ingest.pipeline import detect_format, parse_bytes, parse_path
from resolutions.reference.languages.registry import language_of_text

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
KEYS = ["pp1", "pp2", "op1", "op2", "op2a", "op2b", "op3"]
PLAIN_TEXTS = {"french": "fr", "spanish": "es", "russian": "ru", "arabic": "ar", "chinese": "zh"}
OPENINGS = {
    "fr": ("Rappelant", "Prend acte"),
    "es": ("Recordando", "Toma nota"),
    "ru": ("ссылаясь", "принимает к сведению"),
    "ar": ("إذ تشير", "تحيط علما"),
    "zh": ("回顾", "注意到"),
}


@pytest.mark.parametrize("stem, code", PLAIN_TEXTS.items())
def test_a_plain_text_in_each_language_is_read_in_it(stem, code):
    (resolution,) = parse_path(GOLDEN / "plain-text" / f"{stem}_90_12.txt").resolutions
    assert (resolution.symbol, resolution.language) == ("A/RES/90/12", code)
    assert [p.key for p in resolution.paragraphs] == KEYS
    assert [p.kind for p in resolution.paragraphs] == ["preambular"] * 2 + ["operative"] * 5
    assert (resolution.paragraphs[0].opening_phrase, resolution.paragraphs[2].opening_phrase) == OPENINGS[code]
    assert (resolution.committee, resolution.report, str(resolution.adopted_on)) == (
        "Third Committee",
        "A/90/401",
        "2030-12-15",
    )
    assert resolution.meeting and resolution.title and not resolution.warnings
    assert [(f.marker, f.paragraph_key) for f in resolution.footnotes] == [("1", "pp2")]


@pytest.mark.parametrize(
    "text, code",
    [
        ("L’Assemblée générale,\n\nRappelant", "fr"),
        ("La Asamblea General,\n", "es"),
        ("Генеральная Ассамблея,\n", "ru"),
        ("إن الجمعية العامة،\n", "ar"),
        ("大会，\n", "zh"),
        ("The General Assembly,\n", "en"),
        ("Resolución aprobada por la Asamblea General el 1 de enero de 2030\n", "es"),
    ],
)
def test_the_language_of_a_text_is_read_from_its_formulae(text, code):
    assert language_of_text(text).code == code


def test_a_text_in_no_language_the_archive_reads_names_none():
    assert language_of_text("Die Generalversammlung,\n") is None


def test_a_markdown_rendering_in_french_is_read_in_french():
    (resolution,) = parse_path(GOLDEN / "markdown" / "french_90_13.md").resolutions
    assert (resolution.symbol, resolution.language, resolution.committee) == ("A/RES/90/13", "fr", "Third Committee")
    assert [p.key for p in resolution.paragraphs] == KEYS
    assert [p.opening_phrase for p in resolution.paragraphs if p.opening_phrase] == [
        "Rappelant",
        "Consciente",
        "Décide",
        "Invite",
        "Prie également",
    ]


def test_a_spanish_pdf_extraction_is_read_across_its_pages_in_spanish():
    (resolution,) = parse_path(GOLDEN / "pdf-text" / "spanish_99_6.txt").resolutions
    assert (resolution.language, resolution.agenda_item, str(resolution.adopted_on)) == ("es", "25 (b)", "2099-11-03")
    assert [p.key for p in resolution.paragraphs] == KEYS
    assert resolution.paragraphs[5].text.endswith("en la conservación de los faros;")  # run on across the page
    assert [(f.marker, f.paragraph_key) for f in resolution.footnotes] == [("1", "pp1"), ("2", "pp1")]


def test_a_french_pdftotext_output_with_form_feeds_is_read_as_pdf_text_in_french():
    text = (
        "Nations Unies\nA/RES/99/7\n\nAssemblée générale\nDistr. générale\n4 novembre 2099\n\n"
        "Quatre-vingt-dix-neuvième session\nPoint 25 b) de l’ordre du jour\n\n"
        "Résolution adoptée par l’Assemblée générale le 3 novembre 2099\n\n"
        "[sur la base du rapport de la Troisième Commission (A/99/411)]\n\n99/7. Les phares\n\n"
        "L’Assemblée générale,\n\nRappelant sa résolution 98/13,\n\n1.\tDécide de célébrer les phares ;\n\n"
        "2.\tPrie le Secrétaire général de lui faire rapport.\n\n\f99-17900\t2/2\n\n"
        "28e séance plénière\n3 novembre 2099\n\f"
    ).encode()
    assert detect_format(text, "A_RES_99_7-FR.txt") == "pdf-text"
    (resolution,) = parse_bytes(text, "A_RES_99_7-FR.txt").resolutions
    assert (resolution.language, resolution.agenda_item, resolution.meeting) == ("fr", "25 (b)", "28e séance plénière")
    assert [p.key for p in resolution.paragraphs] == ["pp1", "op1", "op2"] and not resolution.warnings
