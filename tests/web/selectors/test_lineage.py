"""Where a wording was used before (``resolutions.web.selectors.lineage.used_before``): exactly the paragraphs
at least ``NEAR_THRESHOLD`` alike, counted in full, best first, whatever the page shows."""

import datetime as dt
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from resolutions.ingest.document import ParsedParagraph
from resolutions.lineage.align import align
from resolutions.lineage.near import NEAR_THRESHOLD
from resolutions.lineage.text import normalised
from resolutions.models import Paragraph, ParagraphSignature, Resolution
from resolutions.store.imports import path_import
from resolutions.store.lineage import lineage_rebuild
from resolutions.store.load import load_resolution
from resolutions.web.selectors import lineage as lineage_selectors
from resolutions.web.selectors.lineage import comparison_get, used_before
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "resolutions.json"

ASKED = (
    "Calls upon Member States to promote a more equitable participation in and access to economic growth gains, "
    "through inter alia, policies that ensure inclusive labour markets"
)
VARIANTS = {
    "op1": ASKED,  # the same wording
    "op2": ASKED.upper() + ";",  # the same wording as compared
    "op3": ASKED.replace("through inter alia", "through, inter alia,") + " and decent work for all",  # near
    "op4": ASKED.replace("Calls upon", "Encourages").replace("inclusive", "fair and inclusive"),  # near
    "op5": ASKED[:95] + " and to protect the rights of migrant workers and members of their families",  # less
    "op6": "Decides to remain seized of the matter and to consider the question at its next session",  # unrelated
}


def load(symbol: str, adopted_on: dt.date, keys: list[str]) -> None:
    paragraphs = [
        ParsedParagraph(key, "operative", key[2:], order, VARIANTS[key], VARIANTS[key].split()[0])
        for order, key in enumerate(keys, start=1)
    ]
    load_resolution(make_resolution(symbol, paragraphs=paragraphs, adopted_on=adopted_on, title=symbol, footnotes=[]))


@pytest.fixture
def archive():
    load("A/RES/70/1", dt.date(2015, 10, 1), ["op1", "op3", "op5", "op6"])
    load("A/RES/68/1", dt.date(2013, 10, 1), ["op2", "op4"])
    load("A/RES/72/1", dt.date(2017, 10, 1), ["op1", "op2", "op5"])
    lineage_rebuild(workers=1)


def exhaustive(text: str) -> dict[int, float]:
    """Every paragraph at least NEAR_THRESHOLD alike, scored one by one (the test's own reckoning)."""
    wording = normalised(text)
    return {
        pk: fuzz.ratio(wording, normalised(other)) / 100
        for pk, other in Paragraph.objects.values_list("pk", "text")
        if fuzz.ratio(wording, normalised(other)) / 100 >= NEAR_THRESHOLD
    }


def test_the_signature_keeps_the_wording_scored_and_its_length(archive):
    signature = ParagraphSignature.objects.get(paragraph__resolution__symbol="A/RES/68/1", paragraph__key="op2")
    assert signature.wording == normalised(VARIANTS["op2"]) and signature.characters == len(signature.wording)


def test_exactly_the_paragraphs_at_least_near_threshold_alike_are_found_best_then_oldest_first(archive):
    expected = exhaustive(ASKED)
    assert 0.6 < fuzz.ratio(normalised(ASKED), normalised(VARIANTS["op5"])) / 100 < NEAR_THRESHOLD  # a true miss
    found = used_before(text=ASKED, limit=100)
    assert {f.paragraph.pk: f.similarity for f in found.found} == pytest.approx(expected, abs=1e-4)
    assert found.total == len(expected) == 6 and not found.phrase
    cited = [(f.paragraph.resolution.symbol, f.paragraph.key, f.exact) for f in found.found]
    assert cited[:4] == [  # the same wording, the oldest first (68/1 op2 printed in capitals is the same wording)
        ("A/RES/68/1", "op2", True),
        ("A/RES/70/1", "op1", True),
        ("A/RES/72/1", "op1", True),
        ("A/RES/72/1", "op2", True),
    ]
    assert [f.similarity for f in found.found[4:]] == sorted((f.similarity for f in found.found[4:]), reverse=True)
    assert {key for _, key, _ in cited[4:]} == {"op3", "op4"}


def test_a_page_shows_the_first_few_while_the_count_stays_exact_and_a_paragraph_leaves_itself_out(archive):
    first = used_before(text=ASKED, limit=2)
    assert first.total == 6 and [(f.paragraph.resolution.symbol, f.paragraph.key) for f in first.found] == [
        ("A/RES/68/1", "op2"),
        ("A/RES/70/1", "op1"),
    ]
    itself = Paragraph.objects.get(resolution__symbol="A/RES/70/1", key="op1")
    without = used_before(text=ASKED, limit=100, exclude=itself)
    assert without.total == 5 and itself.pk not in {f.paragraph.pk for f in without.found}


