"""Agreed language at scale: "where was this wording used before" and the comparison page, measured.

On the database named by EMBEDDED_PG_DBNAME (the scale corpus of ``build_scale_corpus``, with
``manage.py lineage rebuild`` run after it):

1. Latency: ``--queries`` paragraphs drawn reproducibly (``--seed``) among those of at least
   ``near.MIN_WORDS`` words, each pasted as a draft's wording: the selector alone
   (``used_before``: exact hash, LSH candidates from PostgreSQL, rapidfuzz scores) and the whole page
   (``/agreed-language/?text=…`` in process: form, selector, presenter with the marked differences,
   template). Median and p95, warm (each query asked once before the timed run).
2. Recall of near repeats: for the first ``--recall-sample`` of those wordings, every paragraph of the
   archive scored exhaustively with the same similarity (rapidfuzz over all normalised texts held in
   memory); recall = the share of paragraphs at least ``near.NEAR_THRESHOLD`` alike that the indexed
   lookup finds (pooled over the sample, and the worst single query).
3. The comparison page of ``--compare`` against its predecessor (or ``--compare-from``), computed each
   time (the page cache off): median and p95 of ``--compare-runs``.

    EMBEDDED_PG_DBNAME=archive_scale .venv/bin/python benchmarks/lineage_bench.py [--queries 300] [--recall-sample 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from resolutions.lineage.align import align  # noqa: E402
from resolutions.lineage.near import MIN_WORDS, NEAR_THRESHOLD  # noqa: E402
from resolutions.lineage.text import normalised  # noqa: E402
from resolutions.models import Paragraph, ParagraphLink, ParagraphSignature, Resolution, SeriesStep  # noqa: E402
from resolutions.web.selectors.lineage import predecessor_get, used_before  # noqa: E402

RESULTS = PROJECT / "benchmarks" / "results"
FULL = 10**9  # no limit: every paragraph the lookup finds, for recall
RECALL_SLICE = 50_000  # paragraphs scored against the whole sample at a time in the exhaustive comparison


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def sample_wordings(count: int, seed: int) -> list[tuple[int, str]]:
    """``count`` paragraphs of at least MIN_WORDS words, drawn reproducibly by id."""
    rng = random.Random(seed)
    ids = list(
        ParagraphSignature.objects.filter(words__gte=MIN_WORDS)
        .values_list("paragraph_id", flat=True)
        .order_by("paragraph_id")
    )
    chosen = sorted(rng.sample(ids, min(count, len(ids))))
    texts = dict(Paragraph.objects.filter(pk__in=chosen).values_list("pk", "text"))
    rng.shuffle(chosen)
    return [(pk, texts[pk]) for pk in chosen]


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def latency(wordings: list[tuple[int, str]]) -> dict:
    client = Client()
    for _, text in wordings:  # warm: each query asked once
        used_before(text=text, limit=100)
    selector = [timed(lambda text=text: used_before(text=text, limit=100)) for _, text in wordings]
    with override_settings(PAGE_CACHE_SECONDS=0):
        page = [
            timed(lambda text=text: client.get("/agreed-language/", {"text": text}, HTTP_HOST="localhost"))
            for _, text in wordings
        ]
    found = [used_before(text=text, limit=1).total for _, text in wordings[:50]]
    return {
        "queries": len(wordings),
        "selector_ms": {"median": statistics.median(selector), "p95": percentile(selector, 0.95), "max": max(selector)},
        "page_ms": {"median": statistics.median(page), "p95": percentile(page, 0.95), "max": max(page)},
        "matches_per_query_median": statistics.median(found),
    }


def recall(wordings: list[tuple[int, str]]) -> dict:
    started = time.monotonic()
    pks, texts = [], []
    for pk, text in Paragraph.objects.values_list("pk", "text").order_by().iterator(chunk_size=20_000):
        pks.append(pk)
        texts.append(normalised(text))
    loaded = time.monotonic() - started
    # Every wording of the sample against every paragraph: rapidfuzz's cdist, a slice of the archive at a time
    # (the score matrix of a slice stays small), on every core.
    queries = [normalised(text) for _, text in wordings]
    exhaustive: list[set[int]] = [set() for _ in wordings]
    started = time.monotonic()
    for start in range(0, len(texts), RECALL_SLICE):
        scores = process.cdist(
            queries,
            texts[start : start + RECALL_SLICE],
            scorer=fuzz.ratio,
            score_cutoff=NEAR_THRESHOLD * 100,
            workers=-1,
        )
        for query, column in zip(*scores.nonzero(), strict=True):
            exhaustive[query].add(pks[start + column])
    scored = time.monotonic() - started
    wanted_total = found_total = 0
    worst = 1.0
    per_query = []
    for (pk, text), wanted in zip(wordings, exhaustive, strict=True):
        looked_up = {f.paragraph.pk for f in used_before(text=text, limit=FULL).found}
        hit = len(wanted & looked_up)
        wanted_total += len(wanted)
        found_total += hit
        share = hit / len(wanted) if wanted else 1.0
        worst = min(worst, share)
        per_query.append({"paragraph": pk, "near": len(wanted), "found": hit, "extra": len(looked_up - wanted)})
    return {
        "sample": len(wordings),
        "near_repeats": wanted_total,
        "found": found_total,
        "recall": found_total / wanted_total if wanted_total else 1.0,
        "worst_query_recall": worst,
        "found_not_near": sum(q["extra"] for q in per_query),
        "texts_loaded_s": loaded,
        "exhaustive_s": scored,
        "per_query": per_query,
    }


def comparison(symbol: str, earlier_symbol: str | None, runs: int) -> dict:
    later = Resolution.objects.get(symbol=symbol)
    earlier = Resolution.objects.get(symbol=earlier_symbol) if earlier_symbol else predecessor_get(resolution=later)
    if earlier is None:
        return {"error": f"{symbol} has no predecessor in a series"}
    client = Client()
    query = {"to": later.symbol, "from": earlier.symbol}
    with override_settings(PAGE_CACHE_SECONDS=0):
        response = client.get("/compare/", query, HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code
        times = [timed(lambda: client.get("/compare/", query, HTTP_HOST="localhost")) for _ in range(runs)]
    # The page reads back the alignment kept at import when ``earlier`` is ``later``'s predecessor; any other
    # pair is aligned on the request: that alignment alone, timed on the same two resolutions.
    stored = (
        SeriesStep.objects.filter(resolution=later, predecessor=earlier).exists()
        and ParagraphLink.objects.filter(paragraph__resolution=later).exists()
    )
    old = list(Paragraph.objects.filter(resolution=earlier).order_by("order").values_list("text", flat=True))
    new = list(Paragraph.objects.filter(resolution=later).order_by("order").values_list("text", flat=True))
    aligning = [timed(lambda: align(old, new)) for _ in range(max(3, runs // 5))]
    return {
        "later": later.symbol,
        "earlier": earlier.symbol,
        "alignment": "stored at import" if stored else "computed on the request",
        "align_ms": {"median": statistics.median(aligning), "p95": percentile(aligning, 0.95)},
        "paragraphs": [later.paragraphs.count(), earlier.paragraphs.count()],
        "page_ms": {"median": statistics.median(times), "p95": percentile(times, 0.95)},
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--recall-sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--compare", default="A/RES/79/1")
    parser.add_argument("--compare-from", default=None)
    parser.add_argument("--compare-runs", type=int, default=30)
    args = parser.parse_args()
    paragraphs = Paragraph.objects.count()
    signatures = ParagraphSignature.objects.count()
    print(f"database {settings.DATABASES['default']['NAME']}: {paragraphs:,} paragraphs, {signatures:,} signatures")
    if signatures != paragraphs:
        sys.exit("the signatures are not in step with the paragraphs: run `manage.py lineage rebuild` first")
    if ParagraphSignature.objects.filter(characters=0, words__gt=0).exists():
        sys.exit("signatures without their wording: run `manage.py migrate` (0019 fills them) first")
    figures: dict = {"paragraphs": paragraphs, "load_average_at_start": os.getloadavg()}
    print("load average at start: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    wordings = sample_wordings(args.queries, args.seed) if args.queries else []
    if wordings:  # --queries 0 times the comparison page alone
        figures["latency"] = latency(wordings)
        lat = figures["latency"]
        print(
            f"used before, {lat['queries']} pasted paragraphs: selector median {lat['selector_ms']['median']:.1f} ms, "
            f"p95 {lat['selector_ms']['p95']:.1f} ms; whole page median {lat['page_ms']['median']:.1f} ms, "
            f"p95 {lat['page_ms']['p95']:.1f} ms (target p95 ≤ 100 ms); median matches {lat['matches_per_query_median']}"
        )
    figures["compare"] = comparison(args.compare, args.compare_from, args.compare_runs)
    cmp_ = figures["compare"]
    if "error" in cmp_:
        print(f"compare: {cmp_['error']}")
    else:
        print(
            f"compare {cmp_['later']} ({cmp_['paragraphs'][0]} paragraphs) with {cmp_['earlier']} "
            f"({cmp_['paragraphs'][1]}): median {cmp_['page_ms']['median']:.1f} ms, p95 {cmp_['page_ms']['p95']:.1f} ms "
            f"(target ≤ 100 ms), {cmp_['bytes']:,} bytes; alignment {cmp_['alignment']}; computing it for "
            f"any other pair: median {cmp_['align_ms']['median']:.1f} ms"
        )
    if not wordings or not args.recall_sample:
        return
    figures["recall"] = recall(wordings[: args.recall_sample])
    rec = figures["recall"]
    print(
        f"recall of near repeats (≥ {NEAR_THRESHOLD:.2f} alike) on {rec['sample']} wordings against an exhaustive "
        f"comparison: {rec['found']}/{rec['near_repeats']} = {rec['recall']:.4f} (target ≥ 0.95); worst single "
        f"query {rec['worst_query_recall']:.3f}; found but not that alike: {rec['found_not_near']} "
        f"(exhaustive comparison {rec['exhaustive_s']:.0f} s)"
    )
    figures["load_average_at_end"] = os.getloadavg()
    print("load average at end: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"lineage-{settings.DATABASES['default']['NAME']}-{paragraphs}.json"
    out.write_text(json.dumps(figures, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
