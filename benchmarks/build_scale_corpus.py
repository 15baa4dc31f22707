"""Build the scale benchmark's corpus: real resolutions plus generated ones, bulk-loaded.

REPLACES every resolution of the database with the real corpus plus
generated resolutions, up to ``--paragraphs`` (``benchmarks.scale_corpus``),
and writes what it measured to ``benchmarks/results/corpus-<database>-<paragraphs>.json``.
Run from the project folder, on a database of its own:

    EMBEDDED_PG_DBNAME=archive_scale .venv/bin/python manage.py migrate
    EMBEDDED_PG_DBNAME=archive_scale .venv/bin/python -m benchmarks.build_scale_corpus --paragraphs 1000000 --replace
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results"
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus" / "unxml-ga"
sys.path.insert(0, str(PROJECT))


def human_bytes(value: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1024
    return str(value)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, required=True, help="total paragraphs wanted, e.g. 1000000")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of real AKN resolutions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replace", action="store_true", help="confirm that the database's resolutions are replaced")
    return parser.parse_args()


def refusal(args: argparse.Namespace, database: str) -> str:
    """Why the build must not run ("" when it may)."""
    if args.paragraphs <= 0:
        return "--paragraphs must be positive"
    if not args.corpus.is_dir():
        return f"no corpus folder at {args.corpus} (give one with --corpus)"
    if not args.replace:
        return (
            f"this replaces every resolution in database {database!r}: use a database of its own "
            "(EMBEDDED_PG_DBNAME=archive_scale) and confirm with --replace"
        )
    return ""


def summary(report, path: Path) -> list[str]:
    """The lines printed once the corpus is built."""
    load = report.load
    lines = [
        f"database {report.database}: {load.resolutions:,} resolutions ({report.synthetic_resolutions:,} generated), "
        f"{load.paragraphs:,} paragraphs, {load.footnotes:,} footnotes, {load.citations:,} citations, "
        f"{load.votes:,} votes"
    ]
    if report.failed_sources:
        lines.append(f"{len(report.failed_sources)} real sources failed to parse, e.g. {report.failed_sources[0]}")
    lines.append(
        f"parse of the real corpus: {report.parse_seconds:.1f} s ({report.skipped_sources} other-language files skipped)"
    )
    lines.append(
        f"load and index: {report.load_seconds:.1f} s = "
        + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in load.seconds.items())
    )
    slowest = sorted(load.index_seconds.items(), key=lambda item: -item[1])[:4]
    lines.append("slowest rebuilds: " + ", ".join(f"{n} {s:.1f} s" for n, s in slowest))
    shown = ("table resolutions_paragraph", "indexes ", "index paragraph_")
    sizes = [
        f"{key} {human_bytes(value)}"
        for key, value in report.sizes.items()
        if key == "database" or key.startswith(shown)
    ]
    lines.append("sizes: " + ", ".join(sizes))
    lines.append("paragraphs matching: " + ", ".join(f"{w} {s:.1%}" for w, s in report.word_shares.items()))
    lines.append(f"written to {path.relative_to(PROJECT)}")
    return lines


def main() -> int:
    args = arguments()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.db import connection

    from benchmarks.scale_corpus.build import build

    database = connection.settings_dict["NAME"]
    if problem := refusal(args, database):
        print(f"error: {problem}", file=sys.stderr)
        return 1
    try:
        report = build(args.corpus, args.paragraphs, seed=args.seed, progress=lambda line: print(line, file=sys.stderr))
    except (ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"corpus-{database}-{args.paragraphs}.json"
    path.write_text(json.dumps(report.as_dict(), indent=2, default=str))
    print("\n".join(summary(report, path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
