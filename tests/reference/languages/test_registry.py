"""The registry of languages: found by code, every module of the package registered without being listed."""

import pytest

from resolutions.reference.languages.base import Language
from resolutions.reference.languages.english import English
from resolutions.reference.languages.registry import language_for, register, registered_codes


def test_english_is_registered_under_its_code():
    assert "en" in registered_codes()
    assert isinstance(language_for("en"), English)


def test_one_instance_a_language():
    assert language_for("en") is language_for("en")


def test_an_unknown_code_is_a_key_error():
    with pytest.raises(KeyError):
        language_for("xx")


def test_a_subclass_changes_only_its_patterns(monkeypatch):
    from resolutions.reference.languages import registry

    monkeypatch.setattr(registry, "_LANGUAGES", dict(registry._LANGUAGES))

    @register
    class Test(English):
        code = "xx"
        name = "Test"
        month_names = tuple(f"M{number}" for number in range(1, 13))
        date_pattern = r"(\d{1,2}) (M\d{1,2}) (\d{4})"

    test = language_for("xx")
    assert isinstance(test, Language)
    assert test.month_numbers["M12"] == 12
    assert test.date_re.search("on 5 M3 2020").groups() == ("5", "M3", "2020")
    assert test.phrase_adverbs is language_for("en").phrase_adverbs


def test_every_official_language_but_english_cites_in_its_own_words():
    """UN-style citation wording lives with each language's rules; English's is the archive's own style."""
    from resolutions.reference.languages.official import OFFICIAL_LANGUAGES

    assert language_for("en").un_style_words is None
    for code in OFFICIAL_LANGUAGES:
        if code != "en":
            words = language_for(code).un_style_words
            assert words is not None, code
            assert {"GA", "ECOSOC", "HRC", "SC"} <= set(words.bodies), code
            assert "{number}" in words.resolution and "{number}" in words.paragraph, code
    assert language_for("zh").un_style_words.month_as_number
