"""The annotated text and the quoted citing sentence: pure functions, no database."""

import re

from hypothesis import given
from hypothesis import strategies as st

from resolutions.web.rendering import Link, Marker, annotate, citing_sentence, quoted_citation

TEXT = "Recalling its resolution 68/131 of 18 December 2013 and the 2030 Agenda,"


def test_opening_phrase_in_italics_citation_linked_marker_placed():
    html = annotate(
        TEXT,
        opening_phrase="Recalling",
        links=[Link(14, 31, "/A/RES/68/131/", "A/RES/68/131 in this archive")],
        markers=[Marker(TEXT.index(",", 60), "1", "#fn-1", "fnref-1")],
    )
    assert html.startswith("<em>Recalling</em> its ")
    assert (
        '<a class="citation" href="/A/RES/68/131/" title="A/RES/68/131 in this archive">resolution 68/131</a>' in html
    )
    assert html.endswith('Agenda<sup class="fn-ref"><a id="fnref-1" href="#fn-1" aria-label="Footnote 1">1</a></sup>,')


def test_script_in_the_text_is_shown_as_text():
    text = 'Notes <script>alert("x")</script> & <b>bold</b>'
    html = annotate(text, links=[Link(6, 14, "/x/", "t")], markers=[Marker(20, "1", "#fn-1", "fnref-1")])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_hostile_href_and_title_are_escaped():
    html = annotate("see A/1", links=[Link(4, 7, '" onmouseover="x', '"><script>')])
    assert 'onmouseover="x"' not in html and "<script>" not in html


def test_marker_inside_a_citation_moves_after_it():
    html = annotate(TEXT, links=[Link(14, 31, "/r/", "t")], markers=[Marker(20, "2", "#fn-2", "fnref-2")])
    assert "resolution 68/131</a><sup" in html


def test_overlapping_and_out_of_range_spans_are_dropped_or_clipped():
    html = annotate("abcdef", links=[Link(0, 4, "/a/", "a"), Link(2, 6, "/b/", "b"), Link(4, 99, "/c/", "c")])
    assert html == '<a class="citation" href="/a/" title="a">abcd</a><a class="citation" href="/c/" title="c">ef</a>'


def test_italics_stop_where_a_citation_begins():
    html = annotate("Recalling resolution 1/2", opening_phrase="Recalling resolution", links=[Link(10, 24, "/r/", "t")])
    assert html.startswith("<em>Recalling </em><a")


def test_the_sources_italics_are_kept_around_links_and_markers():
    html = annotate(
        "See Official Records, Supplement No. 53 (A/78/53).",
        emphasis=[[4, 39]],
        links=[Link(41, 48, "/A/78/53/", "t")],
        markers=[Marker(20, "2", "#fn-2", "fnref-2")],
    )
    assert html.startswith("See <i>Official Records</i><sup")
    assert "</sup><i>, Supplement No. 53</i> (<a" in html


def test_marker_without_offset_goes_at_the_end_and_opening_phrase_must_match():
    html = annotate("Decides to act", opening_phrase="Requests", markers=[Marker(None, "*", "#fn-1", "fnref-1")])
    assert "<em>" not in html and html.startswith("Decides to act<sup")


SPANS = st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=5)


@given(st.text(max_size=80), SPANS, st.lists(st.integers(-5, 90) | st.none(), max_size=4), st.text(max_size=10), SPANS)
def test_any_input_gives_well_nested_markup_of_the_same_text(text, spans, offsets, phrase, italics):
    html = annotate(
        text,
        opening_phrase=phrase,
        emphasis=italics,
        links=[Link(a, b, "/x/", "t") for a, b in spans],
        markers=[Marker(offset, "9", "#fn-9", "fnref-9") for offset in offsets],
    )
    stack = []
    for tag in re.findall(r"<(/?)(em|i|a|sup)\b", html):
        if tag[0]:
            assert stack and stack.pop() == tag[1]
        else:
            assert tag[1] != "a" or "a" not in stack  # never a link inside a link
            stack.append(tag[1])
    assert not stack
    visible = re.sub(r'<sup class="fn-ref">.*?</sup>', "", html)
    visible = re.sub(r"<[^>]+>", "", visible)
    unescaped = (
        visible.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
    )
    assert unescaped == text


def test_citing_sentence_is_the_clause_around_the_citation():
    text = "Welcomes the report. Recalling its resolution 68/131 of 18 December 2013; and notes progress."
    before, cited, after = citing_sentence(text, 35, 52)
    assert (before, cited, after) == ("Recalling its ", "resolution 68/131", " of 18 December 2013;")


def test_citing_sentence_is_shortened_with_ellipses():
    text = "x" * 500 + " resolution 1/2 " + "y" * 500
    before, cited, after = citing_sentence(text, 501, 515, limit=100)
    assert before.startswith("…") and after.endswith("…") and cited == "resolution 1/2"
    assert len(before) + len(after) < 120


def test_quoted_citation_marks_and_escapes():
    assert str(quoted_citation("a <b> resolution 1/2", 6, 20)) == "a &lt;b&gt; <mark>resolution 1/2</mark>"


def test_citing_sentence_cuts_at_word_boundaries():
    text = "Recalling resolution 1/2 of 22 July 2010 on promoting social integration and General Assembly resolutions"
    _, _, after = citing_sentence(text, 10, 24, limit=60)
    assert after.endswith("…") and after[:-1].split(" ")[-1] in text.split(" ")
