"""The browse pages: home, bodies, a body's sessions, the resolution list with its filters and pages."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_what_the_archive_holds(client, archive):
    page = client.get("/").content.decode()
    assert "5 resolutions" in page and "General Assembly" in page and "Economic and Social Council" in page
    assert 'action="/search/"' in page and 'href="/A/RES/75/101_A/"' in page
    # the agreed-language pages are reached from the home page
    assert 'action="/agreed-language/"' in page and 'name="text"' in page and 'maxlength="4000"' in page
    assert 'href="/compare/"' in page


def test_bodies_sessions_and_a_session(client, archive):
    assert "General Assembly" in client.get("/bodies/").content.decode()
    sessions = client.get("/bodies/GA/").content.decode()
    assert (
        "Seventieth session" in sessions
        and 'href="/bodies/GA/70/"' in sessions
        and "Twenty-fourth special session" in sessions
    )
    session = client.get("/bodies/GA/70/")
    assert session.status_code == 200
    symbols = re.findall(r'class="symbol" href="([^"]+)"', session.content.decode())
    assert symbols == ["/A/RES/70/126/"]


def test_unknown_body_or_session_is_404_with_message(client, archive):
    assert client.get("/bodies/XX/").status_code == 404
    response = client.get("/bodies/GA/99/")
    assert response.status_code == 404 and "no resolution" in response.content.decode()


def listed(response):
    return re.findall(r'class="symbol" href="/([^"]+)/"', response.content.decode())


@pytest.mark.parametrize(
    "query, expected",
    [
        ("body=ECOSOC", ["E/RES/2010/12"]),
        ("body=GA&year_from=2013&year_to=2015", ["A/RES/70/126", "A/RES/68/131"]),
        ("committee=Third+Committee&sort=date", ["A/RES/68/131", "A/RES/70/126"]),
        ("title=social+inclusion&sort=-date", ["A/RES/70/126", "A/RES/68/131"]),
        ("body=GA&sort=number", ["A/RES/S-24/2", "A/RES/68/131", "A/RES/70/126", "A/RES/75/101_A"]),
        ("session=S-24", ["A/RES/S-24/2"]),
    ],
)
def test_resolution_list_filters_and_sorts(client, archive, query, expected):
    response = client.get(f"/resolutions/?{query}")
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("year_from=abc", "Enter a whole number"),
        ("year_from=99999", "less than or equal to 2100"),
        ("year_from=2015&year_to=2010", "The year range is empty"),
        ("body=NOPE", "Select a valid choice"),
        ("sort=price", "Select a valid choice"),
    ],
)
def test_bad_filters_get_a_clear_message(client, archive, query, message):
    response = client.get(f"/resolutions/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("page", ["99", "abc", "0", "-1"])
def test_bad_page_numbers_get_a_clear_message(client, archive, page):
    response = client.get(f"/resolutions/?page={page}")
    assert response.status_code == 404
    assert "There is no page" in response.content.decode()


def test_pages_keep_their_filters(client, archive, settings):
    settings.BROWSE_PAGE_SIZE = 2
    response = client.get("/resolutions/?body=GA&sort=number")
    page = response.content.decode()
    assert "page 1 of 2" in page and 'href="?body=GA&amp;sort=number&amp;page=2"' in page
    assert listed(client.get("/resolutions/?body=GA&sort=number&page=2")) == ["A/RES/70/126", "A/RES/75/101_A"]
