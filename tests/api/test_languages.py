"""The API in six languages: a resolution's and a paragraph's JSON in any language the archive holds
(``?language=fr``), each listing the languages held with their addresses; the OpenAPI description says so."""

import pytest

from tests.multilingual import load_six_languages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def computed(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def six(db):
    load_six_languages()


def test_a_resolution_lists_its_languages_with_their_addresses(six, client):
    data = client.get("/api/v1/resolutions/A/RES/70/126/").json()
    assert data["language"] == "en" and data["title"] == "Eradicating poverty"
    offered = {entry["language"]: entry for entry in data["languages"]}
    assert list(offered) == ["ar", "zh", "en", "fr", "ru", "es"]  # the UN's order
    assert offered["fr"] == {
        "language": "fr",
        "name": "French",
        "native_name": "Français",
        "url": "http://testserver/fr/A/RES/70/126/",
        "api_url": "http://testserver/api/v1/resolutions/A/RES/70/126/?language=fr",
    }
    assert offered["zh"]["url"] == "http://testserver/zh-hans/A/RES/70/126/"
    assert offered["en"]["api_url"] == "http://testserver/api/v1/resolutions/A/RES/70/126/"
    only_two = client.get("/api/v1/resolutions/A/RES/71/1/").json()
    assert [entry["language"] for entry in only_two["languages"]] == ["zh", "en"]


def test_a_resolution_in_another_language(six, client):
    data = client.get("/api/v1/resolutions/A/RES/70/126/", {"language": "fr"}).json()
    assert data["language"] == "fr" and data["title"] == "Élimination de la pauvreté"
    paragraphs = {row["key"]: row for row in data["paragraphs"]}
    assert set(paragraphs) == {"pp1", "op1", "op2", "op3"}
    assert paragraphs["op1"]["text"] == "Réaffirme que l’élimination de la pauvreté est une condition indispensable;"
    assert paragraphs["op1"]["url"] == "http://testserver/fr/A/RES/70/126/op1/"
    arabic = client.get("/api/v1/resolutions/A/RES/70/126/", {"language": "ar"}).json()
    assert arabic["title"] == "القضاء على الفقر" and {row["key"] for row in arabic["paragraphs"]} == {
        "pp1",
        "op1",
        "op2",
    }
    # English is the default and is unchanged by the other languages
    english = client.get("/api/v1/resolutions/A/RES/70/126/").json()
    assert english["paragraphs"][0]["text"].startswith("Recalling")


def test_a_paragraph_in_another_language(six, client):
    data = client.get("/api/v1/resolutions/A/RES/70/126/paragraphs/op1/", {"language": "es"}).json()
    assert data["language"] == "es" and data["key"] == "op1"
    assert data["resolution"]["title"] == "Erradicación de la pobreza"
    assert data["url"] == "http://testserver/es/A/RES/70/126/op1/"
    offered = {entry["language"]: entry["api_url"] for entry in data["languages"]}
    assert offered["ru"] == "http://testserver/api/v1/resolutions/A/RES/70/126/paragraphs/op1/?language=ru"
    english = client.get("/api/v1/resolutions/A/RES/70/126/paragraphs/op1/").json()
    assert english["language"] == "en" and english["text"].startswith("Reaffirms")


@pytest.mark.parametrize(
    ("path", "query", "status", "message"),
    [
        ("/api/v1/resolutions/A/RES/70/126/", {"language": "de"}, 400, "language: one of ar, zh, en, fr, ru, es"),
        ("/api/v1/resolutions/A/RES/70/126/", {"language": ""}, 400, "language"),
        ("/api/v1/resolutions/A/RES/71/1/", {"language": "fr"}, 404, "does not hold A/RES/71/1 in French"),
        ("/api/v1/resolutions/A/RES/70/126/paragraphs/op3/", {"language": "ar"}, 404, "op3, in Arabic"),
    ],
)
def test_a_language_not_official_or_not_held_is_refused_in_json(six, client, path, query, status, message):
    response = client.get(path, query)
    assert response.status_code == status
    assert message in " ".join(response.json()["errors"])


def test_a_permalink_json_under_a_prefix_is_in_that_language(six, client):
    data = client.get("/fr/A/RES/70/126/op2/", HTTP_ACCEPT="application/json").json()
    assert data["language"] == "fr" and data["text"].startswith("Demande aux États Membres")
    data = client.get("/ru/A/RES/71/1/", HTTP_ACCEPT="application/json").json()  # not held in Russian: English
    assert data["language"] == "en"


def test_the_openapi_description_offers_the_languages(client, db):
    schema = client.get("/api/v1/schema").json()
    for path in ("/api/v1/resolutions/{symbol}/", "/api/v1/resolutions/{symbol}/paragraphs/{key}/"):
        operation = schema["paths"][path]["get"]
        (language,) = [p for p in operation["parameters"] if p["name"] == "language"]
        assert sorted(language["schema"]["enum"]) == ["ar", "en", "es", "fr", "ru", "zh"]
    offer = schema["components"]["schemas"]["LanguageOffer"]
    assert {"language", "name", "native_name", "url", "api_url"} <= set(offer["properties"])
    assert "languages" in schema["components"]["schemas"]["Resolution"]["properties"]
    assert "languages" in schema["components"]["schemas"]["Paragraph"]["properties"]
