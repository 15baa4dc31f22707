"""The pages in six languages: English at every existing address, the others under a prefix; a document's
text in the address's language, side by side with another, a paragraph in every language with its citation."""

import re

import pytest

from resolutions.citations.found import ParsedCitation
from resolutions.store.load import load_resolution
from tests.multilingual import load_six_languages, parsed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def computed(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_CACHE_SECONDS = 0


@pytest.fixture
def six(db):
    load_six_languages()


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response, response.content.decode()


def test_english_addresses_are_unchanged_and_other_languages_have_a_prefix(six, client):
    response, html = page(client, "/A/RES/70/126/")
    assert '<html lang="en">' in html and "Eradicating poverty" in html
    assert "Accept-Language" not in response.get("Vary", "")  # the language is the address's, never a header's
    response, html = page(client, "/fr/A/RES/70/126/")
    assert response["Content-Language"] == "fr" and '<html lang="fr">' in html
    assert "que l’élimination de la pauvreté est une condition" in html
    assert re.search(
        r'<h1 lang="fr" dir="ltr"><span class="doc-number">70/126.</span> Élimination de la pauvreté</h1>', html
    )
    assert "<title>A/RES/70/126: Élimination de la pauvreté · Archives des résolutions</title>" in html
    assert '<section class="doc-text" aria-labelledby="text-title" lang="fr" dir="ltr">' in html
    assert "L’Assemblée générale," in html


def test_arabic_is_set_right_to_left(six, client):
    _, html = page(client, "/ar/A/RES/70/126/")
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl"' in html and "أن القضاء على الفقر شرط" in html
    assert "إن الجمعية العامة،" in html


def test_the_page_says_which_languages_exist_with_hreflang_alternates(six, client):
    _, html = page(client, "/A/RES/71/1/")
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="http://testserver([^"]+)">', html)
    assert alternates == [("zh-Hans", "/zh-hans/A/RES/71/1/"), ("en", "/A/RES/71/1/"), ("x-default", "/A/RES/71/1/")]
    languages = html[html.index('class="language-list') :]
    assert '<a href="/zh-hans/A/RES/71/1/" lang="zh-Hans" hreflang="zh-Hans">中文</a>' in languages
    assert '<strong lang="en" aria-current="true">English</strong>' in languages


def test_a_language_not_held_shows_english_with_a_notice_and_the_english_canonical(six, client):
    _, html = page(client, "/ru/A/RES/71/1/")
    assert "В архиве нет этого текста" in html  # the notice, in the interface's language
    assert "that poor countries need support" in html
    assert '<link rel="canonical" href="http://testserver/A/RES/71/1/">' in html


def test_a_paragraph_page_shows_every_language_with_its_own_citation(six, client):
    _, html = page(client, "/fr/A/RES/70/126/op1/")
    section = html[html.index('class="in-languages"') :]
    assert section.count('class="in-language"') == 6
    assert "résolution 70/126 de l’Assemblée générale en date du 17 décembre 2015, par. 1" in section
    assert "resolución 70/126 de la Asamblea General, de 17 de diciembre de 2015, párr. 1" in section
    assert "резолюция 70/126 Генеральной Ассамблеи от 17 декабря 2015 года, пункт 1" in section
    assert "قرار الجمعية العامة 70/126 المؤرخ 17 كانون الأول/ديسمبر 2015، الفقرة 1" in section
    assert "大会2015年12月17日第70/126号决议，第1段" in section
    assert "General Assembly resolution 70/126 of 17 December 2015, para. 1" in section
    assert '<a href="/ar/A/RES/70/126/op1/" hreflang="ar">العربية</a>' in section
    _, html = page(client, "/es/A/RES/70/126/pp1/")
    assert "resolución 70/126 de la Asamblea General, de 17 de diciembre de 2015, párrafo 1 del preámbulo" in html


def test_side_by_side_aligns_two_languages_by_paragraph(six, client):
    _, html = page(client, "/fr/A/RES/70/126/side-by-side/?left=fr&right=ar")
    rows = re.findall(r'<div class="parallel-row" role="row" id="([^"]+)">', html)
    assert rows == ["pp1", "op1", "op2", "op3"]
    op3 = html[html.index('id="op3"') :]
    assert "Décide de rester saisie" in op3 and "Absent du texte dans cette langue." in op3  # no Arabic op3
    assert 'lang="ar" dir="rtl"' in html and 'lang="fr" dir="ltr"' in html
    _, html = page(client, "/A/RES/70/126/side-by-side/")  # the page's language, then English or another
    assert '<option value="en" lang="en" selected>' in html


@pytest.mark.parametrize("query", ["?left=de&right=fr", "?left=fr&right=fr", "?left=ru&right=xx"])
def test_side_by_side_refuses_languages_it_cannot_show(six, client, query):
    _, html = page(client, f"/A/RES/70/126/side-by-side/{query}", status=400)
    assert 'role="alert"' in html


