"""Reflected and stored input is escaped everywhere; no open redirect (issue 6)."""

from urllib.parse import quote

import pytest

from resolutions.ingest.document import ParsedParagraph
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_resolution():
    load_resolution(
        make_resolution(
            "A/RES/70/126",
            title=f"Promoting social inclusion {PAYLOAD}",
            paragraphs=[
                ParsedParagraph("pp1", "preambular", "", 1, f"Recalling inclusion {PAYLOAD} and <mark>", "Recalling"),
                ParsedParagraph("op1", "operative", "1", 2, f"Calls upon inclusion {PAYLOAD}", "Calls upon"),
            ],
            footnotes=[],
        )
    )


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/A/RES/70/126/",
        "/A/RES/70/126/op1/",
        "/search/?q=inclusion",
        "/resolutions/",
        "/bodies/GA/70/",
        "/feeds/recent.atom",
    ],
)
def test_stored_markup_is_shown_as_text(client, hostile_resolution, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body


@pytest.mark.parametrize(
    "path",
    [
        f"/search/?q={quote(PAYLOAD)}",
        f"/cite/?q={quote(PAYLOAD)}",
        f"/resolutions/?title={quote(PAYLOAD)}",
        f"/A/RES/{quote(PAYLOAD)}/",
        f"/A/RES/70/126/{quote(PAYLOAD)}/",
        f"/{quote(PAYLOAD)}/",
    ],
)
def test_reflected_input_is_escaped(client, hostile_resolution, path):
    response = client.get(path)
    assert response.status_code < 500
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/cite/?q=//evil.example.com",
        "/cite/?q=https://evil.example.com/A/RES/70/126",
        "/search/?q=https://evil.example.com",
        "/search/?q=//evil.example.com/x",
        "//evil.example.com/",
        "/A/RES/70/126/?next=https://evil.example.com",
        "/a/res/70/126//evil.example.com",
    ],
)
def test_no_open_redirect(client, hostile_resolution, path):
    response = client.get(path)
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
        assert "evil.example.com" not in location


def test_the_api_returns_text_as_json_data_never_as_a_page(client, hostile_resolution):
    response = client.get("/api/search?q=inclusion")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["results"][0]["title"].endswith(PAYLOAD)
    assert "<script>" not in response.json()["results"][0]["highlight"]
