"""On a phone, a session's filters are there at once and filter within the session's page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.browser


def test_filter_a_session_on_a_phone(chromium, live_server, archive, screenshot):
    load_resolution(
        make_resolution("A/RES/70/1", title="Transforming our world", adopted_on=dt.date(2015, 9, 25), footnotes=[])
    )
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto("/bodies/GA/70/")
    expect(page.locator(".symbol")).to_have_count(2)
    title = page.get_by_label("Title contains")
    expect(title).to_be_visible()  # not hidden in a collapsed box
    assert page.get_by_label("Body").count() == 0  # the page's own body and session are not asked again
    title.fill("inclusion")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/bodies/GA/70/?*title=inclusion*")
    expect(page.locator(".symbol")).to_have_count(1)
    expect(page.locator(".symbol")).to_have_text("A/RES/70/126")
    expect(page.locator('.breadcrumb [aria-current="page"]')).to_have_text("Seventieth session")
    expect(page.get_by_label("Title contains")).to_have_value("inclusion")
    screenshot(page, "phone", full_page=True)
    page.get_by_role("link", name="Clear").click()
    page.wait_for_url("**/bodies/GA/70/")
    expect(page.locator(".symbol")).to_have_count(2)
    context.close()
