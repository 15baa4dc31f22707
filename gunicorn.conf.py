"""gunicorn settings, sized from the machine; every value can be overridden by environment (archive/environment.py).

Threaded workers whose request headers are read in the event loop (``archive/gunicorn_worker.py``): a client
that sends its headers slowly holds a socket, not a thread, and is dropped after ``GUNICORN_HEADER_TIMEOUT``.
"""

from archive.environment import read_environment

env = read_environment()
workers = env.gunicorn_workers
worker_class = "archive.gunicorn_worker.HeaderBufferingWorker"
threads = env.gunicorn_threads
timeout = env.gunicorn_timeout
graceful_timeout = env.gunicorn_graceful_timeout
keepalive = env.gunicorn_keepalive
max_requests = env.gunicorn_max_requests
max_requests_jitter = env.gunicorn_max_requests_jitter
accesslog = env.gunicorn_access_log or None  # set but empty: no access log
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
