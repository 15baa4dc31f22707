"""`manage.py ingest --dry-run`: what an import would change, paragraph by paragraph, with nothing written."""

import io

import pytest
from django.core.management import call_command

from resolutions.ingest import fixture_json
from resolutions.models import ParagraphVersion, Resolution, ResolutionSource
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db


def write_source(path, parsed):
    path.write_text(fixture_json.dumps([parsed]), encoding="utf-8")
    return str(path)


def ingest(*args) -> str:
    out = io.StringIO()
    call_command("ingest", *args, "--quiet-warnings", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    ingest(write_source(tmp_path / "first.json", make_resolution()))
    changed = make_resolution()
    changed.paragraphs[1].text = "Takes note with appreciation of the report;"
    changed.paragraphs[3].key, changed.paragraphs[3].number = "op2b", "(b)"
    output = ingest(write_source(tmp_path / "second.json", changed), "--dry-run")
    assert (
        "A/RES/70/126: would be updated (4 paragraphs; 1 paragraph address moved (the old ones redirect); "
        "1 paragraph text changed or removed (kept as earlier versions))"
    ) in output
    assert "  ~ op1: 'Takes note of the report;' -> 'Takes note with appreciation of the report;'" in output
    assert "  > op2a -> op2b (same text)" in output
    assert output.splitlines()[-1].startswith("dry run, nothing written: 1 files")
    assert Resolution.objects.get().paragraphs.filter(key="op2a").exists()
    assert not ParagraphVersion.objects.exists() and ResolutionSource.objects.count() == 1


def test_a_dry_run_of_a_new_resolution_says_it_would_be_created(tmp_path):
    output = ingest(write_source(tmp_path / "new.json", make_resolution()), "--dry-run")
    assert "A/RES/70/126: would be created (4 paragraphs)" in output and not Resolution.objects.exists()
