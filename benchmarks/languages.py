"""Search speed per language, on a multilingual corpus built as the scale benchmark's English one is.

``build``: the real corpus of every language parsed by the import pipeline (the English resolutions, and the
French, Spanish, Russian, Arabic and Chinese texts of ../shared/corpus/unxml-ga/NN/<Language>/); then for each
language, generated resolutions up to ``--paragraphs-per-language``, each taking the structure of a real
resolution *of that language* and filling its slots with that language's real paragraphs, verbatim or spliced
(``benchmarks.scale_corpus.recombine``), so every language keeps its real word frequencies. The real English
resolutions are loaded as they are; the other languages' real texts serve as templates only (their works are
the English ones). Generated works of each language get serials of their own, so symbols never collide.
Everything is bulk-loaded (``resolutions.store.bulk``, REPLACING the database's resolutions) and indexed.

``measure``: in one process and one run, for each language the same kinds of search (a rare word, the commonest
word, two words, a phrase, a prefix, with a filter), each run through the archive's whole search
(``resolutions.web.search_request.perform``: validation, analysis, the index, exact counts, facets, the language
facet over every language, highlights) ``--repeat`` times after a warm-up; medians in milliseconds, the hits
counted, and each language's median as a ratio to English's.

    EMBEDDED_PG_DBNAME=archive_languages .venv/bin/python manage.py migrate
    EMBEDDED_PG_DBNAME=archive_languages .venv/bin/python -m benchmarks.languages build --paragraphs-per-language 200000 --replace
    EMBEDDED_PG_DBNAME=archive_languages .venv/bin/python -m benchmarks.languages measure
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results"
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus" / "unxml-ga"
sys.path.insert(0, str(PROJECT))

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
SERIAL_OFFSET = 100_000  # generated works of the n-th language: serials from 10,000 + n × 100,000
# The same kinds of search in each language: (kind, query, extra parameters)
QUERIES = {
    "en": [
        ("rare", "tuberculosis"),
        ("common", "development"),
        ("two words", "social protection"),
        ("phrase", '"right to development"'),
        ("prefix", "discrimin*"),
        ("filtered", "poverty", {"kind": "operative"}),
    ],
    "fr": [
        ("rare", "tuberculose"),
        ("common", "développement"),
        ("two words", "protection sociale"),
        ("phrase", '"droit au développement"'),
        ("prefix", "discrimin*"),
        ("filtered", "pauvreté", {"kind": "operative"}),
    ],
    "es": [
        ("rare", "tuberculosis"),
        ("common", "desarrollo"),
        ("two words", "protección social"),
        ("phrase", '"derecho al desarrollo"'),
        ("prefix", "discrimin*"),
        ("filtered", "pobreza", {"kind": "operative"}),
    ],
    "ru": [
        ("rare", "туберкулез"),
        ("common", "развития"),
        ("two words", "социальной защиты"),
        ("phrase", '"право на развитие"'),
        ("prefix", "дискримин*"),
        ("filtered", "нищеты", {"kind": "operative"}),
    ],
    "ar": [
        ("rare", "السل"),
        ("common", "التنمية"),
        ("two words", "الحماية الاجتماعية"),
        ("phrase", '"الحق في التنمية"'),
        ("prefix", "التمييز*"),
        ("filtered", "الفقر", {"kind": "operative"}),
    ],
    "zh": [
        ("rare", "结核病"),
        ("common", "发展"),
        ("two words", "社会保护"),
        ("phrase", '"发展权"'),
        ("prefix", "歧视*"),
        ("filtered", "贫穷", {"kind": "operative"}),
    ],
}


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()


def build(args) -> int:
    from django.db import connection

    from benchmarks.scale_corpus.real import loadable, read_real_corpus
    from benchmarks.scale_corpus.recombine import Recombiner
    from resolutions.reference.bodies import BODIES
    from resolutions.store.bulk.load import bulk_load

    if not args.replace:
        print(f"error: this replaces every resolution of {connection.settings_dict['NAME']!r}: confirm with --replace")
        return 1
    started = time.perf_counter()
    real = read_real_corpus(args.corpus)
    by_language: dict[str, list] = {code: [] for code in LANGUAGES}
    for parsed in real.resolutions:
        if parsed.language in by_language and not loadable(parsed):
            by_language[parsed.language].append(parsed)
    print(
        "real texts: "
        + ", ".join(f"{code} {len(texts):,}" for code, texts in by_language.items())
        + f" ({time.perf_counter() - started:.0f} s; {len(real.failed)} failed)",
        file=sys.stderr,
    )

    def generated(code: str, index: int):
        templates = by_language[code]
        if not templates:
            return iter(())
        have = sum(len(t.paragraphs) for t in templates) if code == "en" else 0
        wanted = max(0, args.paragraphs_per_language - have)
        for parsed in Recombiner(templates, args.seed + index).resolutions(wanted):
            session, serial = parsed.number.rsplit("/", 1)
            number = f"{session}/{int(serial) + index * SERIAL_OFFSET}"
            symbol = BODIES[parsed.body].symbol(number)
            yield dataclasses.replace(parsed, number=number, symbol=symbol, language=code)

    everything = itertools.chain(by_language["en"], *(generated(code, index) for index, code in enumerate(LANGUAGES)))
    report = bulk_load(everything, progress=lambda line: print(line, file=sys.stderr))
    print(
        f"loaded {report.resolutions:,} resolutions, {report.paragraphs:,} paragraphs in "
        f"{time.perf_counter() - started:.0f} s: " + ", ".join(f"{k} {v:.0f} s" for k, v in report.seconds.items())
    )
    return 0


def measure(args) -> int:
    from django.db import connection
    from django.http import QueryDict
    from django.utils import translation

    from resolutions.models import Paragraph
    from resolutions.search import index
    from resolutions.web.search_request import perform

    counts = {code: Paragraph.all_languages.filter(language=code).count() for code in LANGUAGES}
    status = index.status()
    print(
        f"database {connection.settings_dict['NAME']}: "
        + ", ".join(f"{c} {n:,}" for c, n in counts.items())
        + f" paragraphs; index {status.describe()}"
    )
    rows = []
    with translation.override("en"):
        for code in LANGUAGES:
            for kind, text, *extra in QUERIES[code]:
                params = QueryDict(mutable=True)
                params.update({"q": text, "language": code, **(extra[0] if extra else {})})
                outcome = perform(params)  # warm-up: the index's files, jieba's dictionary
                if outcome.errors:
                    print(f"{code} {text!r}: {outcome.errors}", file=sys.stderr)
                    continue
                timings = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    outcome = perform(params)
                    timings.append((time.perf_counter() - started) * 1000)
                rows.append(
                    {
                        "language": code,
                        "kind": kind,
                        "query": text,
                        "hits": outcome.results.total,
                        "median_ms": round(statistics.median(timings), 2),
                        "max_ms": round(max(timings), 2),
                    }
                )
    english = {row["kind"]: row["median_ms"] for row in rows if row["language"] == "en"}
    print(f"{'language':8} {'kind':10} {'query':28} {'hits':>9} {'median ms':>10} {'max ms':>8} {'× en':>6}")
    for row in rows:
        ratio = row["median_ms"] / english[row["kind"]] if english.get(row["kind"]) else float("nan")
        row["ratio_to_english"] = round(ratio, 2)
        print(
            f"{row['language']:8} {row['kind']:10} {row['query'][:28]:28} {row['hits']:>9,} "
            f"{row['median_ms']:>10.1f} {row['max_ms']:>8.1f} {ratio:>6.2f}"
        )
    per_language = {
        code: round(statistics.median(r["median_ms"] for r in rows if r["language"] == code), 2)
        for code in LANGUAGES
        if any(r["language"] == code for r in rows)
    }
    print("median of the medians: " + ", ".join(f"{c} {ms:.1f} ms" for c, ms in per_language.items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"languages-{connection.settings_dict['NAME']}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"paragraphs": counts, "rows": rows, "per_language": per_language}, indent=2))
    print(f"written to {path.relative_to(PROJECT)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("build", help="the multilingual corpus, bulk-loaded (replaces the database's)")
    making.add_argument("--paragraphs-per-language", type=int, required=True)
    making.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    making.add_argument("--seed", type=int, default=0)
    making.add_argument("--replace", action="store_true")
    measuring = commands.add_parser("measure", help="search speed per language")
    measuring.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    _setup()
    return build(args) if args.command == "build" else measure(args)


if __name__ == "__main__":
    sys.exit(main())
