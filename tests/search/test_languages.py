"""Search in the six languages, with known answers on a small resolution written for the tests
(``tests.multilingual``): each language with its own stemming, Chinese by words, the language filter and
facet, the aligned paragraphs of another language, and the index checked against PostgreSQL per language."""

import pytest

from resolutions.search import analysis, compile, query, verify
from tests.multilingual import load_six_languages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def computed(settings):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_INDEX_WAIT_MS = 0


@pytest.fixture
def six(db):
    load_six_languages()


def hits(client, q, **params):
    answer = client.get("/api/search", {"q": q, **params}).json()
    return sorted((hit["symbol"], hit["paragraph"], hit["language"]) for hit in answer.get("results", []))


# --- analysers, no index ---


def test_each_language_stems_its_own_inflections():
    assert analysis.stems("pauvreté", "fr") == analysis.stems("pauvrete", "fr")  # accents folded after stemming
    assert analysis.stems("éliminer", "fr") == analysis.stems("éliminant", "fr")
    assert analysis.stems("бедности", "ru") == analysis.stems("бедность", "ru")
    assert analysis.stems("بالفقر", "ar") == analysis.stems("الفقر", "ar") == ["فقر"]
    assert analysis.stems("pobres", "es") == analysis.stems("pobre", "es")
    assert analysis.stems("la de los", "es") == []  # stop words
    assert analysis.stems("إلى في على", "ar") == []


def test_chinese_is_indexed_as_bigrams_and_typed_words_are_cut_by_jieba():
    assert analysis.cjk_term_list("消除贫穷，UNESCO 70/126") == ["消除", "除贫", "贫穷", "unesco", "70", "126"]
    assert analysis.cjk_term_list("贫") == ["贫"]
    assert analysis.chinese_words("消除贫穷") == ["消除", "贫穷"]


def test_a_query_compiles_once_per_language_searched():
    plan = compile.plan(query.parse("poverty"), analysis.ALL_LANGUAGES)
    assert plan.languages == analysis.ALL_LANGUAGES
    assert set(plan.highlights) == set(analysis.ALL_LANGUAGES)
    with pytest.raises(query.QueryError):
        compile.plan(query.parse("de la"), ("fr",))  # only French stop words


# --- searches ---


def test_french_finds_its_inflections_and_words_typed_without_accents(six, client):
    expected = [("A/RES/70/126", "op1", "fr"), ("A/RES/70/126", "pp1", "fr")]
    assert hits(client, "pauvreté", language="fr") == expected
    assert hits(client, "pauvrete", language="fr") == expected
    assert hits(client, "éliminer", language="fr") == expected  # élimination
    assert hits(client, '"protection sociale"', language="fr") == [("A/RES/70/126", "op2", "fr")]


def test_spanish_russian_and_arabic_each_with_their_stemmer(six, client):
    assert hits(client, "pobre", language="es") == [("A/RES/70/126", "op2", "es")]  # pobres
    assert hits(client, "pobreza", language="es") == [("A/RES/70/126", "op1", "es"), ("A/RES/70/126", "pp1", "es")]
    assert hits(client, "нищета", language="ru") == [("A/RES/70/126", "op1", "ru"), ("A/RES/70/126", "pp1", "ru")]
    assert hits(client, "защита", language="ru") == [("A/RES/70/126", "op2", "ru")]  # защиту
    # الفقر, بالفقر and فقرا: one stem
    assert hits(client, "الفقر", language="ar") == [("A/RES/70/126", f"{key}", "ar") for key in ("op1", "op2", "pp1")]
    assert hits(client, "الحماية", language="ar") == [("A/RES/70/126", "op2", "ar")]


