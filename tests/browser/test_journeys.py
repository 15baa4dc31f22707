"""What a reader does, in a real browser: browse down to a paragraph and copy its citation,
follow a citation, open "cited by", and arrive through an old-style address."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_home_to_paragraph_and_copy_its_citation(page, live_server, screenshot):
    page.goto("/")
    screenshot(page, "home")
    page.get_by_role("link", name="General Assembly").first.click()
    page.wait_for_url("**/bodies/GA/")
    screenshot(page, "body")
    page.get_by_role("link", name="Seventieth session").click()
    page.wait_for_url("**/bodies/GA/70/")
    screenshot(page, "session")
    page.get_by_role("link", name="A/RES/70/126").click()
    page.wait_for_url("**/A/RES/70/126/")
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .endswith("Promoting social integration through social inclusion")
    )
    screenshot(page, "resolution", full_page=True)
    page.locator("#op5 a.permalink").click()
    page.wait_for_url("**/A/RES/70/126/op5/")
    assert page.get_by_role("heading", level=1).inner_text() == "Operative paragraph 5"
    copy = page.locator('button[data-copy="cite-un"]')
    assert copy.is_visible()
    copy.click()
    expect(page.locator("#copy-status")).to_have_text("Copied: General Assembly resolution 70/126, para. 5")
    assert page.evaluate("navigator.clipboard.readText()") == "General Assembly resolution 70/126, para. 5"
    page.locator('button[data-copy="cite-link"]').click()
    expect(page.locator("#copy-status")).to_contain_text("/op5/")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}/A/RES/70/126/op5/"
    screenshot(page, "paragraph", full_page=True)


def test_citations_readable_and_selectable_without_javascript(chromium, live_server, archive, screenshot):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/A/RES/70/126/op5/")
    assert page.locator("#cite-un").inner_text() == "General Assembly resolution 70/126, para. 5"
    assert page.locator("#cite-symbol").inner_text() == "A/RES/70/126 of 17 December 2015, para. 5"
    assert not page.locator('button[data-copy="cite-un"]').is_visible()  # no button that would do nothing
    screenshot(page, "no-js")
    context.close()


def test_follow_a_citation(page):
    page.goto("/A/RES/70/126/")
    link = page.locator("#pp3 a.citation", has_text="68/131")
    assert link.get_attribute("href") == "/A/RES/68/131/"
    link.click()
    page.wait_for_url("**/A/RES/68/131/")
    assert "A/RES/68/131" in page.locator(".doc-symbol").inner_text()
    external = page.locator("a.citation[rel=external]").first
    assert external.get_attribute("href").startswith("https://undocs.org/")


def test_footnote_marker_and_back(page):
    page.goto("/E/RES/2010/12/")
    page.locator("#fnref-1").click()
    assert page.url.endswith("#fn-1")
    assert page.locator("#fn-1").is_visible()
    page.locator("#fn-1 a.fn-back").first.click()
    assert page.url.endswith("#fnref-1")
    page.locator("#fn-1 a.fn-back", has_text="pp2").click()  # pp2 prints marker 1 again
    assert page.url.endswith("#fnref-1-2")
    assert page.locator("#pp2 #fnref-1-2").is_visible()


def test_open_cited_by(page, screenshot):
    page.goto("/E/RES/2010/12/")
    cited_by = page.locator("#cited-by")
    citing = cited_by.locator("p.citing > a")
    assert sorted(citing.all_inner_texts()) == ["A/RES/68/131", "A/RES/70/126", "E/ESCAP/RES/67/8"]
    cited_by.scroll_into_view_if_needed()
    screenshot(page, "cited-by")
    first_quote = cited_by.locator("a.quote-source").first
    target = first_quote.get_attribute("href")
    first_quote.click()
    page.wait_for_url(f"**{target}")
    assert re.search(r"2010/12", page.locator("#paragraph-text").inner_text())


def test_old_style_addresses_redirect(page, live_server):
    for old, canonical in [
        ("/a/res/70/126/para.5", "/A/RES/70/126/op5/"),
        ("/A-RES-70-126", "/A/RES/70/126/"),
        ("/70/126/", "/A/RES/70/126/"),
    ]:
        response = page.goto(old)
        assert response.ok and page.url == live_server.url + canonical
        assert response.request.redirected_from is not None


def test_resolver(page, live_server):
    page.goto("/cite/")
    page.get_by_label("Citation").fill("paragraph 5 of resolution 70/126")
    page.get_by_role("button", name="Go").click()
    page.wait_for_url("**/A/RES/70/126/op5/")


def test_unknown_address_offers_nearest(page, screenshot):
    response = page.goto("/A/RES/70/129/")
    assert response.status == 404
    assert page.get_by_role("link", name="A/RES/70/126").is_visible()
    screenshot(page, "not-found")


def test_phone_width(chromium, live_server, archive, screenshot):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    for path, name in (
        ("/E/RES/2010/12/", "resolution"),
        ("/E/ESCAP/RES/67/8/op2/", "paragraph"),
        ("/resolutions/", "list"),
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, f"{path} scrolls sideways on a phone"
        screenshot(page, name)
    context.close()


def test_print_looks_like_the_document(page, screenshot):
    page.goto("/A/RES/70/126/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible() and not page.locator("a.permalink").first.is_visible()
    assert page.locator(".doc-symbol").is_visible()
    screenshot(page, "print", full_page=True)
