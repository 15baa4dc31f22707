import pytest

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import FootnotePlace, ParsedParagraph, SourceInfo
from resolutions.ingest.document import Vote as ParsedVote
from resolutions.models import (
    Citation,
    FootnoteReference,
    Paragraph,
    ParagraphVersion,
    Resolution,
    ResolutionSource,
    Vote,
)
from resolutions.store.load import load_resolution, plan_load
from resolutions.store.outcomes import CREATED, SOURCE_ADDED, UNCHANGED, UPDATED
from resolutions.store.validation import LoadError
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


def stored_places():
    return list(FootnoteReference.objects.values_list("footnote__marker", "paragraph__key", "offset"))


def test_further_places_of_a_footnote_are_stored_and_a_change_of_them_updates(parsed_resolution):
    load_resolution(parsed_resolution)
    assert stored_places() == []
    parsed_resolution.footnotes[0].further_places = [FootnotePlace("op2", 10), FootnotePlace("pp1", 9)]
    assert load_resolution(parsed_resolution).outcome == UPDATED
    assert sorted(stored_places()) == [("1", "op2", 10), ("1", "pp1", 9)]
    assert load_resolution(parsed_resolution).outcome == UNCHANGED
    parsed_resolution.footnotes[0].further_places = [FootnotePlace("op2", 10)]
    assert load_resolution(parsed_resolution).outcome == UPDATED
    assert stored_places() == [("1", "op2", 10)]


def test_a_further_place_in_an_unknown_paragraph_is_refused():
    parsed = make_resolution()
    parsed.footnotes[0].further_places = [FootnotePlace("op9", 3)]
    with pytest.raises(LoadError, match="printed again in unknown paragraph 'op9'"):
        load_resolution(parsed)
    assert not Resolution.objects.exists()


def test_duplicate_paragraph_key_refused_and_nothing_written():
    parsed = make_resolution()
    parsed.paragraphs[2].key = "op1"
    with pytest.raises(LoadError, match="appears twice"):
        load_resolution(parsed)
    assert not Resolution.objects.exists()


def test_failure_midway_rolls_back(monkeypatch, parsed_resolution):
    import resolutions.store.load as loading

    def explode(*, resolution):
        raise RuntimeError("injected failure after paragraphs were written")

    monkeypatch.setattr(loading, "citation_targets_resolve", explode)
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


# --- several sources per resolution (resolutions/provenance.py) ---------------------------------------


AKN_SOURCE = SourceInfo(name="A_RES_70_126-E.xml", format="akn", sha256="a" * 64)
PDF_TEXT_SOURCE = SourceInfo(name="A-RES-70-126.txt", format="pdf-text", sha256="c" * 64)


def from_akn(**fields):
    return make_resolution(
        source=AKN_SOURCE,
        committee="Third Committee",
        agenda_item="28 (b)",
        votes=[ParsedVote("Andorra", "Y"), ParsedVote("Brazil", "A")],
        metadata={"sponsors": ["Andorra"]},
        **fields,
    )


def from_pdf_text(**fields):
    return make_resolution(**{"source": PDF_TEXT_SOURCE, **fields})


def test_every_source_is_kept_and_akn_keeps_the_text_against_a_later_pdf_text():
    load_resolution(from_akn(), origin="/corpus/akn/A_RES_70_126-E.xml")
    pdf_text = from_pdf_text()
    pdf_text.paragraphs[1].text = "Takes note of the report, as extracted;"
    result = load_resolution(pdf_text, origin="/corpus/pdf-text/A-RES-70-126.txt")
    assert (result.outcome, result.gives_text) == (SOURCE_ADDED, False)
    resolution = Resolution.objects.get()
    assert resolution.source_format == "akn" and Paragraph.objects.get(key="op1").text == "Takes note of the report;"
    sources = list(ResolutionSource.objects.order_by("imported_at").values_list("format", "sha256", "name", "origin"))
    assert sources == [
        ("akn", "a" * 64, "A_RES_70_126-E.xml", "/corpus/akn/A_RES_70_126-E.xml"),
        ("pdf-text", "c" * 64, "A-RES-70-126.txt", "/corpus/pdf-text/A-RES-70-126.txt"),
    ]
    assert load_resolution(pdf_text).outcome == UNCHANGED  # a source already kept, nothing to add


