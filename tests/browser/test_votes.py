"""The votes of a resolution in a browser: the chart and the table on a phone and a desktop, sorting, a state's page."""

import unicodedata

import pytest
from playwright.sync_api import expect

from resolutions.ingest.document import Vote
from resolutions.reference.member_states import UN_MEMBERS, state_name
from resolutions.store.load import load_resolution
from tests.browser.test_accessibility import OWN_CHECKS, axe_source, csp_free_page  # noqa: F401 - fixtures
from tests.conftest import make_resolution

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
STATES = sorted(UN_MEMBERS)[:150]  # the rest of the 193 did not vote


def unaccented(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


@pytest.fixture
def voted(archive):
    load_resolution(
        make_resolution(
            "A/RES/70/200",
            title="A resolution adopted by a recorded vote",
            votes=[Vote(state_name(code), "YYYYNA"[index % 6]) for index, code in enumerate(STATES)],
            metadata={"adoption_type": "By a recorded vote", "sponsors": ["FRANCE", "submitted by the Chair"]},
            footnotes=[],
        )
    )


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_votes_chart_and_table(chromium, live_server, voted, screenshot, device):
    context = chromium.new_context(base_url=live_server.url, viewport=VIEWPORTS[device])
    page = context.new_page()
    page.goto("/A/RES/70/200/")
    section = page.locator("#adoption")
    chart = section.locator("svg[role=img]")
    expect(chart).to_be_visible()
    assert chart.get_attribute("aria-labelledby") == "vote-chart-title vote-chart-desc"
    expect(section.locator("#vote-chart-desc")).to_have_text("In favour 100, Against 25, Abstaining 25, Non-voting 43")
    box = chart.bounding_box()
    assert box["width"] > 200 and box["x"] + box["width"] <= VIEWPORTS[device]["width"]
    table = section.locator("table.votes-table")
    expect(table.locator("tbody:visible tr[data-state]")).to_have_count(193)
    first = table.locator("tbody:visible tr[data-state]").first
    expect(first.locator("td.vote")).to_have_text("In favour")  # grouped by vote as served
    section.get_by_role("button", name="Member State").click()
    expect(table.locator("th[data-sort=state]")).to_have_attribute("aria-sort", "ascending")
    names = table.locator("tbody:visible tr[data-state]").evaluate_all("rows => rows.map(r => r.dataset.state)")
    assert len(names) == 193 and names == sorted(names, key=unaccented)  # as a reader expects: Côte before Croatia
    section.get_by_role("button", name="Member State").click()
    expect(table.locator("th[data-sort=state]")).to_have_attribute("aria-sort", "descending")
    section.get_by_role("button", name="Vote").click()
    expect(table.locator("tbody:visible tr.group-heading")).to_have_count(4)
    table_box = table.bounding_box()
    assert table_box["x"] + table_box["width"] <= VIEWPORTS[device]["width"] + 1, "the table is wider than the screen"
    screenshot(page, f"adoption-{device}", full_page=True)
    assert page.evaluate(OWN_CHECKS) == []
    context.close()


def test_votes_table_reads_without_javascript(chromium, live_server, voted):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/A/RES/70/200/")
    expect(page.locator("table.votes-table tr[data-state]")).to_have_count(193)
    expect(page.locator("table.votes-table button")).to_have_count(0)
    expect(page.locator("#adoption svg rect")).to_have_count(4)
    context.close()


def test_state_pages_pass_axe(csp_free_page, voted, axe_source, screenshot):  # noqa: F811
    page = csp_free_page
    serious = []
    for path in ("/A/RES/70/200/", "/states/", "/states/FRA/", "/states/FRA/?vote=N"):
        page.goto(path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', "
            "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        )
        serious += [
            f"{path}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    page.goto("/states/FRA/")
    screenshot(page, "state-page", full_page=True)
    assert not serious, "\n".join(serious)
