"""A session's page filters within itself: its form stays on the page, open, without body and session fields."""

import datetime as dt
import re

import pytest

from resolutions.store.load import load_resolution
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_of_two():
    load_resolution(make_resolution("A/RES/70/126", footnotes=[]))
    load_resolution(
        make_resolution("A/RES/70/1", title="Transforming our world", adopted_on=dt.date(2015, 9, 25), footnotes=[])
    )
    load_resolution(make_resolution("A/RES/68/131", footnotes=[]))


def listed(page):
    return re.findall(r'class="symbol" href="/([^"]+)/"', page)


def test_the_session_form_applies_within_the_page(client, session_of_two):
    page = client.get("/bodies/GA/70/").content.decode()
    form = page[page.index('<details class="filters"') : page.index("</details>")]
    assert '<details class="filters" open>' in form
    assert 'action="/bodies/GA/70/"' in form and 'href="/bodies/GA/70/">Clear' in form
    assert 'name="body"' not in form and 'name="session"' not in form  # fixed by the page
    assert 'name="title"' in form and 'name="sort"' in form


def test_filtering_keeps_the_session_and_its_breadcrumb(client, session_of_two):
    response = client.get("/bodies/GA/70/", {"title": "inclusion"})
    page = response.content.decode()
    assert response.status_code == 200 and listed(page) == ["A/RES/70/126"]
    assert '<li aria-current="page">Seventieth session</li>' in page
    # The page's own body and session win over any in the query.
    assert listed(client.get("/bodies/GA/70/", {"body": "ECOSOC", "session": "68"}).content.decode()) == [
        "A/RES/70/126",
        "A/RES/70/1",
    ]


def test_bad_filters_on_a_session_page_say_so_and_offer_the_page_back(client, session_of_two):
    response = client.get("/bodies/GA/70/", {"year_from": "2016", "year_to": "2015"})
    page = response.content.decode()
    assert response.status_code == 400 and "The year range is empty" in page
    assert '<a href="/bodies/GA/70/">Start again without filters</a>' in page


def test_the_list_of_all_resolutions_keeps_its_collapsed_filters(client, session_of_two):
    page = client.get("/resolutions/").content.decode()
    assert '<details class="filters">' in page and 'action="/resolutions/"' in page and 'name="body"' in page
