"""Permalinks stay: every paragraph URL of the fixtures answers with the same text, also after re-importing."""

import html
import io
import re

import pytest
from django.core.management import CommandError, call_command

from resolutions.ingest import fixture_json
from resolutions.ingest.document import SourceInfo
from resolutions.models import Resolution
from resolutions.reference.permalinks import paragraph_url, read_permalinks_tsv, text_hash
from tests.conftest import PROJECT

FIXTURES = PROJECT / "fixtures"
PARAGRAPH_TEXT = re.compile(r'<p class="para-text" id="paragraph-text">(.*?)</p>', re.S)
FOOTNOTE_MARKER = re.compile(r'<sup class="fn-ref">.*?</sup>', re.S)


def shown_paragraph_text(page: str) -> str | None:
    """A paragraph's text as a reader sees it on its page, footnote markers left out; None when the page shows none."""
    found = PARAGRAPH_TEXT.search(page)
    if found is None:
        return None
    return html.unescape(re.sub(r"<[^>]+>", "", FOOTNOTE_MARKER.sub("", found.group(1))))


FIXTURE = FIXTURES / "resolutions.json"
PERMALINKS = FIXTURES / "permalinks.tsv"


def listed():
    return read_permalinks_tsv(PERMALINKS.read_text(encoding="utf-8"))


def test_every_paragraph_of_the_fixtures_is_listed():
    parsed = fixture_json.parse(FIXTURE.read_bytes(), SourceInfo(FIXTURE.name, fixture_json.FORMAT, "")).resolutions
    urls = {
        paragraph_url(resolution.symbol, paragraph.key) for resolution in parsed for paragraph in resolution.paragraphs
    }
    assert urls == {url for url, _ in listed()}, "run `python manage.py permalinks --write` for new paragraphs"


def check_every_permalink(client):
    failures = []
    for url, expected in listed():
        response = client.get(url)
        if response.status_code != 200:
            failures.append(f"{url}: HTTP {response.status_code}")
        elif text_hash(shown_paragraph_text(response.content.decode())) != expected:
            failures.append(f"{url}: the text changed")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_permalinks_answer_with_the_same_text_after_reimport(client):
    call_command("ingest", str(FIXTURE), stdout=io.StringIO(), stderr=io.StringIO())
    assert listed(), "the permalink list is empty"
    check_every_permalink(client)
    # Force a full rewrite of every resolution's rows, as a changed source would.
    Resolution.objects.update(content_hash="")
    call_command("ingest", str(FIXTURE), stdout=io.StringIO(), stderr=io.StringIO())
    check_every_permalink(client)


@pytest.mark.django_db
def test_the_check_itself_notices_a_changed_text(client):
    call_command("ingest", str(FIXTURE), stdout=io.StringIO(), stderr=io.StringIO())
    url, _ = listed()[0]
    resolution = Resolution.objects.get(symbol=url.strip("/").rsplit("/", 1)[0])
    paragraph = resolution.paragraphs.get(key=url.strip("/").rsplit("/", 1)[1])
    paragraph.text += " (altered)"
    paragraph.save()
    with pytest.raises(AssertionError, match="the text changed"):
        check_every_permalink(client)


# --- an import that changes keys or texts: every old address keeps answering ---------------------------

from resolutions.ingest.document import ParsedParagraph  # noqa: E402
from resolutions.store.load import load_resolution  # noqa: E402
from tests.conftest import make_resolution  # noqa: E402


def _resolution_from(source: SourceInfo, paragraphs: list[tuple[str, str]]):
    return make_resolution(
        source=source,
        footnotes=[],
        paragraphs=[
            ParsedParagraph(key, "preambular" if key.startswith("pp") else "operative", "", order, text)
            for order, (key, text) in enumerate(paragraphs, start=1)
        ],
    )


