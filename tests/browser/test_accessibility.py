"""Accessibility of the reading pages, checked in the browser.

Two layers, honestly scoped:

- axe-core (pinned version, fetched from the npm registry at test time,
  checked against the registry's integrity hash, cached in the git-ignored
  folder var/test-cache/, never committed) runs its WCAG 2.0/2.1 A and AA rules: colour
  contrast, names and labels, landmarks, ARIA use, lists, tables... No
  violation of impact "serious" or "critical" is allowed. When the registry
  cannot be reached the axe test is skipped, saying so.
- our own checks, always run: one <h1>, no skipped heading level, the
  landmarks (banner, main, contentinfo, labelled navigation), a working skip
  link, every form control labelled, every link with a name.

Neither covers what needs a person: reading order making sense, keyboard
traps in real use, or how a screen reader announces the annotated text.
"""

import base64
import hashlib
import io
import tarfile
import urllib.request

import pytest

from tests.browser.conftest import PROJECT

pytestmark = pytest.mark.browser

AXE_VERSION = "4.14.1"
AXE_TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
AXE_INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
CACHE = PROJECT / "var" / "test-cache"  # git-ignored
PAGES = [
    "/",
    "/bodies/",
    "/bodies/GA/",
    "/bodies/GA/70/",
    "/resolutions/?body=GA",
    "/resolutions/?year_from=abc",
    "/A/RES/70/126/",
    "/E/RES/2010/12/",
    "/E/ESCAP/RES/67/8/",
    "/A/RES/70/126/op5/",
    "/E/RES/2010/12/op1/",
    "/A/RES/70/999/",
    "/cite/",
    "/basket/?p=A/RES/70/126/op5&p=E/RES/2010/12/op1&p=A/RES/70/126/op99",
    "/bulk/",
]


@pytest.fixture(scope="session")
def axe_source():
    cached = CACHE / f"axe-core-{AXE_VERSION}.min.js"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            with urllib.request.urlopen(AXE_TARBALL, timeout=30) as response:
                tarball = response.read()
        except OSError as error:
            pytest.skip(f"axe-core could not be fetched from the npm registry ({error}); our own checks still ran")
        digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
        assert digest == AXE_INTEGRITY, "the axe-core tarball does not match its pinned integrity hash"
        with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
            cached.write_bytes(archive.extractfile("package/axe.min.js").read())
    return cached.read_text(encoding="utf-8")


@pytest.fixture
def csp_free_page(chromium, live_server, archive):
    """axe is injected as a script, which our Content-Security-Policy rightly refuses: bypass it for the check."""
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True)
    yield context.new_page()
    context.close()


def test_axe_finds_no_serious_violation(csp_free_page, axe_source):
    page = csp_free_page
    serious = []
    for path in PAGES:
        page.goto(path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', "
            "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        )
        serious += [
            f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(str(node["target"]) for node in violation["nodes"][:3])
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
    assert not serious, "\n".join(serious)


OWN_CHECKS = """() => {
  const problems = [];
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim();
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  const h1 = document.querySelectorAll('h1');
  if (h1.length !== 1) problems.push(`${h1.length} h1 elements`);
  let level = 0;
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const next = Number(heading.tagName[1]);
    if (next > level + 1) problems.push(`heading level skips from h${level} to h${next}: "${name(heading)}"`);
    level = next;
  }
  for (const selector of ['body > header', 'main', 'body > footer']) {
    if (document.querySelectorAll(selector).length !== 1) problems.push(`landmark ${selector} missing or repeated`);
  }
  for (const nav of document.querySelectorAll('nav')) {
    if (!nav.getAttribute('aria-label') && !nav.getAttribute('aria-labelledby')) problems.push('a <nav> without a label');
  }
  const skip = document.querySelector('a.skip-link');
  if (!skip || !document.querySelector(skip.getAttribute('href'))) problems.push('skip link missing or broken');
  for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const labelled = (control.id && document.querySelector(`label[for="${control.id}"]`))
      || control.getAttribute('aria-label') || control.closest('label');
    if (!labelled) problems.push(`unlabelled ${control.tagName.toLowerCase()} ${control.name}`);
  }
  for (const link of document.querySelectorAll('a[href]')) {
    if (!name(link)) problems.push(`link without a name: ${link.getAttribute('href')}`);
  }
  for (const image of document.querySelectorAll('img:not([alt])')) problems.push(`image without alt: ${image.src}`);
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length) problems.push(`repeated ids: ${repeated.join(', ')}`);
  return problems;
}"""


def test_own_structure_checks(page):
    problems = []
    for path in PAGES:
        page.goto(path)
        problems += [f"{path}: {problem}" for problem in page.evaluate(OWN_CHECKS)]
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_main(page):
    page.goto("/A/RES/70/126/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator("a.skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
