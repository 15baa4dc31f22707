"""The one paragraph-key scheme (resolutions/paragraph_keys.py), and every importer keying a resolution alike."""

import shutil
import subprocess
from pathlib import Path

import pytest

from resolutions.citations.pinpoints import loose_key, read_pinpoint
from resolutions.ingest.pipeline import parse_bytes, parse_path
from resolutions.reference import paragraph_keys as keys
from resolutions.reference.permalinks import paragraph_label


@pytest.mark.parametrize(
    "built, expected",
    [
        (keys.preambular_key("", 3), "pp3"),
        (keys.operative_key("annex-", 5), "annex-op5"),
        (keys.unnumbered_key("", 2), "p2"),
        (keys.lettered_key("op1", "a"), "op1a"),
        (keys.item_key("op1a", "ii"), "op1a-ii"),
        (keys.repeat_key("op4", 2), "op4-r2"),
        (keys.pinpoint_key("annex-ii-", 18, letter="b", item="iv"), "annex-ii-op18b-iv"),
        (keys.pinpoint_key("", 3, preambular=True), "pp3"),
        (keys.pinpoint_key("", 3, item="ii"), "op3"),  # an item is only ever read under a letter
        (keys.place("annex", ("Guideline 5",)), "annex-sec-guideline-5-"),
        (keys.place("", ("VIII",)), "sec-viii-"),
        (keys.annex_part(2, 3), "annex-ii"),
        (keys.annex_part(1, 1), "annex"),
    ],
)
def test_keys_are_built_one_way(built, expected):
    assert built == expected


def test_an_unnumbered_operative_paragraph_is_op_alone_and_p_among_numbered_ones():
    assert keys.unnumbered_operative_key("", 1, part_is_numbered=False) == "op1"
    assert keys.unnumbered_operative_key("annex-", 2, part_is_numbered=True) == "annex-p2"


@pytest.mark.parametrize(
    "key, where, kind, number, letter, item, repeat",
    [
        ("op1a-ii", "", "op", "1", "a", "ii", 0),
        ("annex-ii-pp2", "annex II", "pp", "2", "", "", 0),
        ("annex-sec-guideline-5-op1", "annex, guideline 5", "op", "1", "", "", 0),
        ("annex-sec-part-one-principle-3-op2", "annex, part one, principle 3", "op", "2", "", "", 0),
        ("sec-viii-op4-r2", "section VIII", "op", "4", "", "", 2),
        ("op11-1", "", "op", "11", "", "1", 0),
        ("annex-op1.1", "annex", "op", "1.1", "", "", 0),
    ],
)
def test_keys_read_back(key, where, kind, number, letter, item, repeat):
    assert keys.key_parts(key) == keys.KeyParts(where, kind, number, letter, item, repeat)


def test_what_is_not_a_key_is_refused():
    assert keys.key_parts("Op5") is None and keys.key_parts("annex") is None and not keys.is_key("5")


def test_a_citation_finds_the_key_an_importer_builds():
    """The permalinks read what people type into the same keys the importers build."""
    assert read_pinpoint("annex II, para. 18 (b) (iv)").key == keys.pinpoint_key("annex-ii-", 18, letter="b", item="iv")
    assert loose_key("op2(d)") == keys.lettered_key(keys.operative_key("", 2), "d")
    assert paragraph_label("annex-sec-guideline-5-op1") == "annex, guideline 5, para. 1"
    assert paragraph_label("annex-sec-principle-4-p1") == "annex, principle 4, first paragraph"
    assert loose_key("annex-op1.1") == "annex-op1.1"


GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_a_structured_annex_keeps_its_structure_in_keys_and_citations():
    """Guidelines numbering their own paragraphs: 'annex, guideline 2, para. 1', never 'para. 1 (repeated)'."""
    (resolution,) = parse_path(GOLDEN / "akn" / "structured_annex.xml").resolutions
    annex = [p.key for p in resolution.paragraphs if p.part == "annex"]
    assert annex == [
        "annex-pp1",
        "annex-sec-guideline-1-p1",
        "annex-sec-guideline-2-op1",
        "annex-sec-guideline-2-op2",
        "annex-sec-guideline-3-op1",
        "annex-sec-guideline-3-op2",
    ]
    assert not [w for w in resolution.warnings if "printed twice" in w]
    labels = [paragraph_label(key) for key in annex[2:]]
    assert labels == [
        "annex, guideline 2, para. 1",
        "annex, guideline 2, para. 2",
        "annex, guideline 3, para. 1",
        "annex, guideline 3, para. 2",
    ]
    # what the page tells people to write leads back to the paragraph
    assert [read_pinpoint(label).key for label in labels] == annex[2:]
    assert read_pinpoint("para. 2 of guideline 3 of the annex").key == "annex-sec-guideline-3-op2"


# --- every importer on the same resolution -----------------------------------------------------------

CORPUS_PAIRS = ["80_5", "80_9", "80_10"]


def _akn_file(corpus, number: str):
    found = sorted((corpus / "unxml-ga" / "80" / "English").glob(f"A_RES_{number}-*.xml"))
    assert found, f"no AKN file for A/RES/{number.replace('_', '/')} in the corpus"
    return found[0]


def _keys_of(document):
    (resolution,) = document.resolutions
    return resolution.symbol, [(p.key, p.parent_key, p.kind) for p in resolution.paragraphs]


@pytest.mark.corpus
@pytest.mark.parametrize("number", CORPUS_PAIRS)
def test_akn_and_pdf_text_key_every_paragraph_alike(corpus, number):
    from_akn = _keys_of(parse_path(_akn_file(corpus, number)))
    from_pdf_text = _keys_of(parse_path(corpus / "pdf-text" / f"A-RES-{number.replace('_', '-')}.txt"))
    assert from_akn == from_pdf_text


def test_poppler_text_plain_and_layout_read_alike():
    """The same excerpt as pdftotext gives it with and without -layout (golden files of their own)."""
    plain, layout = (
        parse_path(GOLDEN / "pdf-text" / f"pdftotext_{mode}.txt").resolutions[0] for mode in ("plain", "layout")
    )
    assert [(p.key, p.text) for p in plain.paragraphs] == [(p.key, p.text) for p in layout.paragraphs]
    assert plain.footnotes == layout.footnotes and [f.marker for f in plain.footnotes] == ["1", "2"]
    assert (plain.title, plain.committee, plain.meeting) == (
        "Lantern keepers of the northern archipelagos",
        "Third Committee",
        "30th plenary meeting",
    )


@pytest.mark.corpus
def test_the_pdf_and_poppler_text_of_73_3_key_every_paragraph_alike(corpus, tmp_path):
    """The official PDF read by pypdf, and its text layer as poppler's pdftotext gives it (plain and -layout)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils, `make pdf-tools`) is not installed")
    pdf = corpus / "pdf" / "A_RES_73_3-EN.pdf"
    from_pdf = _keys_of(parse_path(pdf))
    assert from_pdf[0] == "A/RES/73/3" and len(from_pdf[1]) > 50
    for options in ([], ["-layout"]):
        text = subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, check=True).stdout
        assert _keys_of(parse_bytes(text, "A_RES_73_3-EN.txt")) == from_pdf, f"pdftotext {' '.join(options)}"
