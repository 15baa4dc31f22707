"""A footnote's marker at every place the resolution prints it, on the seed E/RES/2010/12 (its pp2 repeats 1 and 2)."""

import re

import pytest

from resolutions.ingest.pipeline import parse_path
from resolutions.store.load import load_resolution
from tests.conftest import PROJECT

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    for parsed in parse_path(PROJECT / "fixtures" / "resolutions.json").resolutions:
        load_resolution(parsed)


def marker(order: int, anchor: str) -> str:
    return f'<sup class="fn-ref"><a id="{anchor}" href="#fn-{order}" aria-label="Footnote {order}">{order}</a></sup>'


def paragraph_html(page: str, key: str) -> str:
    return re.search(r'id="' + key + r'"><p class="para-text">.*?</p>', page, re.S).group(0)


def back_links(page: str, order: int) -> list[tuple[str, str]]:
    item = re.search(r'<li id="fn-' + str(order) + r'">.*?</li>', page, re.S).group(0)
    links = re.findall(r'<a class="fn-back" href="([^"]+)"[^>]*>(.*?)</a>', item)
    return [(href, re.sub(r'<span class="visually-hidden">[^<]*</span>|<[^>]+>', "", text)) for href, text in links]


def test_resolution_page_shows_each_marker_wherever_it_is_printed(client, seeds):
    page = client.get("/E/RES/2010/12/").content.decode()
    pp1, pp2 = paragraph_html(page, "pp1"), paragraph_html(page, "pp2")
    assert "Social Development" + marker(1, "fnref-1") in pp1
    assert "General Assembly," + marker(2, "fnref-2") in pp1
    assert "and Programme of Action" + marker(1, "fnref-1-2") + " and the further initiatives" in pp2
    assert "twenty-fourth special session," + marker(2, "fnref-2-2") + " and a continued global dialogue" in pp2
    assert page.count('id="fnref-1-2"') == 1 and 'id="fnref-3-2"' not in page


def test_the_notes_link_back_to_every_place_of_their_marker(client, seeds):
    page = client.get("/E/RES/2010/12/").content.decode()
    assert back_links(page, 1) == [("#fnref-1", "↩ pp1"), ("#fnref-1-2", "↩ pp2")]
    assert back_links(page, 2) == [("#fnref-2", "↩ pp1"), ("#fnref-2-2", "↩ pp2")]
    assert back_links(page, 3) == [("#fnref-3", "↩")]  # printed once: the plain arrow, as before


def test_paragraph_page_shows_the_repeated_markers_and_their_notes(client, seeds):
    page = client.get("/E/RES/2010/12/pp2/").content.decode()
    assert "and Programme of Action" + marker(1, "fnref-1-2") in page
    assert "special session," + marker(2, "fnref-2-2") in page
    assert re.findall(r'<li id="fn-(\d+)">', page) == ["1", "2"]
    # the first place is on pp1's own page, this one here
    assert back_links(page, 1) == [("/E/RES/2010/12/pp1/#fnref-1", "↩ pp1"), ("#fnref-1-2", "↩ pp2")]
    first = client.get("/E/RES/2010/12/pp1/").content.decode()
    assert back_links(first, 2) == [("#fnref-2", "↩ pp1"), ("/E/RES/2010/12/pp2/#fnref-2-2", "↩ pp2")]


def test_footnotes_keep_the_titles_the_source_prints_in_italics(client, seeds):
    page = client.get("/E/RES/2010/12/").content.decode()
    notes = {order: re.search(r'<li id="fn-' + str(order) + r'">.*?</li>', page, re.S).group(0) for order in (1, 4, 9)}
    assert "<i>Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995</i> (United" in notes[1]
    assert "<i>Report of the Second World Assembly on Ageing, Madrid, 8–12 April 2002</i> (United" in notes[4]
    assert "<i>Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995</i>" in notes[9]
    assert "<i>" not in re.search(r'<li id="fn-3">.*?</li>', page, re.S).group(0)
