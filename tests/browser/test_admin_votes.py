"""A curator reads the recorded votes in the admin: Member State, vote and resolution side by side, all on screen."""

import pytest
from playwright.sync_api import expect

from resolutions.ingest.document import Vote
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.browser

STATES = [
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Antigua and Barbuda",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
]


def test_vote_list_is_readable(page, django_user_model, screenshot):
    load_resolution(
        make_resolution(
            "A/RES/70/1",
            title="Transforming our world: the 2030 Agenda for Sustainable Development " * 3,
            votes=[Vote(state, "YNA"[index % 3] if index % 5 else "") for index, state in enumerate(STATES)],
            footnotes=[],
        )
    )
    django_user_model.objects.create_superuser("curator", "curator@example.org", "a long curator password")
    page.goto("/admin/login/?next=/admin/resolutions/vote/")
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("a long curator password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/resolutions/vote/")
    table = page.locator("#result_list")
    expect(table.locator("tbody tr")).to_have_count(len(STATES))
    expect(table.locator("thead")).to_contain_text("Member State")
    viewport = page.viewport_size["width"]
    for column in ("member_state", "vote", "resolution_symbol", "adopted_on"):
        box = table.locator(f"td.field-{column}, th.field-{column}").first.bounding_box()
        assert box["x"] + box["width"] <= viewport, f"{column} is off-screen"
    expect(table.locator("tbody tr").first).to_contain_text("A/RES/70/1")
    assert "Transforming our world" not in table.inner_text()
    screenshot(page, "admin-votes", full_page=True)
