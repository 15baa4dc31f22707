"""Wrapped lines joined into text, words broken at line ends mended."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolutions.ingest.text.lines import join_lines


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["social protec-", "tion systems"], "social protection systems"),
        (["long-", "lasting consequences"], "long-lasting consequences"),
        (["tuberculosis, including its drug -", "resistant forms"], "tuberculosis, including its drug-resistant forms"),
        (["the Decade 2024–", "2034 and"], "the Decade 2024–2034 and"),
        (["whole-", "of-government"], "whole-of-government"),
        (["non\u2011discrimination  and\u00a0equal"], "non-discrimination and equal"),
    ],
)
def test_line_joins(lines, joined):
    assert join_lines(lines) == joined


@given(st.lists(st.text(alphabet="abcdefghij ,;.", min_size=1, max_size=20), min_size=1, max_size=6))
def test_joining_keeps_every_word(lines):
    """Joining never loses a letter: only spaces and line-end hyphens change."""
    joined = join_lines(lines)
    assert joined.replace(" ", "") == "".join(lines).replace(" ", "")
