"""The basket as .docx (read back by python-docx) and as Markdown (rendered by markdown-it), known answers."""

import io

import docx
from markdown_it import MarkdownIt

from resolutions.exports import basket_docx, basket_markdown
from tests.exports.conftest import make_cited

ITEMS = [
    make_cited("op5", "Calls upon Member States to promote *social* protection [floors] & <more>;"),
    make_cited("pp3", "# Recalling its resolution 68/131,"),
]


def test_docx_holds_each_paragraph_with_its_text_and_citation():
    document = docx.Document(io.BytesIO(basket_docx.render(ITEMS, site="https://a.example", day_text="7 May 2026")))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Citation basket"
    assert texts[1] == "2 paragraphs from the Resolutions Archive (https://a.example), exported on 7 May 2026."
    assert texts[2:5] == [
        "A/RES/70/126, para. 5",
        ITEMS[0].text,
        "General Assembly resolution 70/126 of 17 December 2015, para. 5. https://archive.example.org/A/RES/70/126/op5/",
    ]
    assert texts[5] == "A/RES/70/126, third preambular paragraph"
    assert document.paragraphs[2].style.name == "Heading 2"
    assert document.core_properties.title == "Citation basket"


def test_markdown_prints_the_texts_as_themselves():
    text = basket_markdown.render(ITEMS, site="https://a.example", day_text="7 May 2026")
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert headings == ["Citation basket", "A/RES/70/126, para. 5", "A/RES/70/126, third preambular paragraph"]
    html = MarkdownIt().render(text)
    assert "Calls upon Member States to promote *social* protection [floors] &amp; &lt;more&gt;;" in html
    assert "<blockquote>\n<p># Recalling its resolution 68/131,</p>\n</blockquote>" in html
    assert '<a href="https://archive.example.org/A/RES/70/126/op5/">' in html
