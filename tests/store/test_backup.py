"""`manage.py backup`: complete dumps only, renamed into place; an empty archive refused."""

import io
import stat

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import make_resolution


@pytest.mark.django_db
def test_an_empty_archive_is_refused_and_nothing_written(tmp_path):
    target = tmp_path / "archive.dump"
    with pytest.raises(CommandError, match="holds no resolutions"):
        call_command("backup", str(target), stdout=io.StringIO())
    assert not target.exists()


@pytest.mark.django_db
def test_a_failed_dump_leaves_the_previous_backup_as_it_was(tmp_path, monkeypatch):
    from resolutions.management.commands import backup
    from resolutions.store.load import load_resolution

    load_resolution(make_resolution("A/RES/68/131"))
    target = tmp_path / "archive.dump"
    target.write_bytes(b"the previous, good backup")
    failing = tmp_path / "pg_dump_on_a_full_disk"
    failing.write_text(
        '#!/bin/sh\nfor a in "$@"; do case "$a" in --file=*) printf half > "${a#--file=}";; esac; done\n'
        'echo "could not write: No space left on device" >&2; exit 1\n'
    )
    failing.chmod(failing.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(backup, "postgres_tool", lambda name: str(failing))
    with pytest.raises(CommandError, match="No space left on device"):
        call_command("backup", str(target), stdout=io.StringIO())
    assert target.read_bytes() == b"the previous, good backup"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


@pytest.mark.django_db
def test_a_backup_replaces_the_previous_one_once_complete(tmp_path):
    from resolutions.store.load import load_resolution

    load_resolution(make_resolution("A/RES/68/131"))
    target = tmp_path / "archive.dump"
    target.write_bytes(b"old")
    call_command("backup", str(target), stdout=io.StringIO())
    assert target.read_bytes().startswith(b"PGDMP")
