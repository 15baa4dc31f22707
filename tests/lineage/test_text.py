"""Wording as compared (``resolutions.lineage.text``)."""

from resolutions.lineage.text import normalised, words


def test_case_quotes_dashes_spaces_and_end_punctuation_are_set_aside():
    assert normalised("  Recalling its resolution 68/131 “Promoting\u00a0social   integration” — and\tmore ;. ") == (
        'recalling its resolution 68/131 "promoting social integration" - and more'
    )
    assert normalised("Welcomes the ‘Pact’ for the Future\u202fand the 2030 Agenda–Goal 1.") == (
        "welcomes the 'pact' for the future and the 2030 agenda-goal 1"
    )


def test_casefolding_and_unicode_spaces_follow_python():
    assert normalised("STRASSE Straße\u2003ΣΑΣ") == "strasse strasse σασ"
    assert normalised(" ,;: ") == ""
    assert normalised("Decides, inter alia, to act") == "decides, inter alia, to act"


def test_words_leave_punctuation_out():
    assert words(normalised("Urges States, inter alia, to act;")) == ["urges", "states", "inter", "alia", "to", "act"]
