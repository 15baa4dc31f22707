"""The Akoma Ntoso (AKN4UN) importer: golden excerpts written for the tests, bad input, corpus metadata.

Each ``tests/golden/akn/<name>.xml`` is parsed through the pipeline and compared,
citations included (they come from the UN's own links plus the finder), with
``<name>.json`` beside it. After a deliberate change to the importer, regenerate
with ``UPDATE_GOLDEN=1 pytest tests/ingest/akn/test_parse.py`` and read the diff.
"""

import json
import os
from pathlib import Path

import pytest

from resolutions.ingest import akn
from resolutions.ingest.akn.cover import parse_date
from resolutions.ingest.document import ParseError, SkippedSource
from resolutions.ingest.pipeline import detect_format, parse_bytes, parse_path

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "akn"
SOURCES = sorted(GOLDEN.glob("*.xml"))


def parse(data: bytes, name="test.xml"):
    return parse_bytes(data, name, "akn")


def single() -> bytes:
    return (GOLDEN / "single.xml").read_bytes()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_golden_file(source):
    expected_path = source.with_suffix(".json")
    document = parse_path(source)
    actual = [resolution.to_dict() for resolution in document.resolutions]
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(
            json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


def test_detected_by_content_whatever_the_name():
    assert detect_format(single(), "resolution.txt") == "akn"
    assert not akn.detect(b"<html><body>A/RES/70/1</body></html>", "x.xml")


def test_keys_come_from_printed_numbers_not_eids():
    resolution = parse(single()).resolutions[0]
    keys = [(p.key, p.parent_key) for p in resolution.paragraphs]
    assert keys == [
        ("pp1", ""),
        ("pp2", ""),
        ("pp3", ""),
        ("op1", ""),
        ("op2", ""),
        ("op2a", "op2"),
        ("op2a-i", "op2a"),
        ("op2a-ii", "op2a"),
        ("op2b", "op2"),
        ("op3", ""),  # printed "3." inside the text, not in <num>
    ]
    by_key = {p.key: p for p in resolution.paragraphs}
    assert by_key["op3"].heading == "II. Follow-up"
    assert by_key["op3"].text.startswith("Requests the Secretary-General")
    assert by_key["op3"].opening_phrase == "Requests"
    assert by_key["pp1"].opening_phrase == "Recalling"


def test_lists_inside_a_paragraph_are_keyed_under_it_and_nothing_is_printed_twice():
    resolution = parse((GOLDEN / "lists_in_paragraphs.xml").read_bytes()).resolutions[0]
    keys = {p.key: p.parent_key for p in resolution.paragraphs}
    # a paragraph's own list of points numbered 1., 2., 3.
    assert [k for k in keys if k.startswith("op2-")] == ["op2-1", "op2-2", "op2-3"]
    assert keys["op2-1"] == "op2"
    # top-level paragraphs numbered afresh after "the following aims:", then the numbering resumes
    assert keys["annex-sec-i-op1-2"] == "annex-sec-i-op1" and "annex-sec-i-op2" in keys
    # letters that restart under each section heading are keyed in their section, under paragraph 3
    assert keys["annex-sec-ii-a-op3a"] == keys["annex-sec-ii-b-op3a"] == "annex-sec-ii-op3"
    assert keys["annex-sec-ii-b-op3a-i"] == "annex-sec-ii-b-op3a"
    assert not [w for w in resolution.warnings if "printed twice" in w]


def test_footnotes_leave_the_text_with_their_offsets():
    resolution = parse(single()).resolutions[0]
    pp3 = next(p for p in resolution.paragraphs if p.key == "pp3")
    note = next(f for f in resolution.footnotes if f.marker == "2")
    assert note.paragraph_key == "pp3" and note.text == "Resolution 70/1."
    assert pp3.text[: note.offset] == "Reaffirming the Charter of the Coastal Lights,"


def test_a_repeated_marker_is_a_further_place_of_its_footnote():
    resolution = parse(single()).resolutions[0]
    op1 = next(p for p in resolution.paragraphs if p.key == "op1")
    note = next(f for f in resolution.footnotes if f.marker == "1")
    assert [(place.paragraph_key, place.offset) for place in note.further_places] == [("op1", len(op1.text))]
    assert op1.text == "Takes note of the logbook of the keepers;"


def test_a_repeat_names_the_footnote_printed_before_it_and_a_stray_superscript_is_none():
    data = (
        single()
        .replace(
            b"including its 17 Sustainable Development Goals,</p>",
            b"including its 17 Goals,<sup>2</sup> over 5 km<sup>9</sup></p>",
        )
        .replace(
            b"of the logbook of the keepers;<sup>1</sup></p>",
            b"of the logbook<sup>2</sup> of the keepers;</p>",
        )
    )
    resolution = parse(data).resolutions[0]
    texts = {p.key: p.text for p in resolution.paragraphs}
    places = {
        f.marker: [(p.paragraph_key, texts[p.paragraph_key][: p.offset][-12:]) for p in f.further_places]
        for f in resolution.footnotes
    }
    assert places == {"1": [], "2": [("pp3", "ts 17 Goals,"), ("op1", " the logbook")]}
    assert texts["pp3"].endswith("including its 17 Goals, over 5 km")


def test_un_links_become_citations_and_the_finder_adds_the_rest():
    resolution = parse(single()).resolutions[0]
    found = {(c.symbol, c.paragraph_key or f"fn{c.footnote_marker}", c.target_paragraph) for c in resolution.citations}
    assert found == {
        ("A/RES/88/140", "pp1", ""),  # linked by the UN
        ("A/RES/89/150", "pp1", ""),
        ("E/RES/2010/12", "pp1", ""),  # not linked: found by the finder
        ("A/RES/89/150", "op2a", "op5"),  # "paragraph 5 of resolution 89/150"
        ("A/90/180", "fn1", ""),
        ("A/RES/70/1", "fn2", ""),
    }
    for citation in resolution.citations:
        paragraph = next((p.text for p in resolution.paragraphs if p.key == citation.paragraph_key), None)
        text = (
            paragraph
            if paragraph is not None
            else next(f.text for f in resolution.footnotes if f.marker == citation.footnote_marker)
        )
        assert text[citation.start : citation.end] == citation.text


def test_multi_part_file_gives_one_resolution_per_part():
    document = parse_path(GOLDEN / "multipart.xml")
    assert [r.symbol for r in document.resolutions] == ["A/RES/90/101 A", "A/RES/90/101 B"]
    first, second = document.resolutions
    assert first.number == "90/101 A" and first.title == "Test excerpts in the service of readers"
    assert second.committee == "Fourth Committee" and second.report == "A/90/415"
    # a one-paragraph resolution: the unnumbered paragraph and its lettered items
    assert [(p.key, p.parent_key) for p in first.paragraphs if p.kind == "operative"] == [
        ("op1", ""),
        ("op1a", "op1"),
        ("op1b", "op1"),
    ]
    # the UN's "(supp)" link marker and a lower-case part letter are read as the symbols they mean
    assert {c.symbol for c in first.citations} == {"A/90/21"}
    assert {c.symbol for c in second.citations} >= {"A/RES/89/99 B", "A/RES/88/77 B"}


def test_annex_paragraphs_have_their_own_namespace():
    resolution = parse_path(GOLDEN / "annex.xml").resolutions[0]
    assert resolution.symbol == "A/RES/S-40/1" and resolution.session == "S-40"
    annex = [(p.key, p.kind) for p in resolution.paragraphs if p.part == "annex"]
    assert annex == [
        ("annex-pp1", "preambular"),
        ("annex-op1", "operative"),
        ("annex-op2", "operative"),
        ("annex-op2a", "operative"),
        ("annex-p1", "operative"),
        ("annex-p2", "operative"),
    ]
    rows = [p.text for p in resolution.paragraphs if p.key in ("annex-p1", "annex-p2")]
    assert rows == ["Goal | Target year", "Poverty | 2030"]


@pytest.mark.parametrize(
    "code, language", [("fra", "fr"), ("spa", "es"), ("rus", "ru"), ("ara", "ar"), ("zho", "zh"), ("eng", "en")]
)
def test_each_official_language_is_read_from_the_frbr_metadata(code, language):
    data = single().replace(b'language="eng"', f'language="{code}"'.encode())
    (resolution,) = parse(data, "90_12_F.xml").resolutions
    assert resolution.language == language


def test_a_language_that_is_none_of_the_six_is_skipped_with_a_clear_message():
    data = single().replace(b'language="eng"', b'language="deu"')
    with pytest.raises(SkippedSource, match="'deu', which is none of the six official languages"):
        parse(data, "90_12_G.xml")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><statement>", "malformed XML"),
        (
            b"<?xml version='1.0'?>\n<!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;'>]>\n"
            b"<akomaNtoso>&lol2;</akomaNtoso>",
            "DTD or entity",
        ),
        (b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><act/></akomaNtoso>", "no <statement>"),
        (
            b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><statement><coverPage><p><docNumber>S/RES/1/1</docNumber></p></coverPage>"
            b"<preamble/></statement></akomaNtoso>",
            "no General Assembly resolution symbol",
        ),
    ],
    ids=["truncated", "entity-bomb", "not-a-statement", "no-symbol"],
)
def test_bad_xml_gives_a_clear_error_naming_the_file(data, message):
    with pytest.raises(ParseError, match=message) as error:
        parse(data, "broken.xml")
    assert "broken.xml" in str(error.value)


