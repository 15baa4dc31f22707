"""Scale benchmark: the real stack under load, beside the floor and beside bare Tantivy.

Runs, against a database built by ``python -m benchmarks.build_scale_corpus`` (which
also builds its search index):

1. gunicorn with the project's ``gunicorn.conf.py`` (production settings:
   DEBUG off, every search computed: SEARCH_CACHE_SECONDS=0) on a free
   loopback port;
2. ``wrk`` (the Debian package; installed with apt-get when missing and
   running as root) for each request type at 1, 4, 16 and 64 concurrent
   keep-alive connections: p50/p95/p99 latency, requests/s and errors, and
   each figure as a ratio to the trivial view ``/livez`` measured in the same
   run (the floor gunicorn and Django set on this machine);
3. in this process (no HTTP, no cache), for a sample of each search type:
   the archive's whole search (the view: validation, query analysis, the
   index, facets, highlights, the template) beside *bare Tantivy* doing the
   same search on the same index with the same analysers -- its own query
   parser, the exact count, the same facet aggregations over every match,
   the page of hits read and given Tantivy's own snippets -- and their ratio;
4. with ``--verify`` (on a database holding the real corpus only, e.g. one
   filled by ``manage.py ingest ../shared/corpus/unxml-ga``): every
   benchmark query's exact total and facet counts, from the index beside
   PostgreSQL counting the same condition in the texts
   (``resolutions.search.verify``).

Request types: rare words, the commonest words ranked, two words (AND), OR,
phrases, exclusions, prefixes, groups and field terms, misspellings, filters,
deep pages, date order, grouped by resolution, a mixed search load,
resolution pages, paragraph permalinks, and a browsing mix (two page views
per search); then the mixed searches again with the search cache on.

Writes JSON to ``benchmarks/results/bench-<database>-<time>.json`` and prints
tables with the targets checked. Run from the project folder:

    EMBEDDED_PG_DBNAME=archive_scale .venv/bin/python benchmarks/bench.py
    EMBEDDED_PG_DBNAME=archive_scale .venv/bin/python benchmarks/bench.py --duration 3 --clients 1,16
    EMBEDDED_PG_DBNAME=archive_real .venv/bin/python benchmarks/bench.py --verify
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results"
sys.path.insert(0, str(PROJECT))

# Production-like settings for gunicorn and for the in-process measurements alike.
SERVER_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_PLAIN_STATIC": "1",  # no collectstatic needed: the benchmark fetches no static files
    "DJANGO_LOG_LEVEL": "WARNING",
    "GUNICORN_ACCESSLOG": "",
    "SEARCH_CACHE_SECONDS": "0",  # every search computed (the cache phase runs a server with the cache on)
}

COMMON_WORDS = ["social", "development"]
TWO_WORDS = [
    "social protection",
    "older persons",
    "climate change",
    "human rights",
    "sustainable development",
    "gender equality",
    "food security",
    "persons disabilities",
    "poverty eradication",
    "social inclusion",
]
OR_QUERIES = [
    "poverty OR hunger",
    "refugees OR migrants",
    "ageing OR elderly",
    "youth OR adolescents",
    "unemployment OR employment",
    "education OR literacy",
]
PHRASES = [
    '"older persons"',
    '"social protection floors"',
    '"right to development"',
    '"persons with disabilities"',
    '"social inclusion"',
    '"decent work"',
    '"World Summit for Social Development"',
    '"calls upon"',
]
EXCLUSIONS = [
    "youth -employment",
    "women -violence",
    "ageing -health",
    "migrants -refugees",
    "poverty -extreme",
    "cooperatives -agriculture",
]
MISSPELLINGS = [
    "developmnet",
    "socail protection",
    "educaton",
    "tuberclosis",
    "refugess",
    "unemploymnet",
    "sustainible",
    "enviroment",
]
FILTERS = [
    {"body": "GA", "kind": "operative"},
    {"year_from": "2015", "year_to": "2020"},
    {"opening": "Calls upon"},
    {"body": "ECOSOC", "year_from": "2000"},
]
FILTERED_WORDS = ["development", "women", "social protection", "health", "children", "poverty"]
PREFIXES_AND_GROUPS = [
    "soc*",
    "educat*",
    "(ageing OR elderly) -health",
    "(youth OR adolescents) employment",
    "women NOT violence",
    'title:"social development"',
    "title:ageing poverty",
    "symbol:A/RES/7* poverty",
]
DEEP_PAGES = (50, 250)  # the 1,000th and the 5,000th hit: SEARCH_MAX_HITS (5,000) is the deepest page
TARGETS_NOTE = {
    "latency": "every search type at 1M paragraphs: p95 <= 15 ms over HTTP at 1 client (3M: <= 25 ms)",
    "mixed": "mixed searches, every one computed: >= 300/s at 16 clients, no errors",
    "bare": "in process, the archive's whole search no more than 3x bare Tantivy's",
    "pages": "resolution and paragraph pages: p50 <= 5 ms, p99 <= 20 ms, >= 400 req/s at 16 clients",
}

WRK_SCRIPT = r"""
local paths = {}
local counter = 0
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  counter = math.random(#paths)
  answers, from_cache = 0, 0
end
function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
function response(status, headers, body)
  answers = answers + 1
  if headers["X-Cache"] == "hit" then from_cache = from_cache + 1 end
end
function done(summary, latency, requests)
  local answered, cached = 0, 0
  for _, thread in ipairs(threads) do
    answered = answered + thread:get("answers")
    cached = cached + thread:get("from_cache")
  end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"answered": %d, "from_cache": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, answered, cached, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
"""


def search_url(q: str, **params) -> str:
    return "/search/?" + urlencode({"q": q, **params})


# ---------------------------------------------------------------- what to request


def vocabulary_words(low: int, high: int) -> list[str]:
    """Words of the archive's paragraphs (letters only, not stop words) held by ``low`` to ``high`` paragraphs."""
    import re

    from resolutions.search import analysis, index
    from resolutions.search.schema import TEXT

    return sorted(
        term
        for term, count in index.searcher().terms_with_prefix(TEXT.exact, "")
        if low <= count <= high and re.fullmatch(r"[a-z]{4,}", term) and analysis.stem_of_word(term)
    )


def sample_urls(rng: random.Random, pages: int) -> dict[str, list[str]]:
    """URL lists per request type, from the database's own content."""
    from django.db import connection

    from resolutions.models import Paragraph, Resolution
    from resolutions.reference.permalinks import paragraph_url, resolution_url

    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM resolutions_paragraph")
        max_paragraph = cursor.fetchone()[0] or 0
        cursor.execute("SELECT max(id) FROM resolutions_resolution")
        max_resolution = cursor.fetchone()[0] or 0
    if not max_paragraph:
        raise SystemExit("the database holds no paragraphs: run python -m benchmarks.build_scale_corpus first")
    paragraph_rows = list(
        Paragraph.objects.filter(id__in=[rng.randint(1, max_paragraph) for _ in range(pages * 2)]).values_list(
            "resolution__symbol", "key"
        )[:pages]
    )
    symbols = list(
        Resolution.objects.filter(id__in=[rng.randint(1, max_resolution) for _ in range(pages * 2)]).values_list(
            "symbol", flat=True
        )[:pages]
    )
    rare = vocabulary_words(20, 200)
    rare = rng.sample(rare, min(30, len(rare))) if rare else ["tuberculosis"]
    filtered = [search_url(word, **filters) for word in FILTERED_WORDS for filters in FILTERS]
    deep_words = [*COMMON_WORDS, "women", "health"]
    urls = {
        "livez (floor)": ["/livez"],
        "resolution page": [resolution_url(symbol) for symbol in symbols],
        "paragraph page": [paragraph_url(symbol, key) for symbol, key in paragraph_rows],
        "rare word": [search_url(word) for word in rare],
        "common word ranked": [search_url(word) for word in COMMON_WORDS],
        "two words (AND)": [search_url(q) for q in TWO_WORDS],
        "OR": [search_url(q) for q in OR_QUERIES],
        "phrase": [search_url(q) for q in PHRASES],
        "exclusion": [search_url(q) for q in EXCLUSIONS],
        "prefix, groups, fields": [search_url(q) for q in PREFIXES_AND_GROUPS],
        "misspelling": [search_url(q) for q in MISSPELLINGS],
        "filtered": filtered,
        "deep page": [search_url(w, page=p) for w in deep_words for p in DEEP_PAGES],
        "date order": [search_url(w, sort="date") for w in [*COMMON_WORDS, "women", "poverty"]],
        "date order, deep page": [search_url(w, sort="date", page=DEEP_PAGES[-1]) for w in deep_words],
        "grouped by resolution": [search_url(w, view="resolutions") for w in [*COMMON_WORDS, "women", "poverty"]],
    }
    searches = [url for name, group in urls.items() if "/search/" in group[0] for url in group]
    urls["mixed searches"] = searches
    views = urls["resolution page"] + urls["paragraph page"]
    urls["browsing (2 pages per search)"] = [
        u for i, s in enumerate(searches) for u in (s, views[2 * i % len(views)], views[(2 * i + 1) % len(views)])
    ]
    return urls


def warm_os_cache() -> dict:
    """Read the tables, their indexes and the search index's files once (pg_prewarm, mode 'read', and
    a plain read: into the operating system's cache), so that "warm cache" holds for the searches
    nobody asked before, not only for repeated ones. The database part is skipped, and said so,
    where the extension cannot be created (a managed server)."""
    from django.db import connection

    from resolutions.search import index

    started = time.perf_counter()
    index_bytes = 0
    for path in (index.current_path() or Path("/nonexistent")).glob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 22):
                    index_bytes += len(chunk)
    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            cursor.execute(  # the tables, views and indexes, and the TOAST tables (long texts) with their indexes
                "WITH ours AS (SELECT c.oid, c.reltoastrelid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                "  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i', 'm') AND c.relname LIKE 'resolutions%%'),"
                " toast AS (SELECT reltoastrelid AS oid FROM ours WHERE reltoastrelid <> 0"
                "  UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT reltoastrelid FROM ours))"
                " SELECT coalesce(sum(pg_prewarm(oid, 'read')), 0) * current_setting('block_size')::bigint"
                " FROM (SELECT oid FROM ours UNION SELECT oid FROM toast) AS relations"
            )
            read = cursor.fetchone()[0]
    except Exception as error:
        return {"skipped": str(error).splitlines()[0], "index_bytes": index_bytes}
    return {"bytes": read, "index_bytes": index_bytes, "seconds": round(time.perf_counter() - started, 1)}


