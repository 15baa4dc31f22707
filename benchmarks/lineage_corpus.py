"""Agreed language on the real corpus: how much of a session repeats its predecessors, and a sample to check by hand.

The UN's AKN files of two General Assembly sessions (``../shared/corpus/unxml-ga/<session>/English``) are
parsed by the import pipeline (``parse_path``, pure: no database), and each resolution of the later session
whose title (``lineage.text.normalised``) also stands in the earlier one is aligned with it
(``lineage.align``, as the store does). Every paragraph of those later resolutions is counted: verbatim,
near repeat (edited, split or merged) or new — the issue's measure ("of the paragraphs of the GA session-79
resolutions whose title also stands in session 78").

``--sample N`` draws N aligned pairs that are not verbatim (edited, split, merged: the pairs the alignment
can get wrong; verbatim pairs are equal wordings by construction) reproducibly (``--seed``) and writes them,
both texts and the word diff, to ``benchmarks/results/lineage-pairs-<earlier>-<later>.txt`` for a person to
judge.

    .venv/bin/python benchmarks/lineage_corpus.py [--earlier 78 --later 79] [--sample 50] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from resolutions.ingest.document import ParseError, SkippedSource  # noqa: E402
from resolutions.ingest.pipeline import parse_path, source_paths  # noqa: E402
from resolutions.lineage import align as align_module  # noqa: E402
from resolutions.lineage.align import EDITED, MERGED, NEW, SPLIT, VERBATIM, align  # noqa: E402
from resolutions.lineage.diff import word_diff  # noqa: E402
from resolutions.lineage.text import normalised  # noqa: E402

DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus" / "unxml-ga"
RESULTS = PROJECT / "benchmarks" / "results"


def session_resolutions(corpus: Path, session: int) -> list:
    found = []
    for path in source_paths([corpus / str(session) / "English"]):
        try:
            found += [r for r in parse_path(path).resolutions if r.body == "GA"]
        except (ParseError, SkippedSource):
            continue
    return found


def marked(old: str, new: str) -> str:
    return "".join(
        f"[-{c.text}-]" if c.op == "delete" else f"{{+{c.text}+}}" if c.op == "insert" else c.text
        for c in word_diff(old, new)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--earlier", type=int, default=78)
    parser.add_argument("--later", type=int, default=79)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--band",
        type=float,
        nargs=2,
        metavar=("LOW", "HIGH"),
        help="sample only pairs whose similarity lies in [LOW, HIGH): the precision of the pairs near the threshold",
    )
    parser.add_argument(
        "--threshold", type=float, help="align with this EDITED_THRESHOLD instead of the one in align.py"
    )
    args = parser.parse_args()
    if args.threshold is not None:
        align_module.EDITED_THRESHOLD = args.threshold
    started = time.monotonic()
    earlier = session_resolutions(args.corpus, args.earlier)
    later = session_resolutions(args.corpus, args.later)
    by_title = defaultdict(list)
    for resolution in earlier:
        by_title[normalised(resolution.title)].append(resolution)
    count: Counter = Counter()
    pairs = []
    series = 0
    for resolution in later:
        candidates = by_title.get(normalised(resolution.title))
        if not candidates:
            continue
        series += 1
        # Two of the same title in the earlier session (rare): the one adopted last is the predecessor.
        predecessor = max(candidates, key=lambda r: (str(r.adopted_on or ""), r.symbol))
        old, new = predecessor.paragraphs, resolution.paragraphs
        alignment = align([p.text for p in old], [p.text for p in new])
        for link in alignment.links:
            kind = {VERBATIM: "verbatim", NEW: "new"}.get(link.relation, "near repeat")
            count[kind] += len(link.new)
            if link.relation in (EDITED, SPLIT, MERGED):
                for j in link.new:
                    for i in link.old:
                        pairs.append((predecessor.symbol, old[i], resolution.symbol, new[j], link))
    total = sum(count.values())
    print(
        f"GA {args.earlier} → {args.later}: {len(later)} resolutions of session {args.later} parsed, {series} with a "
        f"title that stands in session {args.earlier}; their {total} paragraphs: "
        + ", ".join(f"{kind} {count[kind]} ({count[kind] / total:.1%})" for kind in ("verbatim", "near repeat", "new"))
        + f" ({time.monotonic() - started:.0f} s)"
    )
    print(
        "near-repeat pairs by similarity: "
        + ", ".join(
            f"[{low:.2f}, {low + 0.05:.2f}): {sum(low <= p[4].similarity < low + 0.05 for p in pairs)}"
            for low in (0.55, 0.6, 0.65, 0.7, 0.75)
        )
        + f", ≥ 0.80: {sum(p[4].similarity >= 0.8 for p in pairs)}"
    )
    band = ""
    if args.band:
        pairs = [p for p in pairs if args.band[0] <= p[4].similarity < args.band[1]]
        band = f"-{args.band[0]:.2f}-{args.band[1]:.2f}"
    rng = random.Random(args.seed)
    sample = rng.sample(pairs, min(args.sample, len(pairs)))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"lineage-pairs-{args.earlier}-{args.later}{band}.txt"
    with out.open("w") as file:
        for number, (old_symbol, old, new_symbol, new, link) in enumerate(sample, 1):
            file.write(
                f"#{number} {new_symbol} {new.key} ← {old_symbol} {old.key}: {link.relation}"
                f"{' moved' if link.moved else ''}, similarity {link.similarity:.3f}\n"
                f"  earlier: {old.text}\n  later:   {new.text}\n  diff:    {marked(old.text, new.text)}\n\n"
            )
    print(f"{len(sample)} of {len(pairs)} near-repeat pairs (seed {args.seed}) written to {out} for checking by hand")


if __name__ == "__main__":
    main()
