"""The README's database-fault command works on a fresh clone: a new EMBEDDED_PG_DATA, nothing loaded yet."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
LOAD = ["--workers", "2", "--clients", "4", "--duration", "12"]

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="drives an embedded PostgreSQL of its own; DATABASE_URL is set"
)


def test_the_database_fault_command_runs_on_a_new_data_folder():
    (PROJECT / "var").mkdir(exist_ok=True)
    top = Path(tempfile.mkdtemp(dir=PROJECT / "var", prefix="fresh-"))
    env = {**os.environ, "EMBEDDED_PG_DATA": str(top / "pgdata-fault"), "DJANGO_LOG_LEVEL": "WARNING"}
    try:
        result = subprocess.run(
            [sys.executable, "benchmarks/loadtest.py", *LOAD, "--db-fault-at", "4", "--db-down-for", "3"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=400,
        )
        written = [line for line in result.stdout.splitlines() if line.startswith("written to ")]
        assert written, result.stdout + result.stderr[-3000:]
        summary = json.loads(Path(written[0].removeprefix("written to ")).read_text())
        assert result.returncode == 0, summary
        assert "500" not in summary["statuses"] and summary["statuses"].get("200", 0) > 20, summary["statuses"]
    finally:
        subprocess.run([sys.executable, "manage.py", "embedded_db", "stop"], cwd=PROJECT, env=env, capture_output=True)
        shutil.rmtree(top, ignore_errors=True)