@pytest.fixture
def reimported(db):
    """A/RES/70/126 first from a PDF text (p1, op2, op3), then from AKN: p1 is op1 now, op2 reworded, op3 gone."""
    load_resolution(
        _resolution_from(
            SourceInfo("A-RES-70-126.txt", "pdf-text", "c" * 64),
            [
                ("pp1", "Recalling its resolution 68/131,"),
                ("p1", "Adopts the declaration annexed;"),
                ("op2", "Decides to act;"),
                ("op3", "Decides to remain seized of the matter."),
            ],
        )
    )
    load_resolution(
        _resolution_from(
            SourceInfo("A_RES_70_126-E.xml", "akn", "a" * 64),
            [
                ("pp1", "Recalling its resolution 68/131,"),
                ("op1", "Adopts the declaration annexed;"),
                ("op2", "Decides to act at once;"),
            ],
        )
    )


def test_a_moved_paragraph_redirects_to_its_new_key(client, reimported):
    response = client.get("/A/RES/70/126/p1/")
    assert (response.status_code, response["Location"]) == (301, "/A/RES/70/126/op1/")
    assert client.get("/A/RES/70/126/P1").status_code == 301  # other spellings of the old key too
    assert shown_paragraph_text(client.get("/A/RES/70/126/op1/").content.decode()) == "Adopts the declaration annexed;"


def test_a_removed_paragraph_answers_with_its_old_text_dated(client, reimported):
    response = client.get("/A/RES/70/126/op3/")
    page = response.content.decode()
    assert response.status_code == 200 and "An earlier text" in page and "A_RES_70_126-E.xml" in page
    assert shown_paragraph_text(page) == "Decides to remain seized of the matter."
    assert '<meta name="robots" content="noindex">' in page


def test_a_reworded_paragraph_shows_its_earlier_text(client, reimported):
    page = client.get("/A/RES/70/126/op2/").content.decode()
    assert shown_paragraph_text(page) == "Decides to act at once;"
    assert "earlier text" in page and "Decides to act;" in page


def test_an_address_that_never_held_a_paragraph_is_still_404(client, reimported):
    assert client.get("/A/RES/70/126/op9/").status_code == 404


def test_the_resolution_page_names_its_sources_and_the_date_of_its_text(client, reimported):
    page = client.get("/A/RES/70/126/").content.decode()
    assert 'href="https://undocs.org/A/RES/70/126"' in page
    assert "Text as of" in page and 'class="text-as-of"' in page
    listed_sources = page[page.index('<ul class="sources">') :]
    assert listed_sources.index("A-RES-70-126.txt") < listed_sources.index(
        "A_RES_70_126-E.xml"
    )  # both, oldest import first
    assert re.search(
        r"A_RES_70_126-E\.xml</span> \(akn\),\s+imported <time[^>]*>[^<]+</time>, <strong>gives the text",
        listed_sources,
    )


def test_a_snapshot_of_the_database_permalinks_is_verified_after_imports(tmp_path, reimported):
    snapshot = tmp_path / "permalinks.tsv"
    call_command("permalinks", "--snapshot", str(snapshot), stdout=io.StringIO())
    assert [url for url, _ in listed_in(snapshot)] == ["/A/RES/70/126/pp1/", "/A/RES/70/126/op1/", "/A/RES/70/126/op2/"]
    out = io.StringIO()
    call_command("permalinks", "--verify", str(snapshot), stdout=out)
    assert "all 3 permalinks answer 200 with the same text" in out.getvalue()
    # A later import rewords pp1 (AKN gives the text): its address answers, with another text -- the check says so.
    load_resolution(
        _resolution_from(
            SourceInfo("A_RES_70_126-E2.xml", "akn", "b" * 64),
            [
                ("pp1", "Recalling also its resolution 68/131,"),
                ("op1", "Adopts the declaration annexed;"),
                ("op2", "Decides to act at once;"),
            ],
        )
    )
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 of 3 permalinks no longer answer 200 with the same text"):
        call_command("permalinks", "--verify", str(snapshot), stdout=io.StringIO(), stderr=errors)
    assert "/A/RES/70/126/pp1/: the text changed" in errors.getvalue()


def listed_in(path):
    return read_permalinks_tsv(path.read_text(encoding="utf-8"))
