"""An ingest run refuses what it cannot take, file by file, naming it, and goes on with the next files."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DataError

from resolutions.models import Resolution
from resolutions.store.validation import MAX_PARAGRAPH_CHARS

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "resolutions.json"


def write_sources(folder: Path, *, change=None) -> list[Path]:
    """The seed resolutions as one archive-JSON file each (``change(index, resolution)`` edits them)."""
    archive = json.loads(FIXTURES.read_text())
    paths = []
    for index, resolution in enumerate(archive["resolutions"]):
        if change:
            change(index, resolution)
        path = folder / f"{index}-{resolution['symbol'].replace('/', '_')}.json"
        path.write_text(json.dumps({**archive, "resolutions": [resolution]}))
        paths.append(path)
    return paths


def ingest(*paths) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, paths), "--quiet-warnings", stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_paragraph_over_the_limit_is_refused_and_the_other_files_imported(tmp_path):
    def giant(index, resolution):
        if index == 1:
            resolution["paragraphs"][0]["text"] = "poverty " * (MAX_PARAGRAPH_CHARS // 8 + 10)

    paths = write_sources(tmp_path, change=giant)
    _out, err, error = ingest(tmp_path)
    assert error is not None and "1 source(s) failed" in str(error)
    assert paths[1].name in err and "more than the 100,000 a paragraph may have" in err
    assert Resolution.objects.count() == len(paths) - 1


def test_a_resolution_the_database_refuses_is_named_and_the_run_goes_on(tmp_path, monkeypatch):
    from resolutions.store import imports

    paths = write_sources(tmp_path)
    real_load = imports.load_resolution

    def refuse_one(parsed, **kwargs):
        if parsed.symbol == "A/RES/70/126":
            raise DataError("string is too long for tsvector (1048577 bytes, max 1048575 bytes)")
        return real_load(parsed, **kwargs)

    monkeypatch.setattr(imports, "load_resolution", refuse_one)
    _out, err, error = ingest(tmp_path)
    assert error is not None
    assert "A/RES/70/126" in err and "string is too long for tsvector" in err and ".json" in err
    assert Resolution.objects.count() == len(paths) - 1


def test_the_admin_says_why_a_too_long_paragraph_was_refused(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    archive = json.loads(FIXTURES.read_text())
    archive["resolutions"] = archive["resolutions"][:1]
    archive["resolutions"][0]["paragraphs"][0]["text"] = "x " * MAX_PARAGRAPH_CHARS
    upload = SimpleUploadedFile("giant.json", json.dumps(archive).encode(), content_type="application/json")
    response = admin_client.post("/admin/resolutions/resolution/import/", {"source": upload}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "a paragraph may have" in page and "database unavailable" not in page.lower()
    assert not Resolution.objects.exists()


def test_json_ld_repeats_a_long_paragraph_only_in_part(client):
    from resolutions.store.load import load_resolution
    from resolutions.web.presenters.json_ld import JSON_LD_TEXT_CHARS
    from tests.conftest import ParsedParagraph, make_resolution

    long_text = "Calls upon Member States " + "to act on poverty and inclusion " * 2500
    load_resolution(make_resolution(paragraphs=[ParsedParagraph("op1", "operative", "1", 1, long_text, "Calls upon")]))
    page = client.get("/A/RES/70/126/op1/").content.decode()
    assert page.count("to act on poverty and inclusion") < long_text.count("to act on poverty and inclusion") * 1.2
    json_ld = page.split('type="application/ld+json"', 1)[1].split("</script>", 1)[0]
    assert len(json_ld) < JSON_LD_TEXT_CHARS * 3


def test_two_files_giving_one_symbol_different_texts_are_a_refused_conflict(tmp_path):
    archive = json.loads(FIXTURES.read_text())
    first = {**archive, "resolutions": archive["resolutions"][:1]}
    second = json.loads(json.dumps(first))
    second["resolutions"][0]["paragraphs"][0]["text"] = "A different text for the same paragraph."
    (tmp_path / "a.json").write_text(json.dumps(first))
    (tmp_path / "b.json").write_text(json.dumps(second))
    for attempt in range(2):  # a re-run says the same, and changes nothing
        out, err, error = ingest(tmp_path)
        assert error is not None and "1 source(s) failed" in str(error)
        assert "b.json" in err and "also in a.json" in err and "different text" in err
        assert "0 updated" in out and ("1 created" in out if attempt == 0 else "1 unchanged" in out)
    paragraph = Resolution.objects.get().paragraphs.order_by("order").first()
    assert paragraph.text == first["resolutions"][0]["paragraphs"][0]["text"]


def test_the_same_file_twice_in_a_run_is_no_conflict(tmp_path):
    [path, *_] = write_sources(tmp_path)
    _out, err, error = ingest(path, path)
    assert error is None, err


def test_the_same_resolution_in_another_language_is_no_conflict(tmp_path):
    """One text per language: the French file of a resolution whose English file the run loaded is imported."""
    archive = json.loads(FIXTURES.read_text())
    english = {**archive, "resolutions": archive["resolutions"][:1]}
    french = json.loads(json.dumps(english))
    french["resolutions"][0]["language"] = "fr"
    french["resolutions"][0]["source"]["sha256"] = "f" * 64
    french["resolutions"][0]["paragraphs"][0]["text"] = "Un texte en français pour le même paragraphe."
    (tmp_path / "a.json").write_text(json.dumps(english))
    (tmp_path / "b.json").write_text(json.dumps(french))
    _out, err, error = ingest(tmp_path)
    assert error is None, err
    resolution = Resolution.objects.get()
    assert set(resolution.expressions.values_list("language", flat=True)) == {"en", "fr"}
