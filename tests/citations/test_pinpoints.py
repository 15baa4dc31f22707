"""Paragraphs named in a path segment, written any way, and around a citation in a text, to their keys."""

import pytest

from resolutions.citations.pinpoints import loose_key, pinpoint_after, pinpoint_before


@pytest.mark.parametrize(
    "segment, key",
    [
        ("op2(d)", "op2d"),
        ("op2d", "op2d"),
        ("OP2(D)", "op2d"),
        ("¶5", "op5"),
        ("para.2(d)", "op2d"),
        ("pp.3", "pp3"),
        ("annex-op18b", "annex-op18b"),
        ("op1a-ii", "op1a-ii"),
        ("op.17(a)(ii)", "op17a-ii"),
        ("126 para. 5", None),
        ("of", None),
        ("2d", None),
    ],
)
def test_path_segments_that_name_a_paragraph(segment, key):
    assert loose_key(segment) == key


def test_pinpoint_before_a_citation_and_where_it_starts():
    text = "Recalling paragraph 3 (b) of the annex to resolution 70/126"
    assert pinpoint_before(text, text.index("resolution")) == ("annex-op3b", len("Recalling "))
    assert pinpoint_before("Recalling resolution 70/126", len("Recalling ")) is None


def test_pinpoint_after_a_citation_and_where_it_ends():
    text = "A/RES/70/126, para. 5 (b)"
    assert pinpoint_after(text, len("A/RES/70/126")) == ("op5b", len(text))
    # a paragraph of the document named next
    assert pinpoint_after("A/RES/70/126, paragraph 10 of resolution 71/1", len("A/RES/70/126")) is None


@pytest.mark.parametrize(
    "written, key",
    [
        ("op5", "op5"),
        ("OP5", "op5"),
        ("para.5", "op5"),
        ("para. 5", "op5"),
        ("paragraph-5", "op5"),
        ("op.5", "op5"),
        ("pp3", "pp3"),
        ("preambular-3", "pp3"),
        ("op1a-ii", "op1a-ii"),
        ("annex-op5", "annex-op5"),
        ("para5b", "op5b"),
        ("sec-viii-op1", "sec-viii-op1"),
        ("annex-sec-annex-i-op4-2", "annex-sec-annex-i-op4-2"),
        ("126", None),
        ("S-24", None),
        ("RES", None),
        ("101_a", None),
    ],
)
def test_loose_key(written, key):
    assert loose_key(written) == key