class FreshSearches:
    """Searches not asked before in this run (so never in the result cache): vocabulary words alone, in
    pairs, with a filter, or newest first -- the long tail of a real search log."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = vocabulary_words(50, 100_000)
        self.seen: set[str] = set()

    def take(self, count: int) -> list[str]:
        urls = []
        while len(urls) < count:
            first, second = self.rng.choice(self.words), self.rng.choice(self.words)
            url = self.rng.choice(
                [
                    search_url(first),
                    search_url(first),
                    search_url(f"{first} {second}"),
                    search_url(first, **self.rng.choice(FILTERS)),
                    search_url(first, sort="date"),
                ]
            )
            if url not in self.seen:
                self.seen.add(url)
                urls.append(url)
        return urls


def half_new(repeated: list[str], fresh: list[str], rng: random.Random) -> list[str]:
    """Every other search repeats one of ``repeated`` (already in the cache); the others are new."""
    again = rng.sample(repeated, len(repeated))
    return [
        url for pair in zip((again[i % len(again)] for i in range(len(fresh))), fresh, strict=False) for url in pair
    ]


# ---------------------------------------------------------------- the server and the load generator


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, workers: int | None, log: Path, **extra_env: str) -> subprocess.Popen:
    env = {**os.environ, **SERVER_ENV, **extra_env}
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
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
        stderr=log.open("w"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = fetch(port, "/livez")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"gunicorn did not answer /livez within 60 s (see {log})")


def fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def settle(port: int, deadline_s: float = 60) -> None:
    """Wait until the workers have drained what the last cell left queued (wrk stops sending, but
    sync workers still answer every request already accepted), so it does not count in the next."""
    quick = 0
    deadline = time.monotonic() + deadline_s
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        fetch(port, "/livez")
        quick = quick + 1 if time.monotonic() - started < 0.01 else 0
        time.sleep(0.05)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (Debian package) …", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-qq"], check=False, stdout=subprocess.DEVNULL)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed: apt-get install wrk (Debian/Ubuntu) or your system's package")
    return found


def run_wrk(wrk: str, port: int, script: Path, paths_file: Path, clients: int, duration: float) -> dict:
    threads = min(clients, 2)
    result = subprocess.run(
        [
            wrk,
            "-t",
            str(threads),
            "-c",
            str(clients),
            "-d",
            f"{max(1, round(duration))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
            "--",
            str(paths_file),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    line = next((row for row in result.stdout.splitlines() if row.startswith("WRK_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk failed: {result.stdout}\n{result.stderr}")
    data = json.loads(line.removeprefix("WRK_JSON "))
    seconds = data["duration_us"] / 1e6
    errors = sum(data["errors"].values())
    return {
        "clients": clients,
        "requests": data["requests"],
        "rps": round(data["requests"] / seconds, 1),
        "p50_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "max_ms": data["max_us"] / 1000,
        "errors": errors,
        "error_kinds": {k: v for k, v in data["errors"].items() if v},
        "from_cache_share": round(data["from_cache"] / data["answered"], 3) if data["answered"] else 0.0,
    }


# ---------------------------------------------------------------- in-process measurements


def _search_params(url: str) -> dict:
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(url).query))


FILTER_NAMES = ("body", "session", "year_from", "year_to", "committee", "kind", "opening", "cites")


def bare_tantivy(params: dict):
    """The same search as bare Tantivy does it: the same compiled query on the same index, without Django.

    The query is the archive's own (``compile.plan`` and its filters, built
    once, outside the timing: same fields, weights and analysers); then what
    a search engine's answer needs: the page (ranked or newest first), the same
    facet aggregations over every match, the page's documents read, and
    Tantivy's own HTML snippets for them. Returns a function that runs it once.
    """
    import tantivy

    from resolutions.search import compile, execute, index, query
    from resolutions.search.schema import TEXT, schema

    searcher = index.searcher()
    filters = {
        name: int(params[name]) if name.startswith("year") else params[name] for name in FILTER_NAMES if name in params
    }
    matches = compile.with_filters(compile.plan(query.parse(params["q"])).matches, filters)
    grouped = params.get("view") == "resolutions"
    size = execute.GROUPS_PER_PAGE if grouped else execute.PAGE_SIZE
    offset = (int(params.get("page", 1)) - 1) * size
    aggregations = execute.facet_aggregations()

    def run() -> int:
        if params.get("sort") == "date":
            found = searcher.search(
                matches, size, count=True, order_by_field="newest", offset=offset, order=tantivy.Order.Desc
            )
        else:
            found = searcher.search(matches, size, count=True, offset=offset)
        searcher.aggregate(matches, aggregations)
        snippets = tantivy.SnippetGenerator.create(searcher, matches, schema(), TEXT.name)
        return (
            len([snippets.snippet_from_doc(searcher.doc(address)).to_html() for _, address in found.hits]) + found.count
        )

    return run


def _median_ms(function, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``function`` (CPU of every thread of this process: on a
    shared machine, the figure that other processes' load does not inflate)."""
    function()  # warm
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def in_process(urls: dict[str, list[str]], repeat: int, per_type: int) -> dict:
    """Per search type: the archive's whole search in process (the view, no HTTP, no cache) beside bare Tantivy."""
    from django.test import RequestFactory

    from resolutions.web.views.search import search_page

    factory = RequestFactory()
    measured = {}
    for name, group in urls.items():
        if not group or "/search/" not in group[0] or name.startswith(("mixed", "browsing")):
            continue
        rows = []
        for url in group[:per_type]:

            def archive(url=url):
                return search_page(factory.get(url)).status_code

            status = archive()
            bare = bare_tantivy(_search_params(url))
            (archive_ms, archive_cpu), (bare_ms, bare_cpu) = _median_ms(archive, repeat), _median_ms(bare, repeat)
            rows.append(
                {
                    "url": url,
                    "status": status,
                    "archive_ms": archive_ms,
                    "bare_ms": bare_ms,
                    "archive_cpu_ms": archive_cpu,
                    "bare_cpu_ms": bare_cpu,
                    "ratio": round(archive_ms / bare_ms, 2) if bare_ms else None,
                }
            )
        measured[name] = {
            "archive_ms": statistics.median(r["archive_ms"] for r in rows),
            "bare_ms": statistics.median(r["bare_ms"] for r in rows),
            "archive_cpu_ms": statistics.median(r["archive_cpu_ms"] for r in rows),
            "bare_cpu_ms": statistics.median(r["bare_cpu_ms"] for r in rows),
            "ratio": statistics.median(r["ratio"] for r in rows if r["ratio"] is not None),
            "worst_ratio": max(r["ratio"] for r in rows if r["ratio"] is not None),
            "statuses": sorted({r["status"] for r in rows}),
            "samples": rows,
        }
    return measured


