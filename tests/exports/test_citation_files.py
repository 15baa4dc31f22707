"""BibTeX, RIS and CSL-JSON parsed back by real parsers (bibtexparser, rispy, json), with known answers."""

import json

import bibtexparser
import pytest
import rispy

from resolutions.exports import bibtex, citation_formats, csl_json, ris
from tests.exports.conftest import make_cited


def parse_bibtex(text: str):
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return library.entries


def test_bibtex_of_a_resolution(resolution_cited):
    (entry,) = parse_bibtex(bibtex.render([resolution_cited]))
    assert entry.entry_type == "misc"
    assert entry.key == "A-RES-70-126"
    assert entry["author"] == "{United Nations General Assembly}"  # one institution, never a person's name
    assert entry["title"] == "{Promoting social integration through social inclusion}"
    assert entry["number"] == "A/RES/70/126"
    assert (entry["year"], entry["month"], entry["date"]) == ("2015", "12", "2015-12-17")
    assert entry["url"] == "https://archive.example.org/A/RES/70/126/"
    assert "note" not in entry.fields_dict


def test_bibtex_of_a_paragraph_escapes_latex(paragraph_cited):
    (entry,) = parse_bibtex(bibtex.render([paragraph_cited]))
    assert entry.key == "A-RES-70-126-op5"
    assert entry["note"] == "General Assembly resolution 70/126 of 17 December 2015, para. 5"
    assert entry["abstract"] == r"Calls upon Member States to promote social protection floors \& 100\% coverage;"


def test_bibtex_of_several_entries():
    entries = parse_bibtex(bibtex.render([make_cited("op1"), make_cited("pp2"), make_cited(title="A {brace} #1")]))
    assert [entry.key for entry in entries] == ["A-RES-70-126-op1", "A-RES-70-126-pp2", "A-RES-70-126"]
    assert entries[2]["title"] == r"{A \{brace\} \#1}"


def test_ris_of_a_paragraph(paragraph_cited):
    text = ris.render([paragraph_cited, make_cited()])
    assert "\r\n" in text
    first, second = rispy.loads(text)
    assert first["type_of_reference"] == "GOVDOC"
    assert first["id"] == "A-RES-70-126-op5"
    assert first["authors"] == ["United Nations General Assembly"]
    assert first["title"] == "Promoting social integration through social inclusion"
    assert first["note"] == "A/RES/70/126"  # M1: the symbol
    assert first["section"] == "para. 5"
    assert first["year"] == "2015" and first["date"] == "2015/12/17"
    assert first["abstract"] == paragraph_cited.text
    assert first["urls"] == ["https://archive.example.org/A/RES/70/126/op5/"]
    assert first["notes"] == ["General Assembly resolution 70/126 of 17 December 2015, para. 5"]
    assert second["id"] == "A-RES-70-126" and "section" not in second


def test_csl_json(paragraph_cited, resolution_cited):
    first, second = json.loads(csl_json.render([paragraph_cited, resolution_cited]))
    assert first["type"] == "legislation"
    assert first["author"] == [{"literal": "United Nations General Assembly"}]
    assert first["issued"] == {"date-parts": [[2015, 12, 17]]}
    assert first["number"] == "A/RES/70/126"
    assert first["section"] == "para. 5"
    assert first["abstract"] == paragraph_cited.text
    assert second["id"] == "A-RES-70-126" and "section" not in second and "abstract" not in second


def test_formats_by_extension_and_media_type(paragraph_cited):
    rendered = citation_formats.render("ris", [paragraph_cited])
    assert rendered.filename == "A-RES-70-126-op5.ris"
    assert rendered.content_type == "application/x-research-info-systems; charset=utf-8"
    assert citation_formats.render("bib", [paragraph_cited, paragraph_cited]).filename == "citations.bib"
    assert citation_formats.by_media_type("application/x-bibtex") is bibtex
    assert citation_formats.by_media_type("text/html") is None
    with pytest.raises(KeyError):
        citation_formats.render("doc", [paragraph_cited])
