"""Citation accuracy measured against the UN's own markup.

For every paragraph and footnote of the AKN corpus (``../shared/corpus/unxml-ga``
by default) the markup is stripped to plain text, the project's citation
finder runs on that text, and what it finds is compared with the symbols the
UN's editors linked in the same text (``<a href="https://undocs.org/en/SYMBOL">``).
Only files that carry at least one such link are measured: most of session 80
and part of 79 carry none, so there is nothing to compare with.

Both sides are compared as canonical symbols (``normalize_symbol``), case
folded. A link whose target spells a range of parts ("A/RES/61/16a-b") counts
for each part; a find with a part letter ("A/RES/54/237 C") matches a link to
the number without one, since the UN's editors often link the part to the
whole number. Precision = true finds / (true + false finds), recall = links
matched / UN links.

Prints a table and the largest groups of misses and false finds by pattern;
writes everything (with examples) to ``benchmarks/results/citation_accuracy.json``.

    .venv/bin/python benchmarks/citation_accuracy.py [CORPUS_DIR] [--examples N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from resolutions.citations.extract import find_citations  # noqa: E402
from resolutions.citations.symbols import normalize_symbol  # noqa: E402
from resolutions.ingest.akn.citations import UNDOCS_RE  # noqa: E402
from resolutions.ingest.akn.parse import text_units  # noqa: E402
from resolutions.ingest.document import ParseError, SkippedSource  # noqa: E402

DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus" / "unxml-ga"
RESULTS = PROJECT / "benchmarks" / "results"
PART_RANGE_RE = re.compile(r"^(?P<base>.*/RES/(?:(?:S|ES)-)?\d+/\d+)(?P<first>[a-h])-(?P<last>[a-h])$", re.IGNORECASE)


def link_targets(href: str) -> list[str]:
    """Canonical symbols a UN link points at ([] for links to anything but a document)."""
    if not UNDOCS_RE.match(href or ""):
        return []
    target = UNDOCS_RE.sub("", href.strip())
    target = re.sub(r"^[a-z]{2}/", "", target)
    parts = PART_RANGE_RE.match(target)
    if parts:
        letters = range(ord(parts["first"].upper()), ord(parts["last"].upper()) + 1)
        return [f"{normalize_symbol(parts['base'])} {chr(c)}" for c in letters]
    symbol = normalize_symbol(target)
    return [symbol] if symbol else [f"UNPARSEABLE:{target}"]


def pattern_of(symbol: str) -> str:
    """The shape of a symbol: digits folded ("A/RES/N/N", "S/RES/N(N)")."""
    return re.sub(r"\d+", "N", symbol.upper())


def context(text: str, start: int, end: int, width: int = 60) -> str:
    return f"…{text[max(0, start - width) : start]}[[{text[start:end]}]]{text[end : end + width]}…".replace("\n", " ")


def measure(corpus: Path, examples: int) -> dict:
    files = sorted(corpus.glob("*/English/*.xml"))
    stats = Counter()
    misses: dict[str, list] = defaultdict(list)
    false_finds: dict[str, list] = defaultdict(list)
    disagreements: list[dict] = []
    started = time.monotonic()
    for path in files:
        stats["files"] += 1
        try:
            units = text_units(path.read_bytes(), path.name)
        except SkippedSource:
            stats["files skipped (not English)"] += 1
            continue
        except ParseError as error:
            stats["files failed"] += 1
            print(f"failed: {error}", file=sys.stderr)
            continue
        if not any(link_targets(link.href) for unit in units for link in unit.rich.links):
            continue
        stats["files with UN links"] += 1
        linked_in_file = {
            symbol.upper() for unit in units for link in unit.rich.links for symbol in link_targets(link.href)
        }
        for unit in units:
            text = unit.rich.text
            stats["texts measured"] += 1
            expected: dict[str, tuple[int, int]] = {}
            for link in unit.rich.links:
                for symbol in link_targets(link.href):
                    expected.setdefault(symbol.upper(), (link.start, link.end))
            if expected:
                stats["texts with UN links"] += 1
            found: dict[str, tuple[int, int]] = {}
            for citation in find_citations(text):
                if citation.symbol.upper() == unit.resolution.upper():
                    continue  # a resolution naming itself is no citation (the importer drops these too)
                found.setdefault(citation.symbol.upper(), (citation.start, citation.end))
            # The UN often links a part ("54/237 C") to the whole number (A/RES/54/237): a find
            # with a part letter matches a link to the number without one.
            found_bases = {re.sub(r" [A-Z]{1,2}$", "", symbol): symbol for symbol in found}
            where = f"{path.name} {unit.resolution} {unit.where}"
            stats["UN links"] += len(expected)
            for symbol, (start, end) in expected.items():
                if symbol in found or symbol in found_bases:
                    stats["true finds"] += 1
                    continue
                stats["misses"] += 1
                same_span = [s for s, (fs, fe) in found.items() if fs < end and start < fe and s not in expected]
                entry = {"where": where, "symbol": symbol, "context": context(text, start, end)}
                base = re.sub(r" [A-Z]{1,2}$", "", symbol)
                if base != symbol and any(re.sub(r" [A-Z]{1,2}$", "", f) == base for f in found):
                    stats["misses: the link's part letter is not the printed one"] += 1
                impossible = re.fullmatch(r"A/RES/(\d+)/\d+(?: [A-Z]{1,2})?", symbol)
                if impossible and int(impossible[1]) < 31:
                    # The Assembly numbered "N/N" only from its 31st session: such a link names no resolution.
                    stats["misses: link to an A/RES/N/N that cannot exist"] += 1
                if same_span:
                    entry["finder_says"] = same_span[0]
                    disagreements.append(entry)
                misses[pattern_of(symbol)].append(entry)
            for symbol, (start, end) in found.items():
                if symbol in expected or re.sub(r" [A-Z]{1,2}$", "", symbol) in expected:
                    continue
                stats["false finds"] += 1
                entry = {
                    "where": where,
                    "symbol": symbol,
                    "context": context(text, start, end),
                    "text_has_other_links": bool(expected),
                }
                false_finds[pattern_of(symbol)].append(entry)
                if "/DEC/" in symbol:
                    stats["false finds: decisions (the UN links none)"] += 1
                elif symbol in linked_in_file:
                    stats["false finds: UN linked it elsewhere in the file"] += 1
    elapsed = time.monotonic() - started
    stats["found"] = stats["true finds"] + stats["false finds"]
    precision = stats["true finds"] / stats["found"] if stats["found"] else 0.0
    # The UN's editors link no decisions (one link to a decision document in the whole corpus),
    # so decisions the finder reports cannot be confirmed by this markup: measured apart.
    without_decisions = stats["found"] - stats["false finds: decisions (the UN links none)"]
    precision_without_decisions = stats["true finds"] / without_decisions if without_decisions else 0.0
    recall = stats["true finds"] / stats["UN links"] if stats["UN links"] else 0.0
    return {
        "corpus": str(corpus),
        "seconds": round(elapsed, 1),
        "precision": round(precision, 4),
        "precision_without_decisions": round(precision_without_decisions, 4),
        "recall": round(recall, 4),
        "counts": dict(stats),
        "misses_by_pattern": grouped(misses, examples),
        "false_finds_by_pattern": grouped(false_finds, examples),
        "same_span_disagreements": disagreements[: examples * 10],
    }


def grouped(groups: dict[str, list], examples: int) -> list[dict]:
    return [
        {"pattern": pattern, "count": len(entries), "examples": entries[:examples]}
        for pattern, entries in sorted(groups.items(), key=lambda item: -len(item[1]))
    ]


def print_report(result: dict, top: int) -> None:
    counts = result["counts"]
    print(f"Citation accuracy against the UN's markup ({result['corpus']}, {result['seconds']}s)")
    print(f"{'files':<50}{counts.get('files', 0):>10}")
    for name in (
        "files skipped (not English)",
        "files failed",
        "files with UN links",
        "texts measured",
        "texts with UN links",
        "UN links",
        "found",
        "true finds",
        "misses",
        "false finds",
        "misses: the link's part letter is not the printed one",
        "misses: link to an A/RES/N/N that cannot exist",
        "false finds: decisions (the UN links none)",
        "false finds: UN linked it elsewhere in the file",
    ):
        print(f"{name:<50}{counts.get(name, 0):>10}")
    print(f"{'precision':<50}{result['precision']:>10.4f}")
    print(f"{'precision, decisions apart':<50}{result['precision_without_decisions']:>10.4f}")
    print(f"{'recall':<50}{result['recall']:>10.4f}")
    for title, key in (
        ("misses (UN linked, finder did not find)", "misses_by_pattern"),
        ("false finds (finder found, UN did not link)", "false_finds_by_pattern"),
    ):
        print(f"\n{title}, by pattern:")
        for group in result[key][:top]:
            example = group["examples"][0]
            print(f"{group['count']:>6}  {group['pattern']:<28} e.g. {example['where']}: {example['context'][:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=5, help="examples kept per pattern in the JSON")
    parser.add_argument("--top", type=int, default=25, help="patterns printed per table")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: the benchmark needs ../shared/corpus/unxml-ga", file=sys.stderr)
        return 2
    result = measure(args.corpus, args.examples)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "citation_accuracy.json"
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print_report(result, args.top)
    print(f"\nwritten: {out.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
