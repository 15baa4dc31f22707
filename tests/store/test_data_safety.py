"""Nothing half-imported, nothing duplicated (issue 6, data safety)."""

import io
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from resolutions.models import Citation, Footnote, Paragraph, Resolution
from resolutions.store.load import load_resolution
from resolutions.store.outcomes import CREATED, UNCHANGED
from tests.conftest import database_url, make_resolution

PROJECT = Path(__file__).resolve().parents[2]


def snapshot():
    """Every stored row that a load writes, as plain values."""
    return (
        list(Resolution.objects.values_list("symbol", "title", "content_hash").order_by("symbol")),
        list(
            Paragraph.objects.values_list("resolution__symbol", "key", "text").order_by("resolution__symbol", "order")
        ),
        list(
            Footnote.objects.values_list("resolution__symbol", "marker", "text").order_by("resolution__symbol", "order")
        ),
        list(Citation.objects.values_list("resolution__symbol", "target_symbol").order_by("id")),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("failing_model", [Paragraph, Citation], ids=["first table", "after paragraphs and footnotes"])
def test_error_injected_midway_through_an_update_leaves_everything_as_before(monkeypatch, failing_model):
    load_resolution(make_resolution("A/RES/68/131"))
    load_resolution(make_resolution("A/RES/70/126"))
    before = snapshot()

    from resolutions.store import load as loading

    def failing_bulk_create(manager, objs, *args, **kwargs):
        raise RuntimeError(f"injected failure writing {failing_model.__name__} rows")

    monkeypatch.setattr(type(failing_model.objects), "bulk_create", failing_bulk_create)
    changed = make_resolution("A/RES/70/126", title="A changed title")
    with pytest.raises(RuntimeError, match="injected failure"):
        loading.load_resolution(changed)
    assert snapshot() == before


KILLED_LOADER = r"""
import os, sys, time
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
django.setup()
from resolutions.store import load as loading
from tests.conftest import database_url, make_resolution

real_children_create = loading.children_create

def write_then_hang(**options):
    real_children_create(**options)
    print("children written", flush=True)
    time.sleep(60)

loading.children_create = write_then_hang
loading.load_resolution(make_resolution("A/RES/99/1"))
"""


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_leaves_nothing_behind():
    env = {**os.environ, "DATABASE_URL": database_url(), "PYTHONPATH": str(PROJECT)}
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_LOADER], cwd=PROJECT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        lines = iter(process.stdout.readline, "")  # log lines (the search index's, say) may come first
        assert any(line.strip() == "children written" for line in lines), "the loader never got midway"
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert not Resolution.objects.filter(symbol="A/RES/99/1").exists()
    assert not Paragraph.objects.filter(resolution__symbol="A/RES/99/1").exists()


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_imports_of_the_same_source_leave_no_duplicate():
    outcomes = []
    errors = []
    barrier = threading.Barrier(2)

    def import_once():
        try:
            barrier.wait(5)
            outcomes.append(load_resolution(make_resolution("A/RES/70/126")).outcome)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    assert sorted(outcomes) == sorted([CREATED, UNCHANGED])
    assert Resolution.objects.filter(symbol="A/RES/70/126").count() == 1
    assert Paragraph.objects.filter(resolution__symbol="A/RES/70/126").count() == 4
    connection.close()


CHECK_PERMALINKS = r"""
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
django.setup()
from django.test import Client
from tests.web.views.test_documents_permalinks import check_every_permalink, listed
check_every_permalink(Client())
print(f"{len(listed())} permalinks answer with their text")
"""


@pytest.mark.django_db(transaction=True)
def test_dump_and_restore_into_a_fresh_database_keeps_every_permalink(tmp_path):
    import psycopg
    from django.core.management import call_command

    call_command("ingest", str(PROJECT / "fixtures" / "resolutions.json"), "--quiet-warnings", stdout=io.StringIO())
    dump = tmp_path / "archive.dump"
    call_command("backup", str(dump), stdout=io.StringIO())
    fresh = connection.settings_dict["NAME"] + "_restored"
    admin_url = database_url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        env = {**os.environ, "DATABASE_URL": database_url(fresh), "PYTHONPATH": str(PROJECT)}
        restore = subprocess.run(
            [sys.executable, "manage.py", "restore", str(dump)],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert restore.returncode == 0, restore.stderr
        again = subprocess.run(
            [sys.executable, "manage.py", "restore", str(dump)],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert again.returncode != 0 and "is not empty" in again.stderr
        check = subprocess.run(
            [sys.executable, "-c", CHECK_PERMALINKS], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
        )
        assert check.returncode == 0, check.stdout + check.stderr[-3000:]
        assert "permalinks answer with their text" in check.stdout
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
