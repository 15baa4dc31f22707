"""Search exports (every hit as CSV or JSON Lines, streamed) and citation files, through the web."""

import csv
import io
import json

import bibtexparser
import pytest
import rispy
import tantivy
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.reference import permalinks
from resolutions.search import compile, index, query
from resolutions.web.selectors.search_hits import hit_rows

pytestmark = pytest.mark.django_db


def body_text(response) -> str:
    return b"".join(response.streaming_content).decode()


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body_text(response), newline="")))


def test_csv_holds_every_hit_with_its_permalink(client, search_archive):
    response = client.get("/search/export.csv", {"q": "integration OR calls"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="search-integration-or-calls.csv"'
    rows = csv_rows(response)
    assert response["X-Total-Matches"] == str(len(rows)) == "4"
    assert [row["rank"] for row in rows] == ["1", "2", "3", "4"]
    by_address = {(row["symbol"], row["paragraph"]): row for row in rows}
    assert set(by_address) == {
        ("A/RES/70/126", "op2"),
        ("E/RES/2010/12", "op1"),
        ("E/RES/2010/12", "op3"),
        ("A/RES/72/140", "op3"),
    }
    row = by_address[("A/RES/70/126", "op2")]
    assert row == {
        "rank": row["rank"],
        "type": "paragraph",
        "symbol": "A/RES/70/126",
        "body": "GA",
        "session": "70",
        "adopted_on": "2015-12-17",
        "paragraph": "op2",
        "number": "2",
        "kind": "operative",
        "footnote": "",
        "text": "Calls upon Member States to consider inclusive policies that take into account "
        "the situation of the older person;",
        "url": "http://testserver/A/RES/70/126/op2/",
        "title": "Promoting social integration through social inclusion",
        "language": "en",
    }


def test_jsonl_with_filters_sort_and_footnotes(client, search_archive):
    response = client.get("/search/export.jsonl", {"q": "pensioners OR integration", "body": "GA", "sort": "date"})
    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    rows = [json.loads(line) for line in body_text(response).splitlines()]
    assert [(row["symbol"], row["type"], row["paragraph"], row["footnote"]) for row in rows] == [
        ("A/RES/72/140", "paragraph", "op3", ""),  # newest first
        ("A/RES/70/126", "footnote", "op3", "1"),
    ]
    assert rows[1]["text"] == "A/70/179, on the rights of pensioners in rural areas."
    assert rows[1]["url"] == "http://testserver/A/RES/70/126/op3/"


def test_the_ceiling_is_said_in_the_file(client, search_archive, settings):
    settings.EXPORT_MAX_ROWS = 2
    response = client.get("/search/export.csv", {"q": "integration OR calls"})
    rows = csv_rows(response)
    assert response["X-Export-Rows"] == "2"
    assert [row["type"] for row in rows] == ["paragraph", "paragraph", "notice"]
    assert rows[-1]["text"].startswith("This export stops at 2 rows of 4 matches (the archive's EXPORT_MAX_ROWS)")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Type some words"),
        ({"q": "poverty", "year_from": "abc"}, "Enter a whole number"),
        ({"q": "poverty", "sort": "sideways"}, "sideways"),
    ],
)
def test_bad_parameters_get_the_search_message_and_400(client, search_archive, params, message):
    response = client.get("/search/export.csv", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_citation_is_exported_as_its_hits_not_redirected(client, search_archive):
    response = client.get("/search/export.jsonl", {"q": "70/126"})
    assert response.status_code == 200
    assert {json.loads(line)["symbol"] for line in body_text(response).splitlines()} == {"A/RES/72/140"}


def test_the_response_streams_before_the_last_row_is_read(client, search_archive, monkeypatch):
    from resolutions.exports import tabular
    from resolutions.web.views import exports

    monkeypatch.setattr(tabular, "CHUNK_CHARACTERS", 1)
    read = []

    def counted(*args, **kwargs):
        for row in hit_rows(*args, **kwargs):
            read.append(row)
            yield row

    monkeypatch.setattr(exports, "hit_rows", counted)
    response = client.get("/search/export.csv", {"q": "integration OR calls"})
    chunks = iter(response.streaming_content)
    assert next(chunks).startswith(b"rank,type,symbol")
    assert read == []  # the header is sent before any row is read
    next(chunks)
    assert len(read) == 1  # a row is sent as soon as it is read, three are still to come
    assert len(list(chunks)) == 3 and len(read) == 4


def test_hits_are_read_in_batches(search_archive):
    searcher = index.searcher()
    plan = compile.plan(query.parse("integration OR calls"))
    rows = hit_rows(searcher, compile.with_filters(plan.matches, {}), sort="relevance", limit=100, batch=1)
    with CaptureQueriesContext(connection) as queries:
        first = next(rows)
    assert len(queries) == 1  # the first batch's paragraphs only
    assert first.type == "paragraph"
    with CaptureQueriesContext(connection) as queries:
        rest = list(rows)
    assert len(rest) == 3 and len(queries) == 3  # one batch, one query, at a time


@pytest.mark.parametrize("sort", ["relevance", "date"])
@pytest.mark.parametrize("batch", [1, 2, 1000])
def test_every_hit_once_in_the_search_order_whatever_the_batch(search_archive, sort, batch):
    """Ranked once, or newest first by keyset: the export's order is the search's, each hit once."""
    searcher = index.searcher()
    matches = compile.with_filters(compile.plan(query.parse("social OR calls OR integration OR report")).matches, {})
    if sort == "date":
        order = searcher.search(matches, 100, order_by_field="newest", order=tantivy.Order.Desc).hits
    else:
        order = searcher.search(matches, 100).hits
    expected = [
        (searcher.doc(a).get_first("hit"), bytes(searcher.doc(a).get_first("shown")).decode())  # the text as stored
        for _, a in order
    ]
    exported = [(row.type, row.text) for row in hit_rows(searcher, matches, sort=sort, limit=100, batch=batch)]
    assert exported == expected and len(expected) > 3
    assert len(list(hit_rows(searcher, matches, sort=sort, limit=3, batch=batch))) == 3


def test_permalinks_are_the_resolution_address_and_the_key():
    assert permalinks.paragraph_url("A/RES/75/101 A", "annex-op1a") == (
        permalinks.resolution_url("A/RES/75/101 A") + "annex-op1a/"
    )


def test_search_page_links_to_the_exports(client, search_archive):
    page = client.get("/search/", {"q": "calls", "body": "GA", "page": "1"}).content.decode()
    assert 'href="/search/export.csv?q=calls&amp;body=GA" download>CSV</a>' in page
    assert 'href="/search/export.jsonl?q=calls&amp;body=GA" download>JSON Lines</a>' in page


# ---------------------------------------------------------------- citation files


def test_bibtex_of_a_resolution(client, search_archive):
    response = client.get("/A/RES/70/126/cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="A-RES-70-126.bib"'
    (entry,) = bibtexparser.parse_string(response.content.decode()).entries
    assert entry.key == "A-RES-70-126"
    assert entry["url"] == "http://testserver/A/RES/70/126/"
    assert entry["title"] == "{Promoting social integration through social inclusion}"


def test_ris_of_a_paragraph_carries_its_text(client, search_archive):
    response = client.get("/E/RES/2010/12/op1/cite.ris")
    (record,) = rispy.loads(response.content.decode())
    assert record["id"] == "E-RES-2010-12-op1"
    assert record["authors"] == ["United Nations Economic and Social Council"]
    assert record["section"] == "para. 1"
    assert record["abstract"] == "Calls upon Governments to strengthen social protection systems;"
    assert record["date"] == "2010/07/21"


def test_csl_json_of_a_paragraph(client, search_archive):
    (item,) = json.loads(client.get("/A/RES/70/126/pp1/cite.json").content)
    assert item["section"] == "first preambular paragraph"
    assert item["URL"] == "http://testserver/A/RES/70/126/pp1/"


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/a/res/70/126/cite.bib", "/A/RES/70/126/cite.bib"),
        ("/A/RES/70/126/para.2/cite.ris", "/A/RES/70/126/op2/cite.ris"),
        ("/70/126/cite.json", "/A/RES/70/126/cite.json"),
    ],
)
def test_other_spellings_redirect(client, search_archive, path, location):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == location