def test_chinese_finds_every_paragraph_containing_the_word(six, client):
    # 贫穷 alone, inside 消除贫穷 and inside 贫穷国家; never 贫困 (another word sharing a character)
    expected = [("A/RES/70/126", "op1", "zh"), ("A/RES/70/126", "pp1", "zh"), ("A/RES/71/1", "op1", "zh")]
    assert hits(client, "贫穷", language="zh") == expected
    # typed without spaces, cut into 消除 + 贫穷: both words anywhere in the paragraph
    assert hits(client, "消除贫穷", language="zh") == [("A/RES/70/126", "op1", "zh"), ("A/RES/70/126", "pp1", "zh")]
    assert hits(client, '"贫穷国家"', language="zh") == [("A/RES/71/1", "op1", "zh")]
    assert hits(client, "贫困", language="zh") == [("A/RES/70/126", "op2", "zh"), ("A/RES/71/1", "op2", "zh")]


def test_chinese_hits_mark_the_word_in_the_text(six, client):
    answer = client.get("/api/search", {"q": "贫穷", "language": "zh"}).json()
    assert all("<mark>贫穷</mark>" in hit["highlight"] for hit in answer["results"])


def test_the_default_language_is_the_pages_and_any_searches_all(six, client):
    assert hits(client, "pauvreté") == []  # the API's and an unprefixed page's language: English
    assert [language for *_, language in hits(client, "pauvreté", language="any")] == ["fr", "fr"]
    page = client.get("/fr/search/", {"q": "pauvreté"})
    assert page.status_code == 200 and 'lang="fr"' in page.content.decode()
    assert "Élimination de la pauvreté" in page.content.decode()


def test_the_language_facet_counts_the_query_in_every_language(six, client):
    answer = client.get("/api/search", {"q": "UNESCO OR poverty OR pauvreté OR 贫穷"}).json()
    facet = {item["value"]: item["count"] for item in answer["facets"]["language"]}
    assert facet == {"en": 3, "fr": 2, "zh": 3}
    assert answer["total"] == 3  # the search itself in English only


def test_the_hits_can_show_their_paragraphs_in_another_language(six, client):
    page = client.get("/search/", {"q": "poverty", "show": "fr"}).content.decode()
    assert "Réaffirme que l’élimination de la pauvreté" in page
    assert 'href="/fr/A/RES/70/126/op1/"' in page
    assert page.count('class="hit-aligned"') == 2  # 71/1 is held in English and Chinese only


@pytest.mark.parametrize("view", ["paragraphs", "resolutions"])
def test_the_apis_hits_carry_their_paragraphs_in_the_language_shown(six, client, view):
    answer = client.get("/api/v1/search", {"q": "poverty", "show": "fr", "view": view})
    assert answer.status_code == 200
    body = answer.json()
    hits = body["results"] if view == "paragraphs" else [hit for group in body["groups"] for hit in group["hits"]]
    aligned = {(hit["symbol"], hit["paragraph"]): hit.get("aligned") for hit in hits}
    assert aligned[("A/RES/70/126", "op1")]["text"].startswith("Réaffirme que l’élimination de la pauvreté")
    assert aligned[("A/RES/70/126", "op1")]["language"] == "fr"
    assert aligned[("A/RES/70/126", "op1")]["url"].endswith("/fr/A/RES/70/126/op1/")
    assert [key for key, shown in aligned.items() if shown is None] == [("A/RES/71/1", "op2")]  # no French held
    assert all("aligned" not in hit for hit in client.get("/api/v1/search", {"q": "poverty"}).json()["results"])


def test_a_hits_link_carries_its_language(six, client):
    answer = client.get("/api/search", {"q": "贫穷", "language": "zh"}).json()
    assert {hit["url"].split("/", 3)[3].split("/")[0] for hit in answer["results"]} == {"zh-hans"}


@pytest.mark.parametrize(
    ("q", "language"),
    [
        ("pauvreté", "fr"),
        ("protection sociale", "fr"),
        ("pobreza OR pobres", "es"),
        ("нищеты", "ru"),
        ("الفقر", "ar"),
        ("贫穷", "zh"),
        ("消除贫穷", "zh"),
        ('"贫穷国家"', "zh"),
        ("poverty", "any"),
        ("title:pauvreté", "fr"),
    ],
)
def test_the_index_agrees_with_postgresql_in_every_language(six, q, language):
    comparison = verify.compare(q, {"language": language})
    assert comparison.equal, comparison.describe()
    assert comparison.index_total > 0
