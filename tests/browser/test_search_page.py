"""The search page in a real browser: on a phone the facets wait behind "Refine" at the top; on a wide
screen they stand open beside the hits; a facet narrows the search with exact counts."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_on_a_phone_the_facets_are_folded_above_the_hits(chromium, live_server, archive, screenshot):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto("/search/?q=social+protection")
        refine = page.locator("details#refine")
        expect(refine).not_to_have_attribute("open", "")
        first_hit = page.locator("li.hit").first
        assert refine.bounding_box()["y"] < first_hit.bounding_box()["y"] < 844  # a hit in view, below "Refine"
        screenshot(page, "phone")
        page.get_by_text("Refine").click()
        expect(refine).to_have_attribute("open", "")
        page.locator("#refine").get_by_role("link", name="General Assembly").click()
        expect(page.get_by_role("status")).to_contain_text("hits in")
        assert "body=GA" in page.url
        screenshot(page, "phone-narrowed")
    finally:
        context.close()


def test_on_a_wide_screen_the_facets_stand_beside_the_hits(page, screenshot):
    page.goto("/search/?q=social+protection")
    refine = page.locator("details#refine")
    expect(refine).to_have_attribute("open", "")
    facets, hits = refine.bounding_box(), page.locator("li.hit").first.bounding_box()
    assert facets["x"] > hits["x"] + hits["width"] - 1  # to the right of the hits
    counts = page.locator("#refine section").first.locator(".count").all_inner_texts()
    assert counts and all(count.replace(",", "").isdigit() for count in counts)
    screenshot(page, "desktop")