def test_every_page_is_the_slice_of_the_whole_ranking_across_similarities(archive):
    whole = [f.paragraph.pk for f in used_before(text=ASKED, limit=100).found]
    assert len(whole) == 6
    for offset in range(7):
        for limit in (1, 2, 3, 5):
            page = used_before(text=ASKED, limit=limit, offset=offset)
            assert [f.paragraph.pk for f in page.found] == whole[offset : offset + limit] and page.total == 6


def test_an_unrelated_wording_finds_only_its_own_repeats(archive):
    found = used_before(text=VARIANTS["op6"], limit=100)
    assert [(f.paragraph.resolution.symbol, f.exact) for f in found.found] == [("A/RES/70/1", True)]


def test_a_resolution_and_its_predecessor_are_compared_by_the_alignment_kept_at_import(monkeypatch):
    path_import(path=FIXTURES)
    earlier, later = Resolution.objects.get(symbol="A/RES/68/131"), Resolution.objects.get(symbol="A/RES/70/126")
    computed = comparison_get(earlier=earlier, later=later).alignment  # read back from the stored links
    fresh = align(
        [p.text for p in Paragraph.objects.of(earlier)],
        [p.text for p in Paragraph.objects.of(later)],
    )
    assert [(k.old, k.new, k.relation, k.moved) for k in computed.links] == [
        (k.old, k.new, k.relation, k.moved) for k in fresh.links
    ]
    assert computed.dropped == fresh.dropped
    monkeypatch.setattr(lineage_selectors, "align", None)  # not computed again: read back
    assert comparison_get(earlier=earlier, later=later).alignment == computed
    with pytest.raises(TypeError):  # any other pair (here the wrong way round) is aligned afresh
        comparison_get(earlier=later, later=earlier)


def test_a_common_phrase_is_found_in_every_paragraph_holding_it_counted_exactly_and_oldest_first():
    """More paragraphs than any first batch of the search engine (a common phrase is in a hundred thousand at
    scale): every one is counted and ordered oldest first, in document order within a resolution, even those
    the engine's ranking puts last; each one shown is marked exact or not."""
    phrase = "decent work for all"
    recent = [
        ParsedParagraph(f"op{n}", "operative", str(n), n, f"Promotes {phrase} in sector {n};", "Promotes")
        for n in range(1, 1_041)
    ]
    older = [  # long paragraphs: the engine's relevance ranks them below the short ones
        ParsedParagraph(
            f"op{n}",
            "operative",
            str(n),
            n,
            f"Recognizes, in paragraph {n}, that full and productive employment and {phrase}, including for"
            " women and young people, social protection and the rights of workers are central to sustainable"
            " development and to the eradication of poverty in all its forms and dimensions everywhere;",
            "Recognizes",
        )
        for n in range(1, 11)
    ]
    between = [ParsedParagraph("op1", "operative", "1", 1, "Promotes decent work, for all;", "Promotes")]
    load_resolution(make_resolution("A/RES/72/1", paragraphs=recent, adopted_on=dt.date(2017, 10, 1), footnotes=[]))
    load_resolution(make_resolution("A/RES/68/1", paragraphs=older, adopted_on=dt.date(2013, 10, 1), footnotes=[]))
    load_resolution(make_resolution("A/RES/70/1", paragraphs=between, adopted_on=dt.date(2015, 10, 1), footnotes=[]))
    holding = sum(phrase in normalised(text) for text in Paragraph.objects.values_list("text", flat=True))
    found = used_before(text="Decent work for all", limit=12)
    assert found.phrase and holding == 1_050
    assert found.total == holding + 1  # and the one with a comma between its words
    shown = [(f.paragraph.resolution.symbol, f.paragraph.key, f.exact) for f in found.found]
    assert shown == [("A/RES/68/1", f"op{n}", True) for n in range(1, 11)] + [
        ("A/RES/70/1", "op1", False),
        ("A/RES/72/1", "op1", True),
    ]
    assert 0.9 < found.found[10].similarity < 1
    last = used_before(text="Decent work for all", limit=20, offset=found.total - 1).found
    assert [(f.paragraph.resolution.symbol, f.paragraph.key) for f in last] == [("A/RES/72/1", "op1040")]
    itself = Paragraph.objects.get(resolution__symbol="A/RES/68/1", key="op1")
    assert used_before(text="Decent work for all", limit=1, exclude=itself).total == holding
