"""gunicorn settings, sized from the machine; every value can be overridden by environment."""

import multiprocessing
import os

workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
preload_app = True


def on_starting(server):
    """Before any worker starts: bring the search index in step with the database (rebuilt when missing or
    stale), so that searches answer from the start. A failure (no database yet) is logged: the workers
    still start, and searches answer 503 until the index matches."""
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent / "manage.py"), "search_index", "ensure"],
        capture_output=True,
        text=True,
        check=False,
    )
    (server.log.info if result.returncode == 0 else server.log.error)(
        "search index: %s", (result.stdout or result.stderr).strip().splitlines()[-1:] or ["no output"]
    )
