"""Agreed language in the browser: the comparison, a paragraph's history and the paste-and-find page."""

import pytest

pytestmark = pytest.mark.browser


def test_compare_page_marks_changes_and_unfolds_unchanged_paragraphs(page, screenshot):
    page.goto("/compare/?to=A/RES/70/126")
    assert page.locator("h1").inner_text() == "A/RES/70/126 compared with A/RES/68/131"
    edited = page.locator("#pp3")
    assert edited.locator("del").first.inner_text().strip() == "resolution"
    assert "and 68/131 of 18 December 2013" in edited.locator("ins").last.inner_text()
    # Struck through and underlined as tracked changes are, not only coloured.
    assert edited.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    folded = page.locator("details.unchanged").first
    assert not folded.locator(".change").first.is_visible()
    folded.locator("summary").click()
    assert folded.locator(".change").first.is_visible()
    assert page.locator(".moved-mark").count() == 1
    screenshot(page, "compare", full_page=True)


def test_paragraph_history_and_same_wording_elsewhere(page, screenshot):
    page.goto("/A/RES/70/126/op5/")
    history = page.locator(".paragraph-lineage")
    assert "First adopted in A/RES/68/131" in history.inner_text()
    assert history.locator("ins").first.inner_text().strip() == ","
    history.get_by_role("link", name="Same wording elsewhere").click()
    page.wait_for_url("**/agreed-language/**")
    assert "General Assembly resolution 68/131, para. 5" in page.locator(".found").first.inner_text()
    screenshot(page, "used-before", full_page=True)


def test_paste_a_phrase_and_find_it(page):
    page.goto("/agreed-language/")
    page.get_by_label("Paragraph or phrase").fill("social protection floors")
    page.get_by_role("button", name="Find earlier uses").click()
    page.wait_for_url("**/agreed-language/?text=*")
    assert page.locator(".found").count() >= 2
    assert "Searched as a phrase" in page.content()
