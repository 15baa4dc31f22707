"""Markdown emphasis in footnotes: taken out of the text, kept as spans (issue 13: footnote italics)."""

from resolutions.ingest.text.emphasis import footnote_text


def test_a_footnotes_italic_title_is_kept_as_a_span_of_the_plain_text():
    text, spans = footnote_text("  *Report of the  Summit*, chap. I, and _Treaty Series_, vol. 1.")
    assert text == "Report of the Summit, chap. I, and Treaty Series, vol. 1."
    assert [text[start:end] for start, end in spans] == ["Report of the Summit", "Treaty Series"]


def test_a_footnote_without_emphasis_has_no_spans_and_stray_stars_stay():
    assert footnote_text("A/70/179.") == ("A/70/179.", [])
    assert footnote_text("Rate * 2 and 3 * 4") == ("Rate * 2 and 3 * 4", [])
