"""Permalinks stay: every paragraph URL of the fixtures answers with the same text, also after re-importing."""

import html
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from resolutions.ingest import fixture_json
from resolutions.ingest.document import SourceInfo
from resolutions.models import Resolution
from resolutions.permalinks import paragraph_url, read_permalinks_tsv, text_hash

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE = FIXTURES / "resolutions.json"
PERMALINKS = FIXTURES / "permalinks.tsv"
PARAGRAPH_TEXT = re.compile(r'<p class="para-text" id="paragraph-text">(.*?)</p>', re.S)
MARKER = re.compile(r'<sup class="fn-ref">.*?</sup>', re.S)


def listed():
    return read_permalinks_tsv(PERMALINKS.read_text(encoding="utf-8"))


def shown_text(page: str) -> str:
    """The paragraph's text as a reader sees it on its page, footnote markers left out."""
    inner = PARAGRAPH_TEXT.search(page).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", MARKER.sub("", inner)))


def test_every_paragraph_of_the_fixtures_is_listed():
    parsed = fixture_json.parse(FIXTURE.read_bytes(), SourceInfo(FIXTURE.name, fixture_json.FORMAT, "")).resolutions
    urls = {paragraph_url(resolution.symbol, paragraph.key) for resolution in parsed for paragraph in resolution.paragraphs}
    assert urls == {url for url, _ in listed()}, "run `python manage.py permalinks --write` for new paragraphs"


def check_every_permalink(client):
    failures = []
    for url, expected in listed():
        response = client.get(url)
        if response.status_code != 200:
            failures.append(f"{url}: HTTP {response.status_code}")
        elif text_hash(shown_text(response.content.decode())) != expected:
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
