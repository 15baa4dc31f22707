"""A resolution in several languages: each text written in its own language, the English one never touched by
another, and a language whose paragraphs number otherwise named in a warning."""

import pytest
from django.db import IntegrityError, transaction

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import ParsedFootnote, ParsedParagraph, SourceInfo
from resolutions.ingest.document import Vote as ParsedVote
from resolutions.models import (
    Citation,
    Expression,
    Footnote,
    Paragraph,
    ParagraphVersion,
    Resolution,
    ResolutionSource,
    Vote,
)
from resolutions.store.alignment import key_alignment
from resolutions.store.load import load_resolution, plan_load
from resolutions.store.outcomes import CREATED, SOURCE_ADDED, UNCHANGED, UPDATED
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

SYMBOL = "A/RES/70/126"


def english(**fields):
    defaults = {
        "votes": [ParsedVote("France", "Y"), ParsedVote("Chile", "A")],
        "citations": [ParsedCitation("A/RES/68/131", "resolution 68/131", "resolution", 22, 39, paragraph_key="pp1")],
    }
    return make_resolution(SYMBOL, **{**defaults, **fields})


def french(sha="f" * 64, fmt="akn", paragraphs=None, **fields):
    return make_resolution(
        SYMBOL,
        title="Promouvoir l’intégration sociale par l’inclusion sociale",
        language="fr",
        source=SourceInfo(name="A_RES_70_126F.xml", format=fmt, sha256=sha),
        meeting="80e séance plénière",
        paragraphs=paragraphs
        or [
            ParsedParagraph("pp1", "preambular", "", 1, "Rappelant sa résolution 68/131,", "Rappelant"),
            ParsedParagraph("op1", "operative", "1.", 2, "Prend acte du rapport ;", "Prend acte"),
            ParsedParagraph("op2", "operative", "2.", 3, "Demande aux États Membres :", "Demande"),
            ParsedParagraph("op2a", "operative", "a)", 4, "D’agir ;", "", parent_key="op2"),
        ],
        footnotes=[ParsedFootnote("1", "A/70/179.", "op1", 21)],
        citations=[ParsedCitation("A/RES/68/131", "résolution 68/131", "resolution", 14, 31, paragraph_key="pp1")],
        votes=[],
        **fields,
    )


def english_state():
    """Everything of the English text and the work that another language must never change."""
    resolution = Resolution.objects.get(symbol=SYMBOL)
    return {
        "record": (resolution.title, resolution.language, resolution.meeting, resolution.source_sha256),
        "paragraphs": list(Paragraph.objects.of(resolution).values_list("id", "key", "text", "number")),
        "footnotes": list(Footnote.objects.of(resolution).values_list("id", "marker", "text")),
        "citations": list(Citation.objects.filter(resolution=resolution).values_list("id", "matched_text")),
        "votes": sorted(Vote.objects.filter(resolution=resolution).values_list("member_state__code", "vote")),
    }


def texts(language):
    return list(Paragraph.all_languages.in_language(language).order_by("order").values_list("key", "text"))


def test_another_language_is_added_beside_the_english_and_never_changes_it():
    assert load_resolution(english()).outcome == CREATED
    before = english_state()
    result = load_resolution(french())
    assert result.outcome == UPDATED and result.warnings == []
    assert english_state() == before
    assert texts("fr")[1] == ("op1", "Prend acte du rapport ;")
    resolution = Resolution.objects.get(symbol=SYMBOL)
    assert Expression.objects.languages_of(resolution) == ["en", "fr"]
    assert Expression.objects.get(resolution=resolution, language="fr").title.startswith("Promouvoir")
    assert ResolutionSource.objects.get(sha256="f" * 64).language == "fr"
    # every read that does not ask for a language sees the English text alone
    assert list(resolution.paragraphs.values_list("text", flat=True))[1] == "Takes note of the report;"
    assert Paragraph.objects.count() == 4 and Paragraph.all_languages.count() == 8
    assert Footnote.objects.count() == 1 and Citation.objects.count() == 1
    assert Citation.all_languages.in_language("fr").get().target_symbol == "A/RES/68/131"
    aligned = Paragraph.all_languages.aligned(resolution, "op2a")
    assert {code: p.text for code, p in aligned.items()} == {"en": "To act;", "fr": "D’agir ;"}
    assert load_resolution(french()).outcome == UNCHANGED


