"""A curator's pin takes effect without a re-import; a curator's correction is a source of its own (issue 13)."""

import pytest

from resolutions.ingest.document import ParsedFootnote, SourceInfo
from resolutions.models import ParagraphVersion, Resolution
from resolutions.store.curation import (
    corrected_content,
    moved_offset,
    paragraph_correct,
    resolution_source_pin,
    resolution_text_select,
)
from resolutions.store.load import load_resolution
from resolutions.store.provenance import CORRECTION_FORMAT
from resolutions.store.validation import LoadError
from tests.conftest import make_resolution

AKN = SourceInfo(name="70_126.xml", format="akn", sha256="a" * 64)
PDF_TEXT = SourceInfo(name="70_126.txt", format="pdf-text", sha256="b" * 64)


def texts(symbol="A/RES/70/126"):
    return dict(Resolution.objects.get(symbol=symbol).paragraphs.values_list("key", "text"))


@pytest.fixture
def two_sources():
    """The AKN gives the text; a PDF text with a different op1 is kept beside it."""
    load_resolution(make_resolution(source=AKN))
    pdf = make_resolution(source=PDF_TEXT)
    pdf.paragraphs[1].text = "Takes note of the report of the Secretary-General;"
    load_resolution(pdf)
    return Resolution.objects.get(symbol="A/RES/70/126")


@pytest.mark.django_db
def test_every_source_keeps_what_it_gave(two_sources):
    kept = {source.format: source.parsed for source in two_sources.sources.all()}
    assert kept["akn"]["paragraphs"][1]["text"] == "Takes note of the report;"
    assert kept["pdf-text"]["paragraphs"][1]["text"] == "Takes note of the report of the Secretary-General;"


@pytest.mark.django_db
def test_a_pin_gives_the_text_at_once_and_unpinning_gives_it_back(two_sources):
    assert texts()["op1"] == "Takes note of the report;"
    selection = resolution_source_pin(resolution=two_sources, sha256=PDF_TEXT.sha256)
    assert selection.source.format == "pdf-text" and selection.result.outcome == "updated"
    assert texts()["op1"] == "Takes note of the report of the Secretary-General;"
    resolution = Resolution.objects.get(symbol="A/RES/70/126")
    assert resolution.source_sha256 == PDF_TEXT.sha256 and resolution.source_as_pinned is True
    old = ParagraphVersion.objects.get(resolution=resolution, key="op1")  # the address keeps the text it showed
    assert old.text == "Takes note of the report;" and old.replaced_by == PDF_TEXT.name

    selection = resolution_source_pin(resolution=resolution, sha256="")
    assert selection.source.format == "akn"
    assert texts()["op1"] == "Takes note of the report;"


@pytest.mark.django_db
def test_pinning_the_source_already_giving_the_text_changes_nothing(two_sources):
    selection = resolution_source_pin(resolution=two_sources, sha256=AKN.sha256)
    assert selection.result is None and "nothing changed" in selection.describe()


@pytest.mark.django_db
def test_a_pin_must_name_a_source_of_the_resolution(two_sources):
    with pytest.raises(LoadError, match="no source of this resolution"):
        resolution_source_pin(resolution=two_sources, sha256="c" * 64)


@pytest.mark.django_db
def test_a_source_without_kept_content_is_named_not_applied(two_sources):
    two_sources.sources.filter(sha256=PDF_TEXT.sha256).update(parsed=None)  # imported before content was kept
    selection = resolution_source_pin(resolution=two_sources, sha256=PDF_TEXT.sha256)
    assert selection.source.format == "akn" and selection.unkept == [PDF_TEXT.name]
    assert "import again" in selection.describe()
    assert texts()["op1"] == "Takes note of the report;"


