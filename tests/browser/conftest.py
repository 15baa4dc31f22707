"""Browser tests: Debian's Chromium (/usr/bin/chromium) driven by Playwright against pytest-django's live_server.

`make browser` installs the chromium package; without it these tests skip,
saying why. Screenshots go to the git-ignored screenshots/ folder for review.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PROJECT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = PROJECT / "screenshots"
FIXTURE = PROJECT / "fixtures" / "resolutions.json"


@pytest.fixture(scope="module")
def chromium():
    """One browser per test module. Playwright's sync API keeps an event loop in this thread
    while it runs; the ORM calls the tests make meanwhile (loading the fixture, flushing the
    database) are still synchronous, so Django's async guard is lifted for exactly that time."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make browser` (apt-get install chromium) installs it")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def archive(transactional_db):
    """The seed fixtures loaded, for the live server to show."""
    call_command("ingest", str(FIXTURE), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def page(chromium, live_server, archive):
    """A fresh browser page on the live server; requests anywhere else fail the test."""
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    yield page
    context.close()
    assert not outside, f"third-party requests: {outside}"


@pytest.fixture
def screenshot(request):
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str, **options):
        page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}-{name}.png"), **options)

    return take