def test_malformed_xml_names_the_line():
    data = single().replace(b"</preamble>", b"</preambel>")
    with pytest.raises(ParseError) as error:
        parse(data, "broken.xml")
    assert error.value.line is not None and error.value.line > 1


def test_unknown_structure_is_kept_and_warned_about():
    data = single().replace(
        b"</content>\n      </paragraph>\n    </mainBody>", b"</content><foo>Stray words</foo></paragraph></mainBody>"
    )
    assert b"<foo>" in data
    resolution = parse(data).resolutions[0]
    assert any("<foo>" in warning and "Stray words" in warning for warning in resolution.warnings)


def metadata_line(**overrides):
    line = {
        "symbol": "A/RES/90/12",
        "committee": "Third Committee",
        "agenda_item": "Agenda item 25 (b)",
        "adoption_date": "15 December 2030",
        "adoption_type": "By a recorded vote",
        "MS_in_favour": ["ALBANIA", "ZAMBIA"],
        "MS_against": ["NARNIA"],
        "MS_abstaining": ["ATLANTIS"],
        "sponsors": ["ALBANIA"],
        "additional_sponsors": [],
        "SDGs": ["1", "10"],
        "subjects": [["SOCIAL DEVELOPMENT", "UNBIS Thesaurus"]],
    }
    line.update(overrides)
    return line