@pytest.mark.parametrize(
    "path", ["/A/RES/99/999/cite.bib", "/A/RES/70/126/op99/cite.bib", "/A/RES/70/126/op9z/cite.ris"]
)
def test_unknown_ones_are_404(client, search_archive, path):
    assert client.get(path).status_code == 404


def test_resolution_page_has_a_cite_box(client, search_archive):
    page = client.get("/A/RES/70/126/").content.decode()
    assert "Cite this resolution" in page
    assert '<span class="cite-text" id="cite-un">General Assembly resolution 70/126 of 17 December 2015</span>' in page
    assert (
        '<span class="cite-text" id="cite-oscola">UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126</span>' in page
    )
    assert '<span class="cite-text" id="cite-bluebook">G.A. Res. 70/126 (Dec. 17, 2015)</span>' in page
    assert 'data-copy="cite-bluebook"' in page
    assert '<a href="/A/RES/70/126/cite.bib" download>BibTeX</a>' in page
    assert "js/basket.js" in page and "js/copy.js" in page


def test_paragraph_page_adds_styles_downloads_and_the_basket(client, search_archive):
    page = client.get("/A/RES/70/126/op2/").content.decode()
    assert '<span class="cite-text" id="cite-un">General Assembly resolution 70/126, para. 2</span>' in page
    assert "UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126, para 2" in page
    assert '<a href="/A/RES/70/126/op2/cite.ris" download>RIS</a>' in page
    assert 'data-basket-address="A/RES/70/126/op2"' in page
