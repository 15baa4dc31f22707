import pytest

from resolutions.ingest.document import ParsedCitation
from resolutions.loading import CREATED, UNCHANGED, UPDATED, LoadError, load_resolution
from resolutions.models import Citation, Paragraph, Resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db


def test_load_creates_rows_and_reload_is_unchanged(parsed_resolution):
    assert load_resolution(parsed_resolution).outcome == CREATED
    resolution = Resolution.objects.get(symbol="A/RES/70/126")
    assert resolution.session_label == "Seventieth session"
    assert resolution.body.code == "GA"
    assert list(resolution.paragraphs.values_list("key", flat=True)) == ["pp1", "op1", "op2", "op2a"]
    assert Paragraph.objects.get(key="op2a").parent.key == "op2"
    assert resolution.footnotes.get().paragraph.key == "op1"
    assert load_resolution(parsed_resolution).outcome == UNCHANGED


def test_changed_content_updates_in_place(parsed_resolution):
    load_resolution(parsed_resolution)
    parsed_resolution.paragraphs[1].text = "Takes note with appreciation of the report;"
    assert load_resolution(parsed_resolution).outcome == UPDATED
    assert Resolution.objects.count() == 1
    assert Paragraph.objects.get(key="op1").text.startswith("Takes note with appreciation")


def test_duplicate_paragraph_key_refused_and_nothing_written():
    parsed = make_resolution()
    parsed.paragraphs[2].key = "op1"
    with pytest.raises(LoadError, match="appears twice"):
        load_resolution(parsed)
    assert not Resolution.objects.exists()


def test_failure_midway_rolls_back(monkeypatch, parsed_resolution):
    import resolutions.loading as loading

    def explode(resolution):
        raise RuntimeError("injected failure after paragraphs were written")

    monkeypatch.setattr(loading, "resolve_citations", explode)
    with pytest.raises(RuntimeError):
        load_resolution(parsed_resolution)
    assert not Resolution.objects.exists()
    assert not Paragraph.objects.exists()


def test_citations_resolve_in_both_directions():
    citing = make_resolution(
        "A/RES/70/126",
        citations=[ParsedCitation("A/RES/68/131", "resolution 68/131", "resolution", 22, 39, paragraph_key="pp1")],
    )
    load_resolution(citing)
    citation = Citation.objects.get()
    assert citation.target is None  # the archive does not hold 68/131 yet
    load_resolution(make_resolution("A/RES/68/131"))
    citation.refresh_from_db()
    assert citation.target.symbol == "A/RES/68/131"
    assert list(Citation.objects.citing(citation.target)) == [citation]


def test_overlong_fields_are_refused_with_a_clear_message():
    parsed = make_resolution()
    parsed.paragraphs[0].opening_phrase = "Recalling " * 40
    with pytest.raises(LoadError, match="opening_phrase is 400 characters, more than the 200"):
        load_resolution(parsed)
    assert not Resolution.objects.exists()
