"""Bad sources: a clear error naming the file (and line), a non-zero exit, nothing written."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import Resolution
from tests.conftest import PROJECT, SOURCES

DUPLICATE = """Resolution 99/9

A test of duplicate numbers

The Economic and Social Commission for Asia and the Pacific,

Recalling its resolution 67/8,

1. Decides to act;

2. Requests a report;

2. Requests another report.
"""

NO_NUMBER = """The General Assembly,

Recalling its resolution 70/126,

1. Decides to act.
"""

BAD_INPUTS = {
    "empty.txt": (b"", r"empty\.txt: file is empty"),
    "blank.txt": (b"  \n\n\t\n", r"blank\.txt: file is empty"),
    "binary.txt": (bytes(range(256)) * 4, r"binary\.txt: binary file"),
    "letter.txt": (b"Dear colleagues,\nplease find the minutes attached.\n", r"letter\.txt: unknown format"),
    "no_number.txt": (NO_NUMBER.encode(), r"no_number\.txt: not a resolution: no resolution number"),
    "duplicate.txt": (
        DUPLICATE.encode(),
        r"duplicate\.txt, line 13: duplicate paragraph number 2 \(first at line 11\)",
    ),
    "broken.pdf": (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a PDF body",
        r"broken\.pdf: not a readable PDF",
    ),
    "ods_no_body.txt": (
        b"[DU1]\nMinutes of a meeting\n<<ODS DOC SYMBOL1>>A/RES/99/1<<ODS DOC SYMBOL1>>\n",
        r"ods_no_body\.txt: not a resolution",
    ),
}


@pytest.fixture(params=sorted(BAD_INPUTS))
def bad_source(request, tmp_path):
    name = request.param
    data, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    return path, message


def test_parse_command_names_file_and_line(bad_source):
    path, message = bad_source
    with pytest.raises(CommandError, match=message):
        call_command("parse", str(path), "--json")


@pytest.mark.django_db
def test_ingest_command_fails_and_writes_nothing(bad_source, capsys):
    path, _message = bad_source
    with pytest.raises(CommandError, match="1 source\\(s\\) failed"):
        call_command("ingest", str(path))
    assert "failed: " in capsys.readouterr().err
    assert not Resolution.objects.exists()


@pytest.mark.django_db
def test_a_bad_file_beside_good_ones_fails_alone(tmp_path, capsys):
    (tmp_path / "good.txt").write_bytes((SOURCES / "003_edfc44f804bbbfef.txt").read_bytes())
    (tmp_path / "duplicate.txt").write_text(DUPLICATE, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path))
    out, err = capsys.readouterr()
    assert "1 created" in out and "1 failed" in out
    assert "duplicate.txt, line 13" in err
    assert list(Resolution.objects.values_list("symbol", flat=True)) == ["E/ESCAP/RES/67/8"]


def test_parse_exits_non_zero_with_the_message(tmp_path):
    path = tmp_path / "duplicate.txt"
    path.write_text(DUPLICATE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "manage.py", "parse", str(path), "--json"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "duplicate.txt, line 13: duplicate paragraph number 2" in result.stderr
    assert result.stdout == ""


@pytest.mark.django_db
def test_a_pdf_extraction_in_no_official_language_is_skipped_not_imported(tmp_path, capsys):
    path = tmp_path / "A-RES-99-1-DE.txt"
    path.write_text(
        "---\nsymbol: A/RES/99/1\nlanguage: DE\nsource_pdf: https://example.org/x.pdf\n---\n\nVereinte Nationen\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="language DE: none of the six official languages"):
        call_command("parse", str(path))
    call_command("ingest", str(path))
    assert "1 skipped, 0 failed" in capsys.readouterr().out
    assert not Resolution.objects.exists()