def test_the_interface_speaks_the_readers_language_with_a_switch(six, client):
    _, html = page(client, "/fr/")
    assert "Archives des résolutions" in html and "Parcourir par organe" in html
    switch = html[html.index('class="language-switch"') :]
    assert '<a href="/A/RES/' not in switch and '<a href="/" lang="en" hreflang="en">English</a>' in switch
    assert '<a href="/zh-hans/" lang="zh-Hans" hreflang="zh-Hans">中文</a>' in switch
    assert '<strong lang="fr" aria-current="true">Français</strong>' in switch
    _, html = page(client, "/zh-hans/search/?q=贫穷")
    assert "3 个结果" in html and "<mark>贫穷</mark>" in html
    _, html = page(client, "/es/search/?q=")
    assert "Textos en" in html and "Buscar" in html
    _, html = page(client, "/ar/search/?q=في من", status=400)
    assert "لا يحتوي البحث إلا على كلمات شائعة جدًا" in html


def _citing_resolution() -> None:
    """A/RES/72/5, English only, citing 70/126 (so its title has no French to show)."""
    load_resolution(
        parsed(
            "A/RES/72/5",
            "en",
            "Follow-up on poverty",
            [("pp1", "Recalling its resolution 70/126 of 17 December 2015,", "Recalling")],
            citations=[ParsedCitation("A/RES/70/126", "resolution 70/126", "resolution", 14, 31, paragraph_key="pp1")],
        )
    )


def test_lists_show_each_title_in_the_page_language_where_held_english_marked_otherwise(six, client):
    _, html = page(client, "/fr/resolutions/")
    rows = html[html.index("<tbody") :]
    assert "<td>Élimination de la pauvreté</td>" in rows  # the French title the archive holds
    assert '<td><span lang="en" dir="ltr">Poor countries</span></td>' in rows  # no French text: English, marked
    _, html = page(client, "/zh-hans/bodies/GA/71/")
    assert "<td>贫穷国家</td>" in html[html.index("<tbody") :]
    _, html = page(client, "/ar/resolutions/")
    assert "<td>القضاء على الفقر</td>" in html[html.index("<tbody") :]
    _, html = page(client, "/resolutions/")  # English: as it always was, nothing marked
    rows = html[html.index("<tbody") :]
    assert "<td>Eradicating poverty</td>" in rows and "<td>Poor countries</td>" in rows
    assert 'lang="en"' not in rows


def test_cited_by_shows_the_citing_title_in_the_page_language_or_english_marked(six, client):
    _citing_resolution()
    _, html = page(client, "/fr/A/RES/70/126/")
    cited = html[html.index('id="cited-by"') :]
    assert '<span lang="en" dir="ltr">Follow-up on poverty</span>' in cited
    _, html = page(client, "/A/RES/70/126/")
    cited = html[html.index('id="cited-by"') :]
    assert "A/RES/72/5</a> Follow-up on poverty" in cited


def test_a_search_export_is_in_the_language_searched_with_its_language_column(six, client):
    import csv
    import io
    import json

    response = client.get("/search/export.csv", {"q": "pauvreté", "language": "fr"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows and {row["language"] for row in rows} == {"fr"}
    first = next(row for row in rows if row["paragraph"] == "op1")
    assert first["text"] == "Réaffirme que l’élimination de la pauvreté est une condition indispensable;"
    assert first["title"] == "Élimination de la pauvreté"  # the French title, not the record's English
    assert first["url"] == "http://testserver/fr/A/RES/70/126/op1/"
    response = client.get("/search/export.jsonl", {"q": "贫穷", "language": "zh"})
    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert lines and all(line["language"] == "zh" for line in lines)
    assert {line["url"].split("/")[3] for line in lines} == {"zh-hans"}


def test_a_citation_file_under_a_prefix_cites_the_paragraph_in_that_language(six, client):
    import json

    response = client.get("/fr/A/RES/70/126/op1/cite.ris")
    assert response.status_code == 200
    ris = response.content.decode()
    assert "TI  - Élimination de la pauvreté" in ris
    assert "AB  - Réaffirme que l’élimination de la pauvreté est une condition indispensable;" in ris
    assert "N1  - résolution 70/126 de l’Assemblée générale en date du 17 décembre 2015, par. 1" in ris
    assert "LA  - fr" in ris and "UR  - http://testserver/fr/A/RES/70/126/op1/" in ris
    (item,) = json.loads(client.get("/ar/A/RES/70/126/op1/cite.json").content)
    assert item["language"] == "ar" and item["title"] == "القضاء على الفقر"
    assert item["note"].startswith("قرار الجمعية العامة 70/126")
    bib = client.get("/es/A/RES/70/126/cite.bib").content.decode()
    assert "language = {spanish}" in bib and "Erradicación de la pobreza" in bib
    # A language the archive does not hold the resolution in: the English text, said to be English
    ris = client.get("/ru/A/RES/71/1/op1/cite.ris").content.decode()
    assert "LA  - en" in ris and "AB  - Recognizes that poor countries need support;" in ris
    # The permalink asked for a citation format gives the same file as its cite. link
    negotiated = client.get("/fr/A/RES/70/126/op1/", HTTP_ACCEPT="application/x-research-info-systems")
    assert negotiated.status_code == 200
    assert negotiated.content == client.get("/fr/A/RES/70/126/op1/cite.ris").content