def verify_queries(urls: dict[str, list[str]]) -> list[dict]:
    """Every benchmark search's exact total and facet counts, the index beside PostgreSQL (``--verify``)."""
    from resolutions.search import index, verify

    searcher = index.searcher()
    forms = verify._stem_forms(searcher)
    seen, outcomes = set(), []
    for name, group in urls.items():
        if not group or "/search/" not in group[0] or name.startswith(("mixed", "browsing")):
            continue
        for url in group:
            params = _search_params(url)
            filters = {k: int(params[k]) if k.startswith("year") else params[k] for k in FILTER_NAMES if k in params}
            key = (params["q"], tuple(sorted(filters.items())))
            if key in seen:
                continue
            seen.add(key)
            started = time.perf_counter()
            try:
                outcome = verify.compare(params["q"], filters, searcher=searcher, forms=forms)
            except Exception as error:
                outcomes.append({"type": name, "query": params["q"], "filters": filters, "refused": str(error)})
                continue
            outcomes.append(
                {
                    "type": name,
                    "query": params["q"],
                    "filters": filters,
                    "equal": outcome.equal,
                    "index_total": outcome.index_total,
                    "database_total": outcome.database_total,
                    "seconds": round(time.perf_counter() - started, 2),
                }
            )
            print(outcome.describe(), file=sys.stderr)
    return outcomes


