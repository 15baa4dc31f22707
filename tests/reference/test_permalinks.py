"""The permalink helpers: symbols and keys as URL paths, keys as people write them, labels and ready citations."""

import pytest

from resolutions.reference import permalinks


@pytest.mark.parametrize(
    "symbol, segment",
    [
        ("A/RES/70/126", "A/RES/70/126"),
        ("E/ESCAP/RES/67/8", "E/ESCAP/RES/67/8"),
        ("A/RES/S-24/2", "A/RES/S-24/2"),
        ("A/RES/75/101 A", "A/RES/75/101_A"),
    ],
)
def test_symbol_path_segments_round_trip(symbol, segment):
    assert permalinks.symbol_to_path_segment(symbol) == segment
    assert permalinks.path_segment_to_symbol(segment) == symbol


@pytest.mark.parametrize(
    "key, label, title",
    [
        ("op5", "para. 5", "Operative paragraph 5"),
        ("op2d", "para. 2 (d)", "Operative paragraph 2 (d)"),
        ("op1a-ii", "para. 1 (a) (ii)", "Operative paragraph 1 (a) (ii)"),
        ("pp4", "fourth preambular paragraph", "Preambular paragraph 4"),
        ("annex-op3", "annex, para. 3", "Annex, operative paragraph 3"),
        ("annex-ii-pp1", "annex II, first preambular paragraph", "Annex II, preambular paragraph 1"),
        ("sec-viii-op1", "section VIII, para. 1", "Section VIII, operative paragraph 1"),
        (
            "annex-sec-chapter-v-article-35-op1b",
            "annex, chapter V, article 35, para. 1 (b)",
            "Annex, chapter V, article 35, operative paragraph 1 (b)",
        ),
        ("annex-sec-annex-i-op4-r2", "annex I, para. 4 (repeated)", "Annex I, operative paragraph 4 (repeated)"),
        ("op11-1", "para. 11 (1)", "Operative paragraph 11 (1)"),
        ("annex-p2", "annex, second paragraph", "Annex, unnumbered paragraph 2"),
        ("mystery", "paragraph mystery", "Paragraph mystery"),
    ],
)
def test_paragraph_labels(key, label, title):
    assert permalinks.paragraph_label(key) == label
    assert permalinks.paragraph_title(key) == title


def test_ready_citation_texts():
    assert (
        permalinks.un_style_citation("General Assembly", "70/126", "op5")
        == "General Assembly resolution 70/126, para. 5"
    )
    assert (
        permalinks.symbol_citation("A/RES/70/126", "17 December 2015", "op5")
        == "A/RES/70/126 of 17 December 2015, para. 5"
    )
    assert permalinks.symbol_citation("E/ESCAP/RES/67/8", "", "op2d") == "E/ESCAP/RES/67/8, para. 2 (d)"


def test_short_keys_for_the_margin():
    assert permalinks.short_key("op5") == "op5"
    assert permalinks.short_key("annex-sec-chapter-i-article-1-pp18a") == "…pp18a"
    assert permalinks.short_key("annex-sec-annex-i-op4-r2") == "…op4-r2"
