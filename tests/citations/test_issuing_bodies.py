"""The body named after a cited number, known or not."""

import pytest

from resolutions.citations.issuing_bodies import body_after


@pytest.mark.parametrize(
    "text, expected",
    [
        ("28/6 of the Human Rights Council", "HRC"),
        ("14/17 of the Conference of the Parties", "?"),
        ("28/6, and", None),
    ],
)
def test_body_after(text, expected):
    assert body_after(text, text.index(" ")) == expected