# ---------------------------------------------------------------- report


def machine() -> dict:
    from django.db import connection

    cpu = next(
        (
            row.split(":", 1)[1].strip()
            for row in Path("/proc/cpuinfo").read_text().splitlines()
            if row.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (row.split()[1] for row in Path("/proc/meminfo").read_text().splitlines() if row.startswith("MemTotal")), "0"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
        cursor.execute("SELECT count(*) FROM resolutions_paragraph")
        paragraphs = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM resolutions_resolution")
        resolutions = cursor.fetchone()[0]
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "postgresql": version,
        "database": connection.settings_dict["NAME"],
        "paragraphs": paragraphs,
        "resolutions": resolutions,
        "database_bytes": size,
        "load_average_start": os.getloadavg(),
    }


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:.3g}x" if floor else "-"


def print_tables(result: dict) -> None:
    load = result["load"]
    floor = {row["clients"]: row for row in load["livez (floor)"]}
    print(f"\nHTTP, {result['duration_s']} s per cell; ms, requests/s, (ratio to /livez p50 / throughput)")
    print(
        f"{'type':<30}{'clients':>8}{'p50':>9}{'p95':>9}{'p99':>9}{'req/s':>9}{'err':>5}  {'p50/floor':>9} {'rps/floor':>9}"
    )
    for name, rows in load.items():
        for row in rows:
            base = floor.get(row["clients"])
            print(
                f"{name:<30}{row['clients']:>8}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}"
                f"{row['rps']:>9.0f}{row['errors']:>5}  {ratio(row['p50_ms'], base['p50_ms']):>9} "
                f"{ratio(row['rps'], base['rps']):>9}"
            )
    print(
        "\nIn process (no HTTP, no cache), median per type: the archive's whole search and bare Tantivy, wall-clock"
        " and CPU ms; wall-clock ratio (worst URL)"
    )
    print(f"{'type':<30}{'archive':>9}{'cpu':>7}{'bare':>8}{'cpu':>7}{'ratio':>7}{'worst':>7}")
    for name, row in result["in_process"].items():
        print(
            f"{name:<30}{row['archive_ms']:>9.2f}{row['archive_cpu_ms']:>7.2f}{row['bare_ms']:>8.2f}"
            f"{row['bare_cpu_ms']:>7.2f}{row['ratio']:>7.2f}{row['worst_ratio']:>7.2f}"
        )
    print("\nTargets")
    for name, (ok, detail) in result["targets"].items():
        print(f"  {'PASS' if ok else 'FAIL'}  {TARGETS_NOTE[name]}: {detail}")


