"""The database gone or wrong under a running site: 503s, never an empty cluster made silently."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.db.utils import ProgrammingError

from archive.database import EmbeddedDataMissing, embedded_server_socket_dir, initialised_marker

PROJECT = Path(__file__).resolve().parents[2]


def test_a_missing_data_folder_that_held_a_cluster_is_never_replaced_by_an_empty_one(tmp_path):
    data_dir = tmp_path / "pgdata"
    initialised_marker(data_dir).touch()  # a cluster was made here, then the folder was deleted
    with pytest.raises(EmbeddedDataMissing, match="not creating an empty one"):
        embedded_server_socket_dir(data_dir)
    assert not data_dir.exists()


def test_settings_with_a_missing_data_folder_say_why_and_create_nothing(tmp_path):
    data_dir = tmp_path / "pgdata"
    initialised_marker(data_dir).touch()
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=PROJECT,
        env={**os.environ, "EMBEDDED_PG_DATA": str(data_dir), "DATABASE_URL": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "data folder" in result.stderr and "is missing" in result.stderr
    assert not (data_dir / "PG_VERSION").exists()


@pytest.mark.django_db
def test_pages_and_healthz_answer_503_when_the_data_folder_disappears(client, settings, tmp_path):
    settings.EMBEDDED_PG_DATA = str(tmp_path / "deleted-pgdata")
    page = client.get("/")
    assert page.status_code == 503 and page["Retry-After"]
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["database"] == "data folder missing"
    api = client.get("/api/v1/resolutions/")
    assert api.status_code == 503 and api.json()["errors"]
    assert client.get("/livez").status_code == 200


@pytest.mark.django_db
def test_an_unmigrated_database_is_a_503_not_a_500(client, monkeypatch):
    from resolutions.web.views import search

    def missing_table(params):
        try:
            raise psycopg.errors.UndefinedTable('relation "resolutions_resolution" does not exist')
        except psycopg.errors.UndefinedTable as cause:
            raise ProgrammingError(str(cause)) from cause

    monkeypatch.setattr(search, "perform", missing_table)
    response = client.get("/search/?q=x")
    assert response.status_code == 503 and response["Retry-After"]


CREATE_AT_ONCE = """
import sys
import tempfile
from pathlib import Path
from archive.database import embedded_server_socket_dir
print(embedded_server_socket_dir(Path(sys.argv[1]), "archive"))
"""


def test_two_starts_at_once_in_a_path_with_a_space_share_one_database():
    """`make db` in a project whose path has a space, twice at once: one server, one database, no error.
    (Under var/, not pytest's temporary folder: pytest makes that private to root again while other test
    runs start, and the server runs as its own user when the tests run as root.)"""
    (PROJECT / "var").mkdir(exist_ok=True)
    top = Path(tempfile.mkdtemp(dir=PROJECT / "var", prefix="space test "))
    data_dir = top / "my projects" / "var" / "pgdata"
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", CREATE_AT_ONCE, str(data_dir)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        outcomes = [start.communicate(timeout=180) for start in starts]
        for start, (_out, err) in zip(starts, outcomes, strict=True):
            assert start.returncode == 0, err[-3000:]
        socket_dir = outcomes[0][0].strip()
        with psycopg.connect(host=socket_dir, user="postgres", dbname="archive") as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"from archive.database import stop_embedded_server as s; from pathlib import Path; s(Path({str(data_dir)!r}))",
            ],
            cwd=PROJECT,
            timeout=60,
        )
        shutil.rmtree(top, ignore_errors=True)


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/api/search?q=poverty", "/api/v1/search?q=poverty"])
def test_the_search_api_answers_a_database_outage_in_json(client, monkeypatch, address, settings):
    from django.db.utils import OperationalError

    from resolutions.api import views

    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_CACHE_SECONDS = 0

    def outage(params):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views, "perform", outage)
    response = client.get(address)
    assert response.status_code == 503 and response["Retry-After"]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"]
