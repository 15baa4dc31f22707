"""The four seed resolutions (fixtures/sources/) parse to what the foundation issue expects."""

import datetime as dt
from collections import Counter

import pytest

from resolutions.ingest.pipeline import parse_path
from tests.conftest import SOURCES

SEEDS = {
    "A/RES/68/131": "000_242683ea6976dd74.txt",
    "A/RES/70/126": "001_e3a8669cb6dda057.txt",
    "E/RES/2010/12": "002_ebffbc419c3fab09.txt",
    "E/ESCAP/RES/67/8": "003_edfc44f804bbbfef.txt",
}


@pytest.fixture(scope="module")
def seeds():
    parsed = {}
    for symbol, name in SEEDS.items():
        document = parse_path(SOURCES / name)
        assert [r.symbol for r in document.resolutions] == [symbol]
        parsed[symbol] = document.resolutions[0]
    return parsed


def top_level(resolution, kind):
    return [p for p in resolution.paragraphs if p.kind == kind and not p.parent_key]


@pytest.mark.parametrize(
    "symbol, preambular, operative, footnotes",
    [
        ("A/RES/68/131", 17, 15, 2),
        ("A/RES/70/126", 21, 15, 2),
        ("E/RES/2010/12", 10, 35, 11),
        ("E/ESCAP/RES/67/8", 9, 2, 1),
    ],
)
def test_paragraph_and_footnote_counts(seeds, symbol, preambular, operative, footnotes):
    resolution = seeds[symbol]
    assert len(top_level(resolution, "preambular")) == preambular
    assert len(top_level(resolution, "operative")) == operative
    assert len(resolution.footnotes) == footnotes


def test_formats_detected_by_content(seeds):
    formats = {symbol: r.source.format for symbol, r in seeds.items()}
    assert formats == {
        "A/RES/68/131": "ods-text",
        "A/RES/70/126": "ods-text",
        "E/RES/2010/12": "markdown",
        "E/ESCAP/RES/67/8": "plain-text",
    }


def test_escap_lettered_sub_paragraphs(seeds):
    resolution = seeds["E/ESCAP/RES/67/8"]
    children = Counter(p.parent_key for p in resolution.paragraphs if p.parent_key)
    assert children == {"op1": 5, "op2": 6}
    keys = [p.key for p in resolution.paragraphs if p.parent_key == "op2"]
    assert keys == ["op2a", "op2b", "op2c", "op2d", "op2e", "op2f"]
    op2d = next(p for p in resolution.paragraphs if p.key == "op2d")
    assert op2d.number == "(d)"
    # 2 (d) continues after a blank line
    assert "as effective public-private partnerships in order to enhance" in op2d.text


@pytest.mark.parametrize(
    "symbol, body, session, number, title, adopted_on, meeting, report, agenda_item, committee",
    [
        (
            "A/RES/68/131",
            "GA",
            "68",
            "68/131",
            "Promoting social integration through social inclusion",
            dt.date(2013, 12, 18),
            "70th plenary meeting",
            "A/68/448",
            "27 (b)",
            "Third Committee",
        ),
        (
            "A/RES/70/126",
            "GA",
            "70",
            "70/126",
            "Promoting social integration through social inclusion",
            dt.date(2015, 12, 17),
            "80th plenary meeting",
            "A/70/481",
            "28 (b)",
            "Third Committee",
        ),
        (
            "E/RES/2010/12",
            "ECOSOC",
            "2010",
            "2010/12",
            "Promoting social integration",
            dt.date(2010, 7, 22),
            "45th plenary meeting",
            "",
            "",
            "",
        ),
        (
            "E/ESCAP/RES/67/8",
            "ESCAP",
            "67",
            "67/8",
            "Strengthening social protection systems in Asia and the Pacific",
            dt.date(2011, 5, 25),
            "",
            "",
            "",
            "",
        ),
    ],
)
def test_metadata_from_the_text(
    seeds, symbol, body, session, number, title, adopted_on, meeting, report, agenda_item, committee
):
    r = seeds[symbol]
    assert (r.body, r.session, r.number, r.title) == (body, session, number, title)
    assert (r.adopted_on, r.meeting, r.report, r.agenda_item, r.committee) == (
        adopted_on,
        meeting,
        report,
        agenda_item,
        committee,
    )


def test_escap_date_comes_only_from_the_documented_sidecar():
    sidecar = SOURCES / "003_edfc44f804bbbfef.txt.meta.json"
    import json

    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["adopted_on"] == "2011-05-25" and "sixty-seventh session" in data["note"]
    from resolutions.ingest.pipeline import parse_bytes

    without_sidecar = parse_bytes((SOURCES / SEEDS["E/ESCAP/RES/67/8"]).read_bytes(), "003.txt").resolutions[0]
    assert without_sidecar.adopted_on is None


def test_escap_advertisement_dropped_with_warnings_naming_lines(seeds):
    warnings = seeds["E/ESCAP/RES/67/8"].warnings
    assert any(w.startswith("line 57:") and "预览已结束" in w for w in warnings)
    assert any(w.startswith("line 59:") and "yunbaogao" in w for w in warnings)
    texts = " ".join(p.text for p in seeds["E/ESCAP/RES/67/8"].paragraphs)
    assert "yunbaogao" not in texts and "预览" not in texts


def test_ods_seeds_have_no_unexplained_lines(seeds):
    assert seeds["A/RES/68/131"].warnings == []
    assert seeds["A/RES/70/126"].warnings == []
    assert seeds["E/RES/2010/12"].warnings == []


