"""Load, graceful-restart and database-fault test against the real stack (issue 6).

Starts gunicorn (the project's gunicorn.conf.py) on a free loopback port,
then runs N concurrent keep-alive clients over a mix of pages and searches
for a fixed time. Optionally, midway:

- ``--hup-at S``: sends SIGHUP to gunicorn (graceful restart of workers);
- ``--db-fault-at S --db-down-for D``: stops the embedded PostgreSQL for D
  seconds, then starts it again, and measures how long until pages answer
  200 again.

Prints a table and writes JSON to benchmarks/results/. Exit status is 1 when
any request failed in a way a client should never see: a 5xx other than 503
(during a fault), a connection error, or a request that hung past the
client timeout.

A request that fails on a *reused* keep-alive connection before any byte of
response (the worker it was talking to was restarted) is retried once on a
fresh connection, as HTTP clients do for idempotent requests; such retries
are counted and reported.

Run from the project folder, with the fixtures loaded (``make fixtures``):

    .venv/bin/python benchmarks/loadtest.py --clients 64 --duration 120 --hup-at 40
    .venv/bin/python benchmarks/loadtest.py --clients 16 --duration 60 --db-fault-at 20 --db-down-for 10
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results"
RECOVERY_GRACE_SECONDS = 5
SEARCHES = [
    "social protection floors",
    '"older persons"',
    "inclusion -disabilities",
    "poverty OR unemployment",
    "calls upon",
    "social",
    "developmnet",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_paths() -> list[str]:
    """Resolution and paragraph pages from the committed permalink list, plus browse pages."""
    paths = ["/", "/livez"]
    permalinks = PROJECT / "fixtures" / "permalinks.tsv"
    if permalinks.exists():
        for line in permalinks.read_text().splitlines():
            if line and not line.startswith("#"):
                url = line.split("\t")[0]
                paths.append(url)
                resolution = url.rstrip("/").rsplit("/", 1)[0] + "/"
                paths.append(resolution)
    return sorted(set(paths))


def search_paths() -> list[str]:
    from urllib.parse import urlencode

    return [f"/search/?{urlencode({'q': q})}" for q in SEARCHES]


class Client(threading.Thread):
    def __init__(self, port, stop_at, paths, timeout, log):
        super().__init__(daemon=True)
        self.port, self.stop_at, self.paths, self.timeout, self.log = port, stop_at, paths, timeout, log
        self.connection = None
        self.requests_on_connection = 0

    def connect(self):
        if self.connection is not None:
            self.connection.close()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        self.requests_on_connection = 0

    def fetch(self, path):
        self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = self.connection.getresponse()
        response.read()
        self.requests_on_connection += 1
        if response.getheader("Connection", "").lower() == "close":
            self.connect()
        return response.status

    def run(self):
        self.connect()
        rng = random.Random(id(self))
        while time.monotonic() < self.stop_at:
            path = rng.choice(self.paths)
            started = time.monotonic()
            retried = False
            try:
                try:
                    status = self.fetch(path)
                except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                    if self.requests_on_connection == 0:
                        raise
                    retried = True
                    self.connect()
                    status = self.fetch(path)
            except TimeoutError:
                status = "hung"
                self.connect()
            except (OSError, http.client.HTTPException) as error:
                status = f"error:{type(error).__name__}"
                self.connect()
            self.log.append((started, time.monotonic() - started, path, status, retried))


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "GUNICORN_ACCESSLOG": "", "DJANGO_LOG_LEVEL": "WARNING", "GUNICORN_WORKERS": str(workers)}
    process = subprocess.Popen(
        [
            str(PROJECT / ".venv" / "bin" / "gunicorn"),
            "archive.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(RESULTS / "gunicorn-loadtest.log", "w"),  # noqa: SIM115 (held by the server process)
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start within 30 s")


def prepare_database() -> None:
    """Migrate and load the fixtures first (both change nothing when done already), so the load test runs
    on a fresh clone or a new ``EMBEDDED_PG_DATA`` as the README gives it, not on an empty cluster."""
    for command in (["migrate", "--noinput", "-v0"], ["ingest", "--quiet-warnings", "fixtures/resolutions.json"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, check=True, stdout=subprocess.DEVNULL)


def db_fault(at: float, down_for: float, events: dict) -> None:
    """Stop the embedded PostgreSQL at ``at``, start it ``down_for`` seconds later."""
    sys.path.insert(0, str(PROJECT))
    from archive.database import embedded_data_dir, embedded_server_socket_dir, stop_embedded_server

    data_dir = embedded_data_dir()
    time.sleep(at)
    events["db_stopped_at"] = time.monotonic()
    stop_embedded_server(data_dir)
    time.sleep(down_for)
    embedded_server_socket_dir(data_dir, os.environ.get("EMBEDDED_PG_DBNAME", "archive"))
    events["db_started_at"] = time.monotonic()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--timeout", type=float, default=15, help="a request slower than this counts as hung")
    parser.add_argument("--hup-at", type=float, help="seconds after start to send SIGHUP to gunicorn")
    parser.add_argument("--db-fault-at", type=float, help="seconds after start to stop PostgreSQL (embedded only)")
    parser.add_argument("--db-down-for", type=float, default=10)
    parser.add_argument("--searches-per-page", type=float, default=0.33, help="share of requests that are searches")
    args = parser.parse_args()
    if args.db_fault_at is not None and os.environ.get("DATABASE_URL"):
        raise SystemExit("--db-fault-at drives the embedded PostgreSQL; unset DATABASE_URL")

    RESULTS.mkdir(parents=True, exist_ok=True)
    prepare_database()
    pages, searches = page_paths(), search_paths()
    searches_wanted = int(len(pages) * args.searches_per_page / max(1e-9, 1 - args.searches_per_page))
    paths = pages + [searches[i % len(searches)] for i in range(max(1, searches_wanted))]
    port = free_port()
    server = start_gunicorn(port, args.workers)
    log: list = []
    events: dict = {}
    try:
        start = time.monotonic()
        stop_at = start + args.duration
        clients = [Client(port, stop_at, paths, args.timeout, log) for _ in range(args.clients)]
        for client in clients:
            client.start()
        helpers = []
        if args.hup_at is not None:

            def hup():
                time.sleep(args.hup_at)
                events["hup_at"] = time.monotonic()
                server.send_signal(signal.SIGHUP)

            helpers.append(threading.Thread(target=hup, daemon=True))
        if args.db_fault_at is not None:
            helpers.append(
                threading.Thread(target=db_fault, args=(args.db_fault_at, args.db_down_for, events), daemon=True)
            )
        for helper in helpers:
            helper.start()
        for client in clients:
            client.join(args.duration + args.timeout + 30)
        for helper in helpers:
            helper.join(5)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()

    statuses = Counter(str(entry[3]) for entry in log)
    latencies = [entry[1] * 1000 for entry in log if entry[3] == 200]
    retries = sum(1 for entry in log if entry[4])

    def in_fault(entry) -> bool:
        """A 503 is the right answer for a request that overlapped the outage (or the few seconds after)."""
        if "db_stopped_at" not in events:
            return False
        outage_end = events.get("db_started_at", float("inf")) + RECOVERY_GRACE_SECONDS
        return entry[0] + entry[1] >= events["db_stopped_at"] and entry[0] <= outage_end

    bad = [e for e in log if not (e[3] in (200, 301, 302, 304) or (e[3] == 503 and in_fault(e)))]
    recovery = None
    if "db_started_at" in events:
        later_ok = [e[0] + e[1] for e in log if e[0] >= events["db_started_at"] and e[3] == 200]
        recovery = (min(later_ok) - events["db_started_at"]) if later_ok else None
        during = Counter(str(e[3]) for e in log if events["db_stopped_at"] <= e[0] < events["db_started_at"])
    summary = {
        "clients": args.clients,
        "duration_s": args.duration,
        "workers": args.workers,
        "requests": len(log),
        "throughput_rps": round(len(log) / args.duration, 1),
        "statuses": dict(statuses),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "keepalive_retries": retries,
        "unacceptable": len(bad),
        "unacceptable_examples": [list(map(str, e[2:4])) for e in bad[:10]],
        "hup": "hup_at" in events,
    }
    if recovery is not None or "db_stopped_at" in events:
        summary["during_db_outage"] = dict(during)
        summary["recovery_after_db_start_s"] = round(recovery, 2) if recovery is not None else None
    out = RESULTS / f"loadtest-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(summary, indent=2))
    for name, value in summary.items():
        print(f"{name:28} {value}")
    print(f"written to {out}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
