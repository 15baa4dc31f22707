"""Did you mean: the nearest words by optimal string alignment, the commonest among equals (pure)."""

import pytest

from resolutions.search.suggest import nearest

WORDS = {"social": 5000, "soil": 40, "protection": 3000, "development": 9000, "poverty": 2000, "povert": 1, "sofia": 3}


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("socail", "social"),  # one swap, where "soil" is two edits away
        ("protectoin", "protection"),
        ("developmnet", "development"),
        ("povrety", "poverty"),  # "povert" is as near, but rarely used
        ("zzzzzzzz", None),
    ],
)
def test_nearest_word(typed, meant):
    assert nearest(typed, list(WORDS), WORDS) == meant