def test_english_imported_again_keeps_every_other_language():
    load_resolution(english())
    load_resolution(french())
    changed = english()
    changed.paragraphs[1].text = "Takes note with appreciation of the report;"
    changed.source = SourceInfo(name="later.xml", format="akn", sha256="e" * 64)
    assert load_resolution(changed).outcome == UPDATED
    assert texts("fr")[1] == ("op1", "Prend acte du rapport ;")
    assert Footnote.all_languages.in_language("fr").count() == 1
    assert Citation.all_languages.in_language("fr").count() == 1
    assert Expression.objects.get(language="fr").source_sha256 == "f" * 64
    assert texts("en")[1] == ("op1", "Takes note with appreciation of the report;")
    assert list(ParagraphVersion.all_languages.values_list("language", "key")) == [("en", "op1")]


def test_a_language_imported_again_replaces_that_language_only_keeping_its_earlier_texts():
    load_resolution(english())
    load_resolution(french())
    before = english_state()
    corrected = french(sha="c" * 64)
    corrected.paragraphs[1].text = "Prend acte avec satisfaction du rapport ;"
    result = load_resolution(corrected)
    assert result.outcome == UPDATED and [change.key for change in result.changes] == ["op1"]
    assert english_state() == before
    assert texts("fr")[1] == ("op1", "Prend acte avec satisfaction du rapport ;")
    version = ParagraphVersion.all_languages.get()
    assert (version.language, version.key, version.text) == ("fr", "op1", "Prend acte du rapport ;")
    assert not ParagraphVersion.objects.exists()  # the English addresses lost nothing
    resolution = Resolution.objects.get(symbol=SYMBOL)
    assert ParagraphVersion.all_languages.of_key(resolution, "op1", "fr").get() == version


def test_a_source_of_lower_precedence_in_a_language_is_kept_without_giving_its_text():
    load_resolution(english())
    load_resolution(french())
    lower = french(sha="d" * 64, fmt="pdf-text")
    lower.paragraphs[1].text = "Prend acte du rapport (texte extrait) ;"
    result = load_resolution(lower)
    assert (result.outcome, result.gives_text) == (SOURCE_ADDED, False)
    assert texts("fr")[1] == ("op1", "Prend acte du rapport ;")
    assert ResolutionSource.objects.filter(language="fr").count() == 2


def test_a_language_imported_first_gives_the_record_until_the_english_arrives():
    assert load_resolution(french()).outcome == CREATED
    resolution = Resolution.objects.get(symbol=SYMBOL)
    assert (resolution.language, resolution.title[:10]) == ("fr", "Promouvoir")
    assert Paragraph.objects.count() == 0  # no English text yet: the reads that show English show none
    result = load_resolution(english())
    assert result.outcome == UPDATED
    resolution.refresh_from_db()
    assert (resolution.language, resolution.title, resolution.meeting) == (
        "en",
        "Promoting social integration through social inclusion",
        "80th plenary meeting",
    )
    assert texts("fr")[1] == ("op1", "Prend acte du rapport ;")
    assert texts("en")[1] == ("op1", "Takes note of the report;")
    assert sorted(Vote.objects.values_list("vote", flat=True)) == ["A", "Y"]
    assert Expression.objects.languages_of(resolution) == ["en", "fr"]
    # the French text, imported again, is now a language beside the record's: unchanged
    assert load_resolution(french()).outcome == UNCHANGED


def test_numbering_that_differs_from_the_english_is_named_and_nothing_is_guessed():
    load_resolution(english())
    paragraphs = [
        ParsedParagraph("pp1", "preambular", "", 1, "Rappelant sa résolution 68/131,", "Rappelant"),
        ParsedParagraph("op1", "operative", "1.", 2, "Prend acte du rapport ;", "Prend acte"),
        ParsedParagraph("op2", "operative", "2.", 3, "Demande aux États Membres d’agir ;", "Demande"),
        ParsedParagraph("op3", "operative", "3.", 4, "Décide de rester saisie de la question.", "Décide"),
    ]
    planned = plan_load(french(paragraphs=paragraphs))
    result = load_resolution(french(paragraphs=paragraphs))
    assert planned.warnings == result.warnings
    (warning,) = result.warnings
    assert "French" in warning and "3 aligned by key" in warning
    assert "missing op2a" in warning and "extra op3" in warning
    assert [key for key, _ in texts("fr")] == ["pp1", "op1", "op2", "op3"]  # stored as printed
    # the English imported again is compared with every language held
    again = english()
    again.source = SourceInfo(name="again.xml", format="akn", sha256="a" * 64)
    again.paragraphs[0].text = "Recalling also its resolution 68/131,"
    (english_warning,) = load_resolution(again).warnings
    assert "French" in english_warning and "missing op2a" in english_warning


