"""The CSV (or JSON Lines) export of a search's every match, measured: time, rows, bytes and peak memory.

Runs the export view itself (``/search/export.csv``: validation, the search, the index's order, the rows
from PostgreSQL, the CSV writer) in process and reads its whole streamed answer, as a client downloading
it would. The peak is the process's resident memory high-water mark during the export (Linux: reset through
``/proc/self/clear_refs`` before each run, read from ``VmHWM``) above its resident size before it. Each case
runs ``--runs`` times; the median is printed. Use the scale corpus's database (benchmarks/README.md):

    EMBEDDED_PG_DBNAME=archive_scale .venv/bin/python benchmarks/search_export.py \\
        --case development: --case "development:100000" --case "symbol:A/RES/*:1000000" [--sort date]

A case is ``query`` or ``query:rows`` (the export's ceiling, ``EXPORT_MAX_ROWS``, for that case).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django

django.setup()

from django.test import RequestFactory, override_settings  # noqa: E402

from resolutions.search import index  # noqa: E402
from resolutions.web.views.exports import search_export  # noqa: E402


def _status_kb(name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run_once(query: str, rows: int | None, extension: str, sort: str) -> dict:
    params = {"q": query, "sort": sort}
    request = RequestFactory().get(f"/search/export.{extension}", params)
    settings = {"EXPORT_MAX_ROWS": rows} if rows else {}
    with override_settings(**settings):
        exact_peak = _reset_peak()
        before = _status_kb("VmRSS")
        started = time.perf_counter()
        response = search_export(request, extension)
        size = lines = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            lines += chunk.count(b"\n")
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "bytes": size,
        "lines": lines,
        "total": int(response["X-Total-Matches"]),
        "rows": int(response["X-Export-Rows"]),
        "peak_mb": (_status_kb("VmHWM") - before) / 1024,
        "exact_peak": exact_peak,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", required=True, help="query or query:rows")
    parser.add_argument("--format", default="csv", choices=["csv", "jsonl"])
    parser.add_argument("--sort", default="relevance", choices=["relevance", "date"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    index.searcher()  # the index opened (and its files mapped) before the first measurement
    print(f"index: {index.status().describe()}")
    print(
        f"{'query':32} {'sort':9} {'matches':>10} {'rows':>10} {'MB':>8} {'s (median)':>11} {'rows/s':>9} {'peak MB':>8}"
    )
    for case in args.case:
        query, _, rows = case.rpartition(":") if case.rpartition(":")[2].isdigit() else (case, "", "")
        query = query.rstrip(":") or case
        results = [run_once(query, int(rows) if rows else None, args.format, args.sort) for _ in range(args.runs)]
        seconds = statistics.median(r["seconds"] for r in results)
        peak = statistics.median(r["peak_mb"] for r in results)
        last = results[-1]
        print(
            f"{query[:32]:32} {args.sort:9} {last['total']:>10,} {last['rows']:>10,} {last['bytes'] / 1e6:>8.1f}"
            f" {seconds:>11.1f} {last['rows'] / seconds:>9,.0f} {peak:>8.0f}"
            + ("" if last["exact_peak"] else " (peak: process high-water mark, not reset)")
        )
        print(f"    runs: {', '.join(f'{r["seconds"]:.1f} s / {r["peak_mb"]:.0f} MB' for r in results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
