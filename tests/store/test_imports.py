"""The one import service (``resolutions.store.imports``): what a source's import did, for the command and the admin."""

import pytest

from resolutions.ingest import fixture_json
from resolutions.models import Resolution, ResolutionSource
from resolutions.store.imports import ImportTally, path_import, source_import
from resolutions.store.outcomes import CREATED, UNCHANGED
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db


def source_bytes(*resolutions) -> bytes:
    return fixture_json.dumps(list(resolutions)).encode()


def test_a_source_is_parsed_and_each_of_its_resolutions_loaded():
    imported = source_import(data=source_bytes(make_resolution()), name="one.json", origin="admin upload by ana")
    assert [(r.symbol, r.outcome) for r in imported.results] == [("A/RES/70/126", CREATED)]
    assert not imported.problems and ResolutionSource.objects.get().origin == "admin upload by ana"
    again = source_import(data=source_bytes(make_resolution()), name="one.json", origin="admin upload by ana")
    assert [r.outcome for r in again.results] == [UNCHANGED]


def test_a_resolution_that_cannot_load_is_named_and_the_others_still_load():
    broken = make_resolution("A/RES/70/127")
    broken.paragraphs[2].key = "op1"
    imported = source_import(data=source_bytes(broken, make_resolution("A/RES/70/128")), name="two.json", origin="test")
    assert [r.symbol for r in imported.results] == ["A/RES/70/128"]
    assert len(imported.failures) == 1 and "appears twice" in imported.failures[0]
    assert list(Resolution.objects.values_list("symbol", flat=True)) == ["A/RES/70/128"]


def test_a_source_that_does_not_parse_is_a_failure_and_a_dry_run_writes_nothing():
    unreadable = source_import(data=b"   \n", name="empty.txt", origin="test")
    assert unreadable.results == [] and len(unreadable.problems) == 1
    planned = source_import(data=source_bytes(make_resolution()), name="one.json", origin="test", dry_run=True)
    assert [r.outcome for r in planned.results] == [CREATED] and not Resolution.objects.exists()


def test_a_file_is_its_own_origin(tmp_path):
    path = tmp_path / "one.json"
    path.write_bytes(source_bytes(make_resolution()))
    assert path_import(path=path).results[0].outcome == CREATED
    assert ResolutionSource.objects.get().origin == str(path.resolve())


def test_the_tally_sums_every_import_into_the_summary_line(tmp_path):
    tally = ImportTally(files=2)
    tally.add(source_import(data=source_bytes(make_resolution()), name="one.json", origin="test"))
    tally.add(source_import(data=b"   \n", name="empty.txt", origin="test"))
    assert tally.summary(1.25) == (
        "2 files in 1.2s: 1 created, 0 updated, 0 unchanged, 0 sources added (text from a source of higher "
        "precedence), 0 skipped, 1 failed; 4 paragraphs, 0 warnings"
    )
