"""The citation basket in a real browser: collect two paragraphs on two pages, see them on the basket page,
export them, and open the downloaded .docx."""

import docx
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_collect_two_paragraphs_on_two_pages_and_export_them(page, screenshot):
    page.goto("/A/RES/70/126/")
    add = page.locator("#op5 button.basket-add")
    expect(add).to_have_text("Add to basket A/RES/70/126 op5")
    add.click()
    expect(add).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-basket-count]")).to_have_text(" (1 paragraph)")

    page.goto("/E/RES/2010/12/op1/")
    page.locator("[data-basket-box] button.basket-add").click()
    expect(page.locator("[data-basket-count]")).to_have_text(" (2 paragraphs)")
    page.get_by_role("link", name="Citation basket").click()

    page.wait_for_url("**/basket/?p=*")  # the browser's basket, rendered by the server
    items = page.locator("li.basket-item h2")
    expect(items).to_have_text(["A/RES/70/126, para. 5", "E/RES/2010/12, para. 1"])
    screenshot(page, "basket", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Word (.docx)").click()
    saved = download.value
    assert saved.suggested_filename == "citation-basket.docx"
    texts = [paragraph.text for paragraph in docx.Document(saved.path()).paragraphs]
    assert texts[2] == "A/RES/70/126, para. 5"
    assert texts[5] == "E/RES/2010/12, para. 1"
    assert texts[1].startswith("2 paragraphs from the Resolutions Archive")

    page.get_by_role("button", name="Remove A/RES/70/126, para. 5 from basket").click()
    expect(page.locator("li.basket-item h2")).to_have_text(["E/RES/2010/12, para. 1"])
    page.reload()
    expect(page.locator("li.basket-item h2")).to_have_text(["E/RES/2010/12, para. 1"])  # kept by the browser
