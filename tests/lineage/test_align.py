"""Paragraph alignment by text (``resolutions.lineage.align``): known answers on the seed series 68/131 → 70/126
and on small series written for these tests (moved, split, merged, dropped)."""

from pathlib import Path

import pytest

from resolutions.ingest.pipeline import parse_path
from resolutions.lineage.align import EDITED, MERGED, NEW, SPLIT, VERBATIM, align, alignment_of
from resolutions.lineage.diff import Change, word_diff

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "resolutions.json"


@pytest.fixture(scope="module")
def seed_series():
    parsed = {r.symbol: r for r in parse_path(FIXTURES).resolutions}
    old, new = parsed["A/RES/68/131"].paragraphs, parsed["A/RES/70/126"].paragraphs
    alignment = align([p.text for p in old], [p.text for p in new])
    links = {
        new[j].key: (link.relation, tuple(old[i].key for i in link.old), link.moved)
        for link in alignment.links
        for j in link.new
    }
    return old, new, alignment, links


def keys_of(links, relation):
    return sorted(key for key, (found, _, _) in links.items() if found == relation)


def test_seed_series_verbatim_paragraphs_are_matched_by_text_not_number(seed_series):
    _, _, _, links = seed_series
    assert keys_of(links, VERBATIM) == sorted(
        ["pp1", "pp2", "pp10", "pp13", "pp17", "pp18", "pp21", "op1", "op3", "op9", "op10", "op13"]
    )
    # Four preambular paragraphs were inserted before it: 68/131 pp8 is 70/126 pp10, renumbered, not moved.
    assert links["pp10"] == (VERBATIM, ("pp8",), False)
    # 68/131 pp14 and pp15 changed places in 70/126 (pp18, pp17): one of the pair moved.
    assert {links["pp17"][1], links["pp18"][1]} == {("pp15",), ("pp14",)}
    assert links["pp17"][2] != links["pp18"][2]


def test_seed_series_edited_and_new_paragraphs(seed_series):
    _, _, alignment, links = seed_series
    assert links["pp3"] == (EDITED, ("pp3",), False)
    assert links["op5"] == (EDITED, ("op5",), False)
    # 70/126 pp6 takes the clause of 68/131 pp4 on social protection systems out of its recital of the MDG outcome.
    assert links["pp6"][:2] == (EDITED, ("pp4",))
    assert keys_of(links, NEW) == sorted(["pp4", "pp5", "pp9", "pp16", "pp19", "op7", "op12"])
    assert alignment.shares() == {VERBATIM: 12, EDITED: 17, NEW: 7}


def test_seed_series_dropped_paragraphs(seed_series):
    old, _, alignment, _ = seed_series
    assert [old[i].key for i in alignment.dropped] == ["pp6", "op7", "op12"]


def test_word_diff_of_an_edited_paragraph_of_the_seed_series(seed_series):
    old, new, _, _ = seed_series
    before = next(p.text for p in old if p.key == "pp3")
    after = next(p.text for p in new if p.key == "pp3")
    changes = [c for c in word_diff(before, after) if c.op != "equal"]
    assert changes == [
        Change("delete", "resolution "),
        Change("insert", "resolutions "),
        Change("insert", "and 68/131 of 18 December 2013 "),
    ]
    assert "".join(c.text for c in word_diff(before, after) if c.op != "delete") == after


OLD = [
    "Recalling its resolution 70/126 of 17 December 2015 on promoting social integration,",
    "Recognizing that social inclusion policies strengthen the democratic process,",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution;",
    "Encourages Member States to improve the collection of data disaggregated by age and sex and to share "
    "good practices in social integration at the regional and international levels;",
    "Invites Member States to consider the systematic exchange of experience.",
    "Stresses the importance of education for all.",
    "Urges Member States to promote decent work for all, including for persons with disabilities.",
]