@pytest.mark.django_db
def test_a_correction_is_a_pinned_source_and_keeps_votes_markers_and_the_old_text(two_sources):
    resolution = two_sources
    selection = paragraph_correct(
        resolution=resolution,
        key="op1",
        text="Takes note  of the annual report;",
        curator="curator",
        reason="checked against the official PDF",
    )
    assert selection.source.format == CORRECTION_FORMAT and selection.source.origin.startswith("curator: checked")
    resolution.refresh_from_db()
    assert resolution.source_pin == selection.source.sha256 == resolution.source_sha256
    assert texts()["op1"] == "Takes note of the annual report;"
    note = resolution.footnotes.get(marker="1")  # was at the end of "…the report;" (offset 24)
    assert note.paragraph.key == "op1" and note.offset == len("Takes note of the annual report;") - 1
    assert ParagraphVersion.objects.get(resolution=resolution, key="op1").text == "Takes note of the report;"
    assert resolution.sources.count() == 3  # the AKN and the PDF text are kept beside it

    load_resolution(make_resolution(source=SourceInfo(name="new.xml", format="akn", sha256="d" * 64)))
    assert texts()["op1"] == "Takes note of the annual report;"  # a later import does not undo the correction
    resolution_source_pin(resolution=resolution, sha256="")
    assert texts()["op1"] == "Takes note of the report;"  # unpinned, the best source gives the text again


@pytest.mark.django_db
def test_a_corrected_paragraph_has_its_citations_read_again(two_sources):
    paragraph_correct(
        resolution=two_sources,
        key="pp1",
        text="Recalling its resolutions 68/131 and 69/142,",
        curator="curator",
        reason="the second resolution was missing",
    )
    cited = set(two_sources.citations.filter(paragraph__key="pp1").values_list("target_symbol", flat=True))
    assert cited == {"A/RES/68/131", "A/RES/69/142"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "text", "reason", "message"),
    [
        ("op9", "Text;", "why", "no paragraph op9"),
        ("op1", "   ", "why", "cannot be empty"),
        ("op1", "Takes note of the report;", "why", "unchanged"),
        ("op1", "Takes note;", "  ", "say why"),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(two_sources, key, text, reason, message):
    before = texts()
    with pytest.raises(LoadError, match=message):
        paragraph_correct(resolution=two_sources, key=key, text=text, curator="c", reason=reason)
    assert texts() == before and two_sources.sources.count() == 2


@pytest.mark.django_db
def test_a_correction_needs_its_text_source_kept(two_sources):
    two_sources.sources.update(parsed=None)
    with pytest.raises(LoadError, match="import it again"):
        paragraph_correct(resolution=two_sources, key="op1", text="Takes note;", curator="c", reason="typo")


def test_markers_move_with_the_words_around_them():
    old = "Recalling the report,1 and the declaration"
    assert moved_offset(old, "Recalling the annual report,1 and the declaration", 21) == 28
    assert moved_offset(old, "Recalling the report, and the declaration", len(old)) == len(
        "Recalling the report, and the declaration"
    )
    assert moved_offset("abc", "xbc", 0) == 0


def test_corrected_content_leaves_the_source_content_alone():
    parsed = make_resolution(footnotes=[ParsedFootnote("1", "A/70/179.", "op1", 24)]).to_dict()
    corrected = corrected_content(parsed, key="op1", text="Takes note of the report.", symbol="A/RES/70/126")
    assert parsed["paragraphs"][1]["text"] == "Takes note of the report;"
    assert corrected["paragraphs"][1]["text"] == "Takes note of the report."


@pytest.mark.django_db
def test_selecting_with_no_kept_content_says_so(two_sources):
    two_sources.sources.update(parsed=None)
    assert "import one again" in resolution_text_select(resolution=two_sources).describe()


@pytest.mark.django_db
def test_the_rule_chooses_among_the_records_own_language_only(two_sources):
    french = make_resolution(source=SourceInfo(name="70_126_F.xml", format="akn", sha256="f" * 64), language="fr")
    french.paragraphs[1].text = "Prend note du rapport;"
    load_resolution(french)  # the latest AKN, but of the French text
    selection = resolution_source_pin(resolution=two_sources, sha256="")
    assert selection.source.sha256 == AKN.sha256 and texts()["op1"] == "Takes note of the report;"
    with pytest.raises(LoadError, match="no source of this resolution"):
        resolution_source_pin(resolution=two_sources, sha256="f" * 64)
