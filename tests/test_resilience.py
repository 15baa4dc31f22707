"""The real stack under load: a graceful restart loses no request; a database outage gives 503s only.

Short runs of benchmarks/loadtest.py (the full 2-minute, 64-client run is a
benchmark: see README). They use an embedded PostgreSQL of their own, so
stopping it disturbs nothing else.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="drives an embedded PostgreSQL of its own; DATABASE_URL is set"
)


@pytest.fixture(scope="module")
def stack_env(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("resilience") / "pgdata"
    env = {**os.environ, "EMBEDDED_PG_DATA": str(data_dir), "DJANGO_LOG_LEVEL": "WARNING"}
    for command in (["migrate", "--noinput", "-v0"], ["ingest", "--quiet-warnings", "fixtures/resolutions.json"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True, capture_output=True)
    yield env
    subprocess.run([sys.executable, "manage.py", "embedded_db", "stop"], cwd=PROJECT, env=env, capture_output=True)


def run_loadtest(env, *args) -> dict:
    result = subprocess.run(
        [sys.executable, "benchmarks/loadtest.py", "--workers", "2", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    written = [line for line in result.stdout.splitlines() if line.startswith("written to ")]
    assert written, result.stdout + result.stderr
    summary = json.loads(Path(written[0].removeprefix("written to ")).read_text())
    assert result.returncode == 0, summary
    return summary


def test_graceful_restart_under_load_loses_no_request(stack_env):
    summary = run_loadtest(stack_env, "--clients", "8", "--duration", "12", "--hup-at", "4")
    assert summary["hup"] is True
    assert summary["unacceptable"] == 0
    assert set(summary["statuses"]) == {"200"}, summary["statuses"]
    assert summary["requests"] > 20


def test_database_outage_gives_503s_and_recovers(stack_env):
    summary = run_loadtest(stack_env, "--clients", "8", "--duration", "20", "--db-fault-at", "5", "--db-down-for", "5")
    assert summary["unacceptable"] == 0
    assert "500" not in summary["statuses"]
    # Answered from the shared cache or the replica, or after waiting for a connection (DATABASE_POOL_TIMEOUT)
    # while the primary came back; else a 503 with Retry-After. Never anything else.
    assert summary["during_db_outage"] and set(summary["during_db_outage"]) <= {"200", "503"}
    assert summary["recovery_after_db_start_s"] is not None and summary["recovery_after_db_start_s"] < 10


def test_gunicorn_brings_a_missing_search_index_in_step_before_serving(stack_env):
    """gunicorn.conf.py's on_starting hook runs `search_index ensure`: a start with no index rebuilds it."""
    import shutil

    def manage(*args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=PROJECT, env=stack_env, capture_output=True, text=True
        )

    root = (
        manage("shell", "-c", "from resolutions.search import index; print(index.root())")
        .stdout.strip()
        .splitlines()[-1]
    )
    shutil.rmtree(root)
    assert manage("search_index", "status").returncode != 0
    hook = (
        "import runpy, types\n"
        "logged = []\n"
        "log = types.SimpleNamespace(info=lambda *a: logged.append(a), error=lambda *a: logged.append(a))\n"
        "runpy.run_path('gunicorn.conf.py')['on_starting'](types.SimpleNamespace(log=log))\n"
        "print(logged)\n"
    )
    started = subprocess.run([sys.executable, "-c", hook], cwd=PROJECT, env=stack_env, capture_output=True, text=True)
    assert "rebuilt" in started.stdout, started.stdout + started.stderr
    assert manage("search_index", "status").returncode == 0
