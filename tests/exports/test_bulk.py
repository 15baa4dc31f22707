"""The bulk files: every table as JSON Lines and CSV, parsed back, with the README and the manifest."""

import csv
import hashlib
import io
import json

import pytest
from django.core.management import call_command

from resolutions.exports.bulk import TABLES
from resolutions.models import MemberState, Resolution, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def written(search_archive, tmp_path):
    chile = MemberState.objects.create(code="CHL", name="Chile")
    Vote.objects.create(resolution=Resolution.objects.get(symbol="A/RES/70/126"), member_state=chile, vote="Y")
    out = io.StringIO()
    call_command("export_bulk", str(tmp_path), "--site", "https://archive.example.org/", stdout=out)
    return tmp_path, out.getvalue()


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_every_table_in_both_formats_says_the_same(written):
    folder, report = written
    for table in TABLES:
        as_json, as_csv = read_jsonl(folder / f"{table.name}.jsonl"), read_csv(folder / f"{table.name}.csv")
        assert len(as_json) == len(as_csv)
        assert as_csv and list(as_csv[0]) == table.names
    assert "Wrote 12 data files" in report


def test_known_rows(written):
    folder, _ = written
    resolutions = {row["symbol"]: row for row in read_jsonl(folder / "resolutions.jsonl")}
    assert set(resolutions) == {"A/RES/70/126", "E/RES/2010/12", "A/RES/72/140"}
    assert resolutions["E/RES/2010/12"]["adopted_on"] == "2010-07-21"
    assert resolutions["E/RES/2010/12"]["url"] == "https://archive.example.org/E/RES/2010/12/"
    paragraphs = read_csv(folder / "paragraphs.csv")
    assert len(paragraphs) == 11
    first = next(row for row in paragraphs if (row["symbol"], row["key"]) == ("A/RES/70/126", "op1"))
    assert first["text"] == "Urges Member States to promote social protection floors for older persons;"
    assert first["url"] == "https://archive.example.org/A/RES/70/126/op1/"
    assert read_jsonl(folder / "footnotes.jsonl") == [
        {
            "symbol": "A/RES/70/126",
            "language": "en",
            "marker": "1",
            "order": 1,
            "paragraph": "op3",
            "text": "A/70/179, on the rights of pensioners in rural areas.",
        }
    ]
    (citation,) = read_jsonl(folder / "citations.jsonl")
    assert (citation["symbol"], citation["paragraph"], citation["target_symbol"], citation["target_held"]) == (
        "A/RES/72/140",
        "op2",
        "A/RES/70/126",
        True,
    )
    assert read_csv(folder / "votes.csv") == [
        {"symbol": "A/RES/70/126", "member_state": "Chile", "member_state_code": "CHL", "vote": "Y"}
    ]


def test_readme_and_manifest(written):
    folder, _ = written
    readme = (folder / "README.md").read_text()
    assert "## paragraphs (11 rows)" in readme
    assert "| `target_held` | true when the archive holds the cited resolution |" in readme
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = manifest["files"]["votes.csv"]
    assert entry["rows"] == 1
    assert entry["sha256"] == hashlib.sha256((folder / "votes.csv").read_bytes()).hexdigest()
    assert not list(folder.glob(".*partial"))


def test_every_language_is_written_with_its_language_and_address(tmp_path):
    from resolutions.exports.bulk import write_bulk
    from tests.multilingual import load_six_languages

    load_six_languages()
    write_bulk(tmp_path, site="https://archive.example.org")
    paragraphs = read_csv(tmp_path / "paragraphs.csv")
    by_address = {(row["symbol"], row["key"], row["language"]): row for row in paragraphs}
    assert {language for symbol, key, language in by_address if key == "op1" and symbol == "A/RES/70/126"} == {
        "ar",
        "zh",
        "en",
        "fr",
        "ru",
        "es",
    }
    french = by_address[("A/RES/70/126", "op1", "fr")]
    assert french["text"] == "Réaffirme que l’élimination de la pauvreté est une condition indispensable;"
    assert french["url"] == "https://archive.example.org/fr/A/RES/70/126/op1/"
    assert by_address[("A/RES/71/1", "op1", "zh")]["url"] == "https://archive.example.org/zh-hans/A/RES/71/1/op1/"
    texts = {(row["symbol"], row["language"]): row for row in read_jsonl(tmp_path / "texts.jsonl")}
    assert texts[("A/RES/70/126", "ar")]["title"] == "القضاء على الفقر"
    assert texts[("A/RES/70/126", "en")]["url"] == "https://archive.example.org/A/RES/70/126/"
