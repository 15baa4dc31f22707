"""The citation basket's page and its exports (.docx read back by python-docx, Markdown)."""

import io

import docx
import pytest

pytestmark = pytest.mark.django_db


def test_page_lists_the_paragraphs_named_in_order(client, search_archive):
    response = client.get("/basket/", {"p": ["E/RES/2010/12/op1", "/A/RES/70/126/pp1/"]})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("E/RES/2010/12, para. 1") < page.index("A/RES/70/126, first preambular paragraph")
    assert "Calls upon Governments to strengthen social protection systems;" in page
    assert 'href="/basket/export.docx?p=E%2FRES%2F2010%2F12%2Fop1&amp;p=A%2FRES%2F70%2F126%2Fpp1"' in page


def test_page_names_unknown_and_malformed_addresses(client, search_archive):
    response = client.get("/basket/", {"p": ["A/RES/70/126/op99", "A/RES/70/126", "E/RES/2010/12/op1"]})
    page = response.content.decode()
    assert response.status_code == 400
    assert "“A/RES/70/126” is not the address of a paragraph" in page
    assert "<code>A/RES/70/126/op99</code>" in page
    assert "E/RES/2010/12, para. 1" in page  # the rest is still shown


def test_docx_export(client, search_archive):
    response = client.get(
        "/basket/export.docx", {"p": ["A/RES/70/126/op1", "https://elsewhere.example/E/RES/2010/12/op2/"]}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="citation-basket.docx"'
    texts = [paragraph.text for paragraph in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert texts[2:4] == [
        "A/RES/70/126, para. 1",
        "Urges Member States to promote social protection floors for older persons;",
    ]
    assert texts[4].endswith("http://testserver/A/RES/70/126/op1/")
    assert texts[5:7] == [
        "E/RES/2010/12, para. 2",
        "Encourages the inclusion of persons with disabilities in development;",
    ]


def test_markdown_export_by_post_and_duplicates_once(client, search_archive):
    response = client.post("/basket/export.md", {"p": ["A/RES/70/126/op1", "A/RES/70/126/para.1"]})
    text = response.content.decode()
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert text.count("## A/RES/70/126, para. 1") == 1
    assert "> Urges Member States to promote social protection floors for older persons;" in text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "The basket is empty"),
        ({"p": ["A/RES/70/126/op1", "A/RES/99/9/op1"]}, "The archive holds no paragraph at: A/RES/99/9/op1."),
        ({"p": ["x" * 500]}, "is not the address of a paragraph"),
        ({"p": [f"A/RES/70/126/op{n}" for n in range(300)]}, "at most 200 paragraphs"),
    ],
)
def test_export_refuses_with_400_naming_why(client, search_archive, params, message):
    response = client.get("/basket/export.docx", params)
    assert response.status_code == 400
    assert message in response.content.decode()