def test_key_alignment_is_pure_and_keeps_document_order():
    alignment = key_alignment("ru", ["pp1", "op1", "op2", "op2a"], ["pp1", "op2", "op1", "op3", "op4"])
    assert alignment.missing == ("op2a",) and alignment.extra == ("op3", "op4") and alignment.aligned == 3
    assert key_alignment("ru", ["op1"], ["op1"]).complete


def test_the_database_refuses_a_key_twice_in_one_language_and_a_language_it_does_not_hold():
    load_resolution(english())
    resolution = Resolution.objects.get(symbol=SYMBOL)
    with pytest.raises(IntegrityError), transaction.atomic():
        Paragraph.all_languages.create(resolution=resolution, language="en", key="op1", kind="operative", order=99)
    with pytest.raises(IntegrityError), transaction.atomic():
        Paragraph.all_languages.create(resolution=resolution, language="de", key="op9", kind="operative", order=99)
    with pytest.raises(IntegrityError), transaction.atomic():
        Expression.objects.create(resolution=resolution, language="en", title="again")
    Paragraph.all_languages.create(resolution=resolution, language="fr", key="op1", kind="operative", order=2)


def test_a_dry_run_of_another_language_plans_without_writing():
    load_resolution(english())
    assert plan_load(french()).outcome == UPDATED
    assert not Paragraph.all_languages.in_language("fr").exists()
    load_resolution(french())
    assert plan_load(french()).outcome == UNCHANGED
    assert plan_load(french(sha="d" * 64, fmt="pdf-text")).gives_text is False


def test_two_languages_side_by_side_pair_by_key_and_show_what_one_lacks():
    load_resolution(english())
    paragraphs = [
        ParsedParagraph("pp1", "preambular", "", 1, "Rappelant sa résolution 68/131,", "Rappelant"),
        ParsedParagraph("op1", "operative", "1.", 2, "Prend acte du rapport ;", "Prend acte"),
        ParsedParagraph("op1bis", "operative", "1 bis.", 3, "Se félicite du rapport ;", "Se félicite"),
        ParsedParagraph("op2", "operative", "2.", 4, "Demande aux États Membres d’agir ;", "Demande"),
    ]
    load_resolution(french(paragraphs=paragraphs))
    resolution = Resolution.objects.get(symbol=SYMBOL)
    pairs = Paragraph.all_languages.side_by_side(resolution, "en", "fr")
    shown = [(key, bool(left), bool(right)) for key, left, right in pairs]
    assert shown == [
        ("pp1", True, True),
        ("op1", True, True),
        ("op1bis", False, True),
        ("op2", True, True),
        ("op2a", True, False),
    ]
    assert pairs[1][2].text == "Prend acte du rapport ;"


def test_the_alignment_report_gives_each_language_its_figures_and_each_misalignment_its_cause():
    from io import StringIO

    from django.core.management import call_command

    load_resolution(english())
    paragraphs = [
        ParsedParagraph("pp1", "preambular", "", 1, "Rappelant sa résolution 68/131,", "Rappelant"),
        ParsedParagraph("op1", "operative", "1.", 2, "Prend acte du rapport ;", "Prend acte"),
        ParsedParagraph("p1", "operative", "", 3, "2 Demande aux États Membres :", ""),
        ParsedParagraph("op2a", "operative", "a)", 4, "D’agir ;", "", parent_key="p1"),
    ]
    load_resolution(french(paragraphs=paragraphs))
    out = StringIO()
    call_command("language_alignment", stdout=out)
    lines = out.getvalue().splitlines()
    french_line = next(line for line in lines if line.startswith("French"))
    assert french_line.split()[1:6] == ["1", "1", "4", "3", "75.00%"]
    (cause,) = [line for line in lines if line.startswith(SYMBOL)]
    assert "op2 (en) / p1 (fr)" in cause and "without a number the importer reads: '2 Demande" in cause