def markdown(result: dict) -> str:
    """The README's table: per type, 1-client latency and 16-client throughput, with ratios to /livez."""
    load = result["load"]

    def at(rows: list, clients: int) -> dict | None:
        return next((row for row in rows if row["clients"] == clients), None)

    floor_one, floor_sixteen = at(load["livez (floor)"], 1), at(load["livez (floor)"], 16)
    lines = [
        "| type | p50 ms (1 client) | p95 | p99 | × floor p50 | req/s (16 clients) | p95 ms (16) | × floor req/s "
        "| req/s (64) | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, rows in load.items():
        one, sixteen, sixty_four = at(rows, 1), at(rows, 16), at(rows, 64)
        if not (one and sixteen):
            continue
        lines.append(
            f"| {name} | {one['p50_ms']:.1f} | {one['p95_ms']:.1f} | {one['p99_ms']:.1f} | "
            f"{ratio(one['p50_ms'], floor_one['p50_ms'])} | {sixteen['rps']:,.0f} | {sixteen['p95_ms']:.1f} | "
            f"{ratio(sixteen['rps'], floor_sixteen['rps'])} | {f'{sixty_four["rps"]:,.0f}' if sixty_four else '-'} | "
            f"{sum(r['errors'] for r in rows)} |"
        )
    return "\n".join(lines)


def check_targets(load: dict, measured: dict, paragraphs: int) -> dict:
    """The issue's targets: latency read at 1 client, throughput at 16 (with 16 clients in a closed loop
    the median latency is about 16 / throughput, Little's law), the in-process ratio to bare Tantivy."""

    def at(name: str, clients: int) -> dict | None:
        return next((row for row in load.get(name, []) if row["clients"] == clients), None)

    targets = {}
    limit = 15 if paragraphs < 2_000_000 else 25
    searches = {
        name: at(name, 1)
        for name, rows in load.items()
        if rows and not name.startswith(("livez", "resolution page", "paragraph page", "browsing", "mixed"))
    }
    searches = {name: row for name, row in searches.items() if row}
    if searches:
        worst = max(searches.items(), key=lambda item: item[1]["p95_ms"])
        targets["latency"] = (
            all(row["p95_ms"] <= limit for row in searches.values()),
            f"limit {limit} ms; worst {worst[0]} p95 {worst[1]['p95_ms']:.1f}; "
            + ", ".join(f"{n} {r['p95_ms']:.1f}" for n, r in searches.items()),
        )
    mixed = at("mixed searches", 16)
    if mixed:
        errors = sum(r["errors"] for rows in load.values() for r in rows)
        targets["mixed"] = (
            mixed["rps"] >= 300 and errors == 0,
            f"{mixed['rps']:.0f}/s, p95 {mixed['p95_ms']:.1f} ms at 16 clients; errors in the run {errors}",
        )
    # A misspelling finds nothing, which bare Tantivy answers at once; the archive then looks for a
    # spelling in the index's vocabulary and checks it: work bare Tantivy does not do. Shown, not targeted.
    compared = {name: row for name, row in measured.items() if name != "misspelling"}
    if compared:
        worst = max(compared.items(), key=lambda item: item[1]["ratio"])
        targets["bare"] = (
            all(row["ratio"] <= 3 for row in compared.values()),
            f"median ratio per type {min(r['ratio'] for r in compared.values()):.2f}-{worst[1]['ratio']:.2f}"
            f" (highest: {worst[0]}); misspellings, which also compute a did-you-mean, "
            f"{measured['misspelling']['ratio'] if 'misspelling' in measured else '-'}",
        )
    pages = [(at(n, 1), at(n, 16)) for n in ("resolution page", "paragraph page")]
    if all(one and sixteen for one, sixteen in pages):
        ok = all(one["p50_ms"] <= 5 and one["p99_ms"] <= 20 and sixteen["rps"] >= 400 for one, sixteen in pages)
        targets["pages"] = (
            ok,
            "; ".join(
                f"1 client p50 {one['p50_ms']:.1f}, p99 {one['p99_ms']:.1f}; 16 clients {sixteen['rps']:.0f}/s"
                for one, sixteen in pages
            ),
        )
    return targets


def cache_phase(wrk: str, args, clients: list[int], mixed: list[str], rng: random.Random, stamp: str) -> dict:
    """The mixed searches again, with the search cache on (SEARCH_CACHE_SECONDS=300, as deployed):
    every search repeated (the cache's best case), then every other one new (never cached before)."""
    fresh = FreshSearches(rng)
    port = free_port()
    server = start_gunicorn(
        port, args.workers, RESULTS / f"gunicorn-bench-cache-{stamp}.log", SEARCH_CACHE_SECONDS="300"
    )
    load: dict[str, list] = {}
    try:
        for url in mixed:  # the repeated searches are in the cache before the first cell
            fetch(port, url)
        with tempfile.TemporaryDirectory() as scratch:
            script = Path(scratch) / "paths.lua"
            script.write_text(WRK_SCRIPT)
            cells = {
                "mixed searches, repeated (search cache)": lambda: mixed,
                # Each cell gets new searches of its own, more than it can send.
                "mixed searches, half new (search cache)": lambda: half_new(mixed, fresh.take(3000), rng),
            }
            for name, make_list in cells.items():
                load[name] = []
                for count in clients:
                    paths_file = Path(scratch) / "paths.txt"
                    paths_file.write_text("\n".join(make_list()) + "\n")
                    settle(port)
                    row = run_wrk(wrk, port, script, paths_file, count, args.duration)
                    load[name].append(row)
                    print(
                        f"{name:<30} {count:>3} clients: p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms, "
                        f"p99 {row['p99_ms']:.1f} ms, {row['rps']:.0f}/s, errors {row['errors']}, "
                        f"from cache {row['from_cache_share']:.0%}",
                        file=sys.stderr,
                    )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return load


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per (type, clients) cell")
    parser.add_argument("--clients", default="1,4,16,64")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--types", help="comma-separated request types to load (default: all)")
    parser.add_argument("--repeat", type=int, default=5, help="in-process repetitions per URL")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cache-phase", action="store_true", help="skip the runs with the search cache on")
    parser.add_argument("--markdown", type=Path, help="only print a results file's table as Markdown")
    parser.add_argument(
        "--verify",
        action="store_true",
        help="only compare every benchmark query's total and facets with PostgreSQL's (real corpus)",
    )
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text())))
        return 0
    os.environ.setdefault("EMBEDDED_PG_DBNAME", "archive_scale")
    os.environ.update(SERVER_ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    RESULTS.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    info = machine()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if args.verify:
        outcomes = verify_queries(sample_urls(rng, pages=10))
        compared = [o for o in outcomes if "equal" in o]
        path = RESULTS / f"verify-{info['database']}-{stamp}.json"
        path.write_text(json.dumps({"machine": info, "queries": outcomes}, indent=2, default=str))
        same = sum(o["equal"] for o in compared)
        print(
            f"{info['database']}: {info['paragraphs']:,} paragraphs; {same} of {len(compared)} benchmark queries "
            f"with totals and facet counts equal to PostgreSQL's; {len(outcomes) - len(compared)} refused; "
            f"written to {path.relative_to(PROJECT)}"
        )
        return 0 if same == len(compared) else 1
    wrk = ensure_wrk()
    info["os_cache_warm_up"] = warm_os_cache()
    print(f"warm-up: {info['os_cache_warm_up']}", file=sys.stderr)
    urls = sample_urls(rng, pages=300)
    if args.types:
        wanted = {"livez (floor)", *args.types.split(",")}
        urls = {name: group for name, group in urls.items() if name in wanted}
    clients = [int(c) for c in args.clients.split(",")]
    print(
        f"{info['database']}: {info['paragraphs']:,} paragraphs in {info['resolutions']:,} resolutions; "
        f"{info['cpu']}, {info['cores']} cores; load average {info['load_average_start'][0]:.1f}",
        file=sys.stderr,
    )

    port = free_port()
    server = start_gunicorn(port, args.workers, RESULTS / f"gunicorn-bench-{stamp}.log")
    load: dict[str, list] = {}
    try:
        with tempfile.TemporaryDirectory() as scratch:
            script = Path(scratch) / "paths.lua"
            script.write_text(WRK_SCRIPT)
            bad = []
            for name, group in urls.items():  # warm every URL once, and check it answers 200
                for url in group:
                    status, _ = fetch(port, url)
                    if status != 200:
                        bad.append((name, url, status))
            if bad:
                print(f"{len(bad)} URLs did not answer 200, e.g. {bad[:3]}", file=sys.stderr)
            for name, group in urls.items():
                paths_file = Path(scratch) / "paths.txt"
                paths_file.write_text("\n".join(group) + "\n")
                load[name] = []
                for count in clients:
                    settle(port)
                    row = run_wrk(wrk, port, script, paths_file, count, args.duration)
                    load[name].append(row)
                    print(
                        f"{name:<30} {count:>3} clients: p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms, "
                        f"p99 {row['p99_ms']:.1f} ms, {row['rps']:.0f}/s, errors {row['errors']}",
                        file=sys.stderr,
                    )
    finally:
        server.terminate()
        server.wait(timeout=30)
    if not args.no_cache_phase and "mixed searches" in urls:
        load.update(cache_phase(wrk, args, clients, urls["mixed searches"], rng, stamp))

    info["load_average_end"] = os.getloadavg()
    from django.conf import settings

    # In process: what a search costs to compute, not to fetch from a cache.
    settings.PAGE_CACHE_SECONDS = 0
    settings.SEARCH_CACHE_SECONDS = 0
    measured = in_process(urls, args.repeat, per_type=5)
    result = {
        "machine": info,
        "duration_s": args.duration,
        "clients": clients,
        "urls": {k: len(v) for k, v in urls.items()},
        "warm_up_failures": bad,
        "load": load,
        "in_process": measured,
        "targets": check_targets(load, measured, info["paragraphs"]),
    }
    path = RESULTS / f"bench-{info['database']}-{stamp}.json"
    path.write_text(json.dumps(result, indent=2, default=str))
    print_tables(result)
    print(f"\nwritten to {path.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