def test_votes_sponsors_and_committee_survive_a_pdf_text_that_gives_the_text():
    load_resolution(from_pdf_text())  # the text first came from the PDF text…
    load_resolution(from_akn())  # …then AKN gave the text and its votes, committee, sponsors
    newer = from_pdf_text(source=SourceInfo(name="A-RES-70-126.txt", format="pdf-text", sha256="e" * 64))
    # a curator pins the newer PDF text: it gives the text, and lacks every piece of metadata
    Resolution.objects.update(source_pin="e" * 64)
    newer.paragraphs[1].text = "Takes note of the report of the Secretary-General;"
    result = load_resolution(newer)
    assert result.outcome == UPDATED and set(result.kept) >= {"votes", "committee", "agenda_item", "sponsors"}
    resolution = Resolution.objects.get()
    assert resolution.source_sha256 == "e" * 64
    assert (resolution.committee, resolution.agenda_item, resolution.metadata) == (
        "Third Committee",
        "28 (b)",
        {"sponsors": ["Andorra"]},
    )
    assert list(Vote.objects.values_list("member_state__name", "vote")) == [("Andorra", "Y"), ("Brazil", "A")]
    assert "kept from earlier sources: " in result.describe() and "votes" in result.describe()


def test_a_lower_source_fills_what_the_archive_lacks():
    load_resolution(from_pdf_text(source=SourceInfo(name="x.pdf", format="pdf", sha256="b" * 64)))
    result = load_resolution(from_pdf_text(committee="Third Committee", votes=[ParsedVote("Chile", "N")]))
    assert (result.outcome, result.filled) == (SOURCE_ADDED, ["committee", "votes"])
    resolution = Resolution.objects.get()
    assert resolution.source_format == "pdf" and resolution.committee == "Third Committee"
    assert list(Vote.objects.values_list("member_state__name", flat=True)) == ["Chile"]


def test_a_key_change_keeps_the_old_address_and_the_old_text():
    parsed = from_pdf_text(
        paragraphs=[
            ParsedParagraph("pp1", "preambular", "", 1, "Recalling its resolution 68/131,", "Recalling"),
            ParsedParagraph("p1", "operative", "", 2, "Adopts the declaration annexed;", "Adopts"),
        ],
        footnotes=[],
    )
    load_resolution(parsed)
    parsed = make_resolution(
        source=AKN_SOURCE,
        paragraphs=[
            ParsedParagraph(
                "pp1", "preambular", "", 1, "Recalling its resolution 68/131 of 18 December 2013,", "Recalling"
            ),
            ParsedParagraph("op1", "operative", "", 2, "Adopts the declaration annexed;", "Adopts"),
        ],
        footnotes=[],
    )
    planned = plan_load(parsed)
    assert [(c.kind, c.key, c.new_key) for c in planned.changes] == [("changed", "pp1", "pp1"), ("moved", "p1", "op1")]
    assert not ParagraphVersion.objects.exists()  # planning writes nothing
    result = load_resolution(parsed)
    assert result.outcome == UPDATED and "1 paragraph address moved" in result.describe()
    versions = {v.key: (v.successor, v.text, v.replaced_by) for v in ParagraphVersion.objects.all()}
    assert versions == {
        "p1": ("op1", "Adopts the declaration annexed;", "A_RES_70_126-E.xml"),
        "pp1": ("", "Recalling its resolution 68/131,", "A_RES_70_126-E.xml"),
    }


def test_the_raw_akn_committee_reference_is_named_as_printed():
    from resolutions.reference.bodies import committee_name

    assert committee_name("#fifthCommittee") == "Fifth Committee"
    assert committee_name("third  committee") == "Third Committee"
    assert committee_name("Without reference to a Main Committee") == "Without reference to a Main Committee"
