"""Paragraphs named in a path segment, written any way, to their keys."""

import pytest

from resolutions.citations.pinpoints import loose_key


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