def corpus_layout(tmp_path, data: bytes, *lines) -> Path:
    folder = tmp_path / "90" / "English"
    folder.mkdir(parents=True)
    (tmp_path / "metadata").mkdir()
    (tmp_path / "metadata" / "90.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    path = folder / "90_12_E.xml"
    path.write_bytes(data)
    return path


def test_corpus_metadata_line_gives_votes_sponsors_and_subjects(tmp_path):
    other = metadata_line(symbol="A/RES/90/13", MS_in_favour=["NARNIA"])
    path = corpus_layout(tmp_path, single(), other, metadata_line())
    resolution = parse_path(path).resolutions[0]
    assert [(v.member_state, v.vote) for v in resolution.votes] == [
        ("ALBANIA", "Y"),
        ("ATLANTIS", "A"),
        ("NARNIA", "N"),
        ("ZAMBIA", "Y"),
    ]
    assert resolution.committee == "Third Committee"
    assert resolution.metadata["sponsors"] == ["ALBANIA"]
    assert resolution.metadata["SDGs"] == ["1", "10"]
    assert resolution.metadata["subjects"] == [["SOCIAL DEVELOPMENT", "UNBIS Thesaurus"]]
    assert resolution.metadata["adoption_type"] == "By a recorded vote"


def test_metadata_date_fills_a_missing_adoption_date_in_either_format(tmp_path):
    data = single().replace(b'<docDate date="2030-12-15" refersTo="#adoptionDate">15 December 2030</docDate>', b"")
    data = data.replace(b'<FRBRdate date="2030-12-15" name="adoption"/>', b"")
    path = corpus_layout(tmp_path, data, metadata_line(adoption_date="2030-12-14 00:00:00"))
    assert parse_path(path).resolutions[0].adopted_on.isoformat() == "2030-12-14"
    assert parse_date("16 December 2020").isoformat() == "2020-12-16"
    assert parse_date("2019-12-18 00:00:00").isoformat() == "2019-12-18"
    assert parse_date("31 February 2020") is None


def test_no_metadata_line_is_a_warning_not_a_failure(tmp_path):
    path = corpus_layout(tmp_path, single(), metadata_line(symbol="A/RES/90/99"))
    resolution = parse_path(path).resolutions[0]
    assert resolution.votes == [] and any("no line for A/RES/90/12" in w for w in resolution.warnings)


@pytest.mark.django_db
def test_loads_and_reloads_unchanged():
    from resolutions.models import Resolution
    from resolutions.store.load import load_resolution
    from resolutions.store.outcomes import CREATED, UNCHANGED

    for resolution in parse_path(GOLDEN / "multipart.xml").resolutions:
        assert load_resolution(resolution).outcome == CREATED
    for resolution in parse_path(GOLDEN / "multipart.xml").resolutions:
        assert load_resolution(resolution).outcome == UNCHANGED
    part_b = Resolution.objects.get(symbol="A/RES/90/101 B")
    assert part_b.citations.get(target_symbol="A/RES/90/101 A").target.symbol == "A/RES/90/101 A"


def test_corpus_metadata_files_are_companions_not_sources(tmp_path):
    from resolutions.ingest.pipeline import source_paths

    path = corpus_layout(tmp_path, single(), metadata_line())
    assert source_paths([tmp_path]) == [path]


ANALYSIS = b"""<analysis source="#un"><parliamentary><voting outcome="adoptedRecordedVote">
  <count value="2" refersTo="inFavour"><voters><organization refersTo="memberState">ALBANIA</organization>
    <organization refersTo="memberState">ZAMBIA</organization></voters></count>
  <count value="1" refersTo="against"><voters><organization refersTo="memberState">NARNIA</organization></voters></count>
  <count value="0" refersTo="abstaining"/>
</voting></parliamentary></analysis>
<classification source="http://metadata.un.org/sdg">
  <keyword value="10" href="http://metadata.un.org/sdg/10" showAs="sdg_10" dictionary="SDGO"/>
  <keyword value="social_inclusion" href="http://metadata.un.org/thesaurus/1" showAs="x" dictionary="UNBIS Thesaurus"/>
</classification>
<workflow source="#un"><step date="0001-01-01" outcome="draftResolution" by="submitted by Albania"/></workflow>
</meta>"""


def with_analysis() -> bytes:
    return single().replace(b"</meta>", ANALYSIS, 1)


def test_votes_and_subjects_from_the_xml_itself():
    resolution = parse(with_analysis()).resolutions[0]
    assert [(v.member_state, v.vote) for v in resolution.votes] == [("ALBANIA", "Y"), ("NARNIA", "N"), ("ZAMBIA", "Y")]
    assert resolution.metadata["adoption_type"] == "By a recorded vote"
    assert resolution.metadata["SDGs"] == ["10"]
    assert resolution.metadata["subjects_unbis"] == ["social inclusion"]
    assert resolution.metadata["submitted_by"] == "submitted by Albania"


def test_xml_votes_win_over_a_disagreeing_metadata_line(tmp_path):
    path = corpus_layout(tmp_path, with_analysis(), metadata_line())
    resolution = parse_path(path).resolutions[0]
    assert ("ATLANTIS", "A") not in [(v.member_state, v.vote) for v in resolution.votes]
    assert any("other votes than the XML" in w for w in resolution.warnings)


LANGUAGE_GOLDENS = {"french": "fr", "spanish": "es", "russian": "ru", "arabic": "ar", "chinese": "zh"}


@pytest.mark.parametrize("stem, code", LANGUAGE_GOLDENS.items())
def test_each_language_keys_its_paragraphs_as_the_others_do(stem, code):
    """The same resolution written in each language: the same keys, read from each language's printed numbers
    ("a)", "(أ)", "’1‘", "㈠"), the committee named as the archive names it, the adoption date read."""
    (resolution,) = parse_path(GOLDEN / f"{stem}.xml").resolutions
    keys = [p.key for p in resolution.paragraphs]
    assert keys == ["pp1", "pp2", "op1", "op2", "op2a", "op2a-i", "op2a-ii", "op2b", "op3"]
    assert (resolution.language, resolution.committee, resolution.agenda_item) == (code, "Third Committee", "25 (b)")
    assert str(resolution.adopted_on) == "2030-12-15"
    assert [p.parent_key for p in resolution.paragraphs][4:] == ["op2", "op2a", "op2a", "op2", ""]
    assert resolution.footnotes[0].paragraph_key == "pp2"
    assert {c.symbol for c in resolution.citations} == {"A/RES/89/150", "A/90/180"}
    assert all(p.opening_phrase for p in resolution.paragraphs if p.key in ("pp1", "pp2", "op1", "op2", "op3"))