def test_a_paragraph_that_changed_place_is_moved_and_the_others_keep_their_order():
    new = [OLD[0], OLD[2], OLD[1], OLD[5], OLD[6]]
    alignment = align(OLD, new)
    relations = [(link.relation, link.old, link.moved) for link in alignment.links]
    assert relations == [
        (VERBATIM, (0,), False),
        (VERBATIM, (2,), True),
        (VERBATIM, (1,), False),
        (VERBATIM, (5,), False),
        (VERBATIM, (6,), False),
    ]
    assert alignment.dropped == [3, 4]


def test_a_paragraph_split_in_two_is_split_and_two_merged_into_one_are_merged():
    new = [
        OLD[0],
        "Encourages Member States to improve the collection of data disaggregated by age and sex;",
        "Also encourages Member States to share good practices in social integration at the regional and "
        "international levels;",
        "Stresses the importance of education for all and urges Member States to promote decent work for all, "
        "including for persons with disabilities.",
    ]
    alignment = align(OLD, new)
    by_new = alignment.by_new()
    assert (by_new[1].relation, by_new[1].old, by_new[1].new) == (SPLIT, (3,), (1, 2))
    assert by_new[1] is by_new[2]
    assert (by_new[3].relation, by_new[3].old) == (MERGED, (5, 6))
    assert alignment.dropped == [1, 2, 4]
    assert alignment.shares() == {VERBATIM: 1, EDITED: 3, NEW: 0}


def test_an_unrelated_paragraph_is_new_not_an_edit():
    alignment = align(OLD, ["Decides to include in the provisional agenda of its eightieth session the item."])
    assert [link.relation for link in alignment.links] == [NEW]
    assert alignment.dropped == list(range(len(OLD)))


def test_case_quotes_spacing_and_end_punctuation_do_not_make_an_edit():
    alignment = align(
        ['Decides to consider the question under the item "Social development";'],
        ["decides  to consider the question under the item “Social development”."],
    )
    assert [link.relation for link in alignment.links] == [VERBATIM]


def stored(alignment):
    """The rows the store keeps of an alignment (as ``store.lineage._links_write`` writes ParagraphLink)."""
    return [
        (j, i, link.relation, link.moved, round(link.similarity, 4))
        for link in alignment.links
        for j in link.new
        for i in link.old or (None,)
    ]


@pytest.mark.parametrize(
    "new",
    [
        [OLD[0], OLD[2], OLD[1], OLD[5], OLD[6]],  # moved, dropped
        [
            OLD[0],
            "Encourages Member States to improve the collection of data disaggregated by age and sex;",
            "Also encourages Member States to share good practices in social integration at the regional and "
            "international levels;",
            "Decides to include in the provisional agenda of its eightieth session the item.",
            "Stresses the importance of education for all and urges Member States to promote decent work for all, "
            "including for persons with disabilities.",
            OLD[1].replace("Recalling", "Recalling also"),
        ],  # split, new, merged, edited and moved
    ],
)
def test_an_alignment_read_back_from_its_stored_links_is_the_one_computed(new):
    computed = align(OLD, new)
    read = alignment_of(stored(computed), len(OLD), len(new))
    assert [(link.old, link.new, link.relation, link.moved) for link in read.links] == [
        (link.old, link.new, link.relation, link.moved) for link in computed.links
    ]
    assert [link.similarity for link in read.links] == pytest.approx(
        [link.similarity for link in computed.links], abs=1e-4
    )
    assert read.dropped == computed.dropped
    assert {link.relation for link in computed.links} >= {VERBATIM} and len(computed.links) >= 5


def test_stored_links_that_miss_a_paragraph_are_refused():
    rows = stored(align(OLD, OLD[:3]))
    with pytest.raises(ValueError, match="every later paragraph"):
        alignment_of(rows[:-1], len(OLD), 3)
    with pytest.raises(ValueError, match="outside"):
        alignment_of([*rows, (5, 0, VERBATIM, False, 1.0)], len(OLD), 3)
