"""English as the UN prints it: month names, dates, cover and adoption formulae, phrase words."""

import datetime as dt

import pytest

from resolutions.reference.dates import find_date, printed_date
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")


def test_names_and_codes():
    assert (ENGLISH.code, ENGLISH.bibliographic_code, ENGLISH.name, ENGLISH.direction) == (
        "en",
        "eng",
        "English",
        "ltr",
    )


def test_months_in_calendar_order():
    assert len(ENGLISH.month_names) == 12
    assert ENGLISH.month_numbers["January"] == 1 and ENGLISH.month_numbers["December"] == 12
    assert ENGLISH.months_pattern.startswith("January|February|")


def test_dates_read_with_the_english_months():
    assert find_date("adopted on 17 December 2015 at") == dt.date(2015, 12, 17)
    assert printed_date("31", "February", "2020") is None
    assert printed_date("5", "Décembre", "2020") is None
    assert printed_date("5", "December", "2020", language=ENGLISH) == dt.date(2020, 12, 5)


@pytest.mark.parametrize(
    "pattern, line, group, value",
    [
        ("adopted_re", "Resolution adopted by the General Assembly on 17 December 2015", "body", "General Assembly"),
        ("report_re", "[on the report of the Third Committee (A/70/481)]", "report", "A/70/481"),
        ("no_committee_re", "[without reference to a Main Committee (A/70/L.2)]", "draft", "A/70/L.2"),
        ("meeting_re", "80th plenary meeting 17 December 2015", "meeting", "80th plenary meeting"),
        ("resolution_number_re", "Resolution 67/8", "named", "67/8"),
        ("body_line_re", "The General Assembly,", "name", "General Assembly"),
        ("annex_re", "Annex II", "numeral", "II"),
        ("session_re", "Seventieth session", "ordinal", "Seventieth"),
        ("agenda_re", "Agenda item 27 (b)", "item", "27 (b)"),
    ],
)
def test_formulae(pattern, line, group, value):
    assert getattr(ENGLISH, pattern).match(line).group(group) == value


def test_phrase_words_are_lower_case():
    for words in (ENGLISH.phrase_adverbs, ENGLISH.phrase_adjectives, ENGLISH.not_base_verbs, ENGLISH.word_endings):
        assert all(word == word.lower() for word in words)
    assert "december" in ENGLISH.not_after_marker
