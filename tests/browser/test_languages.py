"""The six languages in a real browser: Arabic beside French (right to left, side by side on a wide screen,
one above the other on a phone), the language switch, and a Chinese search."""

import pytest
from playwright.sync_api import expect

from tests.multilingual import load_six_languages

pytestmark = pytest.mark.browser


@pytest.fixture
def six(transactional_db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_CACHE_SECONDS = 0
    load_six_languages()


def _open(chromium, live_server, width, height, **options):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": width, "height": height}, **options)
    return context, context.new_page()


def test_arabic_and_french_side_by_side_then_one_above_the_other_on_a_phone(chromium, live_server, six, screenshot):
    context, page = _open(chromium, live_server, 1200, 900)
    try:
        page.goto("/ar/A/RES/70/126/side-by-side/?left=ar&right=fr")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        row = page.locator(".parallel-row#op1")
        arabic, french = row.locator('[lang="ar"]'), row.locator('[lang="fr"]')
        expect(arabic).to_contain_text("القضاء على الفقر")
        expect(french).to_contain_text("l’élimination de la pauvreté")
        assert arabic.evaluate("element => getComputedStyle(element).direction") == "rtl"
        assert french.evaluate("element => getComputedStyle(element).direction") == "ltr"
        assert "Naskh" in arabic.evaluate("element => getComputedStyle(element).fontFamily")
        left, right = arabic.bounding_box(), french.bounding_box()
        assert abs(left["y"] - right["y"]) < 2 and left["x"] > right["x"]  # side by side; Arabic first, at the right
        missing = page.locator(".parallel-row#op3 [lang='ar']")
        expect(missing).to_contain_text("غير موجودة في النص بهذه اللغة")
        screenshot(page, "desktop")
    finally:
        context.close()
    context, page = _open(chromium, live_server, 390, 844, is_mobile=True)
    try:
        page.goto("/fr/A/RES/70/126/side-by-side/?left=fr&right=ar")
        row = page.locator(".parallel-row#op1")
        french, arabic = row.locator('[lang="fr"]').bounding_box(), row.locator('[lang="ar"]').bounding_box()
        assert french["y"] + french["height"] <= arabic["y"] + 1  # one above the other
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('body *')].map(element => element.getBoundingClientRect().right))"
        )
        assert widest <= 390, page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390)"
            ".map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')"
        )  # nothing wider than the phone
        screenshot(page, "phone")
    finally:
        context.close()


def test_the_language_switch_keeps_the_page_and_changes_its_words_and_text(chromium, live_server, six, screenshot):
    context, page = _open(chromium, live_server, 1200, 900)
    try:
        page.goto("/A/RES/70/126/op2/")
        expect(page.locator("#paragraph-text")).to_contain_text("Member States to strengthen social protection")
        page.locator(".language-switch").get_by_role("link", name="Français").click()
        expect(page).to_have_url(f"{live_server.url}/fr/A/RES/70/126/op2/")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        expect(page.locator("#paragraph-text")).to_contain_text("renforcer la protection sociale")
        expect(page.get_by_role("button", name="Rechercher")).to_be_visible()
        expect(page.locator("#cite-fr")).to_have_text(
            "résolution 70/126 de l’Assemblée générale en date du 17 décembre 2015, par. 2"
        )
        page.locator(".language-switch").get_by_role("link", name="العربية").click()
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("#paragraph-text")).to_contain_text("تعزيز الحماية الاجتماعية")
        screenshot(page, "arabic")
    finally:
        context.close()


def test_a_chinese_search_finds_the_word_wherever_it_stands(chromium, live_server, six, screenshot):
    context, page = _open(chromium, live_server, 1200, 900)
    try:
        page.goto("/zh-hans/")
        page.locator("#site-search-q").fill("贫穷")
        page.get_by_role("button", name="搜索").first.click()
        expect(page.get_by_role("status")).to_contain_text("3 个结果")
        marks = page.locator("li.hit mark")
        expect(marks).to_have_count(3)
        assert set(marks.all_inner_texts()) == {"贫穷"}
        expect(page.locator("li.hit").first.locator(".hit-text")).to_have_attribute("lang", "zh-Hans")
        page.locator("#refine").get_by_role("link", name="中文").first.wait_for()
        screenshot(page, "results")
    finally:
        context.close()
