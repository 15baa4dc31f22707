"""What `manage.py ingest` prints: a progress bar on a terminal, one summary line anywhere else."""

import io
import re
import sys

import pytest
from django.core.management import call_command

from tests.conftest import PROJECT, SOURCES

pytestmark = pytest.mark.django_db

SEED_SOURCES = sorted(path for path in SOURCES.iterdir() if not path.name.endswith(".meta.json"))


class Terminal(io.StringIO):
    """A stderr that says it is a terminal, as an interactive shell's is."""

    def isatty(self):
        return True


def test_not_a_terminal_gets_one_summary_line(capsys):
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *map(str, SEED_SOURCES), "--quiet-warnings", stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{len(SEED_SOURCES)} files in ") and "4 created" in lines[0]
    assert "%" not in capsys.readouterr().err  # no progress bar in a log


def test_a_terminal_gets_a_bar_with_percentage_rate_and_time_left(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = io.StringIO()
    call_command("ingest", *map(str, SEED_SOURCES), "--quiet-warnings", stdout=out)
    shown = terminal.getvalue()
    total = len(SEED_SOURCES)
    assert "100%" in shown and f"{total}/{total}" in shown
    assert "file/s" in shown  # the rate
    assert "<00:00" in shown  # elapsed<time left
    assert len(out.getvalue().splitlines()) == 1


def test_warnings_are_printed_above_the_bar(monkeypatch):
    # The ESCAP seed ends with lines that are no UN text; the importer drops them with a warning each.
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    call_command("ingest", str(SOURCES / "003_edfc44f804bbbfef.txt"), stdout=io.StringIO())
    shown = terminal.getvalue()
    assert "warning: 003_edfc44f804bbbfef.txt: line " in shown
    assert shown.index("warning: 003_edfc44f804bbbfef.txt") < shown.rindex("100%")


def test_skipped_files_are_named_at_higher_verbosity(tmp_path):
    french = PROJECT.parent / "shared" / "corpus" / "unxml-ga" / "75" / "French"
    if not french.exists():
        pytest.skip(f"the shared corpus is absent ({french}): this test skips a real AKN file in a language not taken")
    # A real French file made German: a language that is none of the UN's six is skipped.
    source = tmp_path / "75_151_G.xml"
    data = sorted(french.glob("*.xml"))[0].read_text(encoding="utf-8")
    source.write_text(re.sub(r'(FRBRlanguage[^>]*language=")fra"', r'\1deu"', data), encoding="utf-8")
    err = io.StringIO()
    call_command("ingest", str(source), "--verbosity", "2", stdout=io.StringIO(), stderr=err)
    assert f"skipped: {source}:" in err.getvalue()
    quiet = io.StringIO()
    out = io.StringIO()
    call_command("ingest", str(source), stdout=out, stderr=quiet)
    assert quiet.getvalue() == "" and "1 skipped" in out.getvalue()
