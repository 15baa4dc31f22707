"""Highlight: marks where the index matched, everything else escaped (pure)."""

from resolutions.search.compile import Highlight, plan
from resolutions.search.highlight import highlight
from resolutions.search.query import parse


def marked(query: str, text: str) -> str:
    return str(highlight(text, plan(parse(query)).highlight))


def test_words_are_marked_by_stem_and_phrases_only_where_they_stand():
    text = "Older persons, and the persons who are older; inclusive inclusion."
    assert marked('"older persons" inclusion', text) == (
        "<mark>Older persons</mark>, and the persons who are older; <mark>inclusive</mark> <mark>inclusion</mark>."
    )
    assert marked("older persons", text) == (
        "<mark>Older</mark> <mark>persons</mark>, and the <mark>persons</mark> who are <mark>older</mark>; inclusive inclusion."
    )


def test_prefixes_and_excluded_words():
    assert (
        marked("soc* -health", "Social health and societies.")
        == "<mark>Social</mark> health and <mark>societies</mark>."
    )


def test_everything_but_the_marks_is_escaped():
    text = 'Notes <script>alert(1)</script> and a literal <mark>youth</mark> & "quotes";'
    assert marked("youth", text) == (
        "Notes &lt;script&gt;alert(1)&lt;/script&gt; and a literal &lt;mark&gt;<mark>youth</mark>&lt;/mark&gt;"
        " &amp; &quot;quotes&quot;;"
    )


def test_long_texts_show_up_to_two_windows_around_the_marks():
    before, middle, after = (" ".join(f"{name}{i}" for i in range(100)) for name in ("a", "b", "c"))
    shown = marked("hydroponics OR aquaponics", f"{before} hydroponics {middle} aquaponics {after}")
    assert shown.startswith("… a92 ") and "<mark>hydroponics</mark>" in shown and "<mark>aquaponics</mark>" in shown
    assert shown.count(" … ") == 1 and shown.endswith(" …")  # between the windows, and after the last


def test_a_text_without_a_mark_still_shows_its_start():
    text = " ".join(f"w{i}" for i in range(200))
    assert str(highlight(text, Highlight())).startswith("w0 w1 ")
