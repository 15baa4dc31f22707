"""Build the scale benchmark's corpus: real resolutions plus generated ones, bulk-loaded."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from resolutions.store import bulk as scale

DEFAULT_CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "unxml-ga"
RESULTS = Path(settings.BASE_DIR) / "benchmarks" / "results"


def human_bytes(value: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1024
    return str(value)


class Command(BaseCommand):
    help = (
        "REPLACE the database's resolutions with the real corpus plus generated resolutions, "
        "up to --paragraphs (COPY, indexes rebuilt after the load; see resolutions/scale.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paragraphs", type=int, required=True, help="total paragraphs wanted, e.g. 1000000")
        parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of real AKN resolutions")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--replace", action="store_true", help="confirm that the database's resolutions are replaced"
        )

    def handle(self, *args, paragraphs, corpus, seed, replace, **options):
        if paragraphs <= 0:
            raise CommandError("--paragraphs must be positive")
        if not corpus.is_dir():
            raise CommandError(f"no corpus folder at {corpus} (give one with --corpus)")
        name = connection.settings_dict["NAME"]
        if not replace:
            raise CommandError(
                f"this replaces every resolution in database {name!r}: use a database of its own "
                "(EMBEDDED_PG_DBNAME=archive_scale) and confirm with --replace"
            )
        try:
            report = scale.build(corpus, paragraphs, seed=seed, progress=self.progress)
        except (ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from None

        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / f"corpus-{name}-{paragraphs}.json"
        path.write_text(json.dumps(report.as_dict(), indent=2, default=str))
        load = report.load
        self.stdout.write(
            f"database {name}: {load.resolutions:,} resolutions ({load.synthetic_resolutions:,} generated), "
            f"{load.paragraphs:,} paragraphs, {load.footnotes:,} footnotes, {load.citations:,} citations, "
            f"{load.votes:,} votes"
        )
        if report.failed_sources:
            self.stdout.write(
                f"{len(report.failed_sources)} real sources failed to parse, e.g. {report.failed_sources[0]}"
            )
        self.stdout.write(
            f"parse of the real corpus: {report.parse_seconds:.1f} s ({report.skipped_sources} other-language files skipped)"
        )
        self.stdout.write(
            f"load and index: {report.load_seconds:.1f} s = "
            + ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in load.seconds.items())
        )
        slowest = sorted(load.index_seconds.items(), key=lambda item: -item[1])[:4]
        self.stdout.write("slowest rebuilds: " + ", ".join(f"{n} {s:.1f} s" for n, s in slowest))
        self.stdout.write(
            "sizes: "
            + ", ".join(
                f"{key} {human_bytes(value)}"
                for key, value in report.sizes.items()
                if key == "database" or key.startswith(("table resolutions_paragraph", "indexes ", "index paragraph_"))
            )
        )
        self.stdout.write("paragraphs matching: " + ", ".join(f"{w} {s:.1%}" for w, s in report.word_shares.items()))
        self.stdout.write(f"written to {path.relative_to(settings.BASE_DIR)}")

    def progress(self, message: str) -> None:
        self.stderr.write(message)