def test_footnote_markers_removed_and_placed(seeds):
    r = seeds["A/RES/68/131"]
    first, second = r.footnotes
    pp4 = next(p for p in r.paragraphs if p.key == "pp4")
    assert (first.marker, first.text, first.paragraph_key) == ("1", "Resolution 65/1.", "pp4")
    assert pp4.text[: first.offset].endswith("Millennium Development Goals,")
    assert "Goals, in which Heads of State" in pp4.text
    assert (second.paragraph_key, second.text) == ("op1", "A/68/169.")
    op1 = next(p for p in r.paragraphs if p.key == "op1")
    assert op1.text == "Takes note of the report of the Secretary-General;" and second.offset == len(op1.text)


def test_numbers_in_text_are_not_markers(seeds):
    r = seeds["A/RES/70/126"]
    text = {p.key: p.text for p in r.paragraphs}
    assert "the 2030 Agenda for Sustainable Development reflects" in text["pp4"]  # marker 1 taken out
    assert "among the 17 Sustainable Development Goals" in text["pp5"]
    assert "General Assembly resolutions 66/122 of 19 December 2011 and 68/131 of 18 December 2013" in text["pp3"]
    assert r.footnotes[0].paragraph_key == "pp4"
    assert r.meeting == "80th plenary meeting"


def test_markdown_markers_footnote_blocks_and_continuations(seeds):
    r = seeds["E/RES/2010/12"]
    text = {p.key: p for p in r.paragraphs}
    assert text["op7"].text.startswith(
        "Recognizes also that the broad concept of social development affirmed by the World Summit"
    )
    assert "<sup>" not in " ".join(p.text for p in r.paragraphs)
    assert "*" not in " ".join(p.text for p in r.paragraphs)
    footnote_1 = r.footnotes[0]
    assert footnote_1.paragraph_key == "pp1"
    assert text["pp1"].text[: footnote_1.offset] == "Recalling the outcomes of the World Summit for Social Development"
    assert r.footnotes[10].paragraph_key == "op12"  # after the footnote block that splits paragraph 12
    assert "Sales No. E.96.IV.8" in footnote_1.text and "*" not in footnote_1.text
    assert text["op12"].text.endswith("full and productive employment and decent work for all;")


def test_hyphenation_and_line_joins(seeds):
    pp3 = next(p for p in seeds["A/RES/68/131"].paragraphs if p.key == "pp3")
    assert "General Assembly resolution 66/122 of 19 December 2011 on promoting" in pp3.text


@pytest.mark.parametrize(
    "symbol, key, phrase",
    [
        ("A/RES/68/131", "pp3", "Recalling also"),
        ("A/RES/68/131", "pp5", "Taking note with appreciation"),
        ("A/RES/68/131", "pp17", "Expressing concern"),
        ("A/RES/68/131", "op5", "Calls upon"),
        ("A/RES/70/126", "op7", "Also encourages"),
        ("A/RES/70/126", "op8", "Further encourages"),
        ("E/RES/2010/12", "op10", "Expresses deep concern"),
        ("E/RES/2010/12", "op12", "Notes with interest"),
        ("E/RES/2010/12", "pp6", "Recognizing also"),
        ("E/ESCAP/RES/67/8", "pp9", "Noting with concern"),
        ("E/ESCAP/RES/67/8", "op1", "Calls upon"),
    ],
)
def test_opening_phrases(seeds, symbol, key, phrase):
    paragraph = next(p for p in seeds[symbol].paragraphs if p.key == key)
    assert paragraph.opening_phrase == phrase
    assert paragraph.text.startswith(phrase)


def test_markdown_italics_agree_with_the_phrase_heuristic(seeds):
    """The phrases Markdown marks in italics are the ones the plain-text heuristic finds."""
    from resolutions.ingest.text.phrases import opening_phrase

    for paragraph in seeds["E/RES/2010/12"].paragraphs:
        assert opening_phrase(paragraph.text) == paragraph.opening_phrase, paragraph.key


@pytest.mark.parametrize(
    "citing, cited",
    [
        ("A/RES/68/131", "E/RES/2010/12"),
        ("A/RES/70/126", "E/RES/2010/12"),
        ("E/ESCAP/RES/67/8", "E/RES/2010/12"),
        ("A/RES/70/126", "A/RES/68/131"),
    ],
)
def test_seed_citations(seeds, citing, cited):
    assert cited in {c.symbol for c in seeds[citing].citations}


def test_keys_are_unique_and_ordered(seeds):
    for resolution in seeds.values():
        keys = [p.key for p in resolution.paragraphs]
        assert len(keys) == len(set(keys))
        assert [p.order for p in resolution.paragraphs] == list(range(1, len(keys) + 1))


def test_committed_fixture_equals_a_fresh_generation():
    from resolutions.management.commands.build_fixtures import FIXTURE, generate_fixture

    assert FIXTURE.read_text(encoding="utf-8") == generate_fixture(), "run `python manage.py build_fixtures`"


def test_ecosoc_pp2_repeats_footnote_markers_1_and_2(seeds):
    """pp2 prints the markers of footnotes 1 and 2 again: they are further places, taken out of its text."""
    resolution = seeds["E/RES/2010/12"]
    texts = {p.key: p.text for p in resolution.paragraphs}
    notes = {f.marker: f for f in resolution.footnotes}
    assert [(notes[m].paragraph_key, [(p.paragraph_key, p.offset) for p in notes[m].further_places]) for m in "12"] == [
        ("pp1", [("pp2", 89)]),
        ("pp1", [("pp2", 210)]),
    ]
    assert texts["pp2"][:89].endswith("Declaration on Social Development and Programme of Action")
    assert texts["pp2"][:210].endswith("at its twenty-fourth special session,")
    assert "<sup>" not in texts["pp2"] and " ,2" not in texts["pp2"]
    assert [f.marker for f in resolution.footnotes if f.further_places] == ["1", "2"]
