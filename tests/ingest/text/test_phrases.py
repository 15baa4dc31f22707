"""Opening phrases found at the start of paragraphs."""

import pytest

from resolutions.ingest.text.phrases import opening_phrase


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Recalling also Economic and Social Council resolution", "Recalling also"),
        ("Taking note with appreciation of the commitment", "Taking note with appreciation"),
        ("Takes note of the report", "Takes note"),
        ("Calls upon Member States to", "Calls upon"),
        ("Also encourages Member States", "Also encourages"),
        ("Expresses deep concern that", "Expresses deep concern"),
        ("Expressing concern that", "Expressing concern"),
        ("Noting with concern that", "Noting with concern"),
        ("Bearing in mind that", "Bearing in mind"),
        ("Having considered the report", "Having considered"),
        ("Deeply concerned that", "Deeply concerned"),
        ("Mindful of the need", "Mindful"),
        ("Decides to proclaim", "Decides"),
        ("We, Heads of State and Government", ""),
        ("To accord higher priority", ""),
        ("The Economic and Social Council,", ""),
    ],
)
def test_opening_phrase(text, phrase):
    assert opening_phrase(text) == phrase
