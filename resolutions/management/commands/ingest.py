import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.ingest.document import ParseError, SkippedSource
from resolutions.ingest.pipeline import format_modules, parse_path, source_paths
from resolutions.loading import LoadError, load_resolution
from resolutions.search.index import indexing


class Command(BaseCommand):
    help = "Import resolution sources (files or folders): one transaction per resolution."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--format", choices=sorted(format_modules()), help="skip detection")
        parser.add_argument("--quiet-warnings", action="store_true", help="count warnings, do not print them")

    # One index writer for the whole run: each resolution's documents follow its database commit, and the
    # index commits about every second, so searches during a long import see it progress.
    @indexing()
    def handle(self, *args, paths: list[Path], format: str | None, quiet_warnings: bool, **options):
        files = source_paths(paths)
        if not files:
            raise CommandError("no source files found in " + ", ".join(map(str, paths)))
        counts: Counter[str] = Counter()
        failures: list[str] = []
        warnings = 0
        paragraphs = 0
        started = time.monotonic()
        progress = sys.stderr.isatty()
        for index, path in enumerate(files, start=1):
            if progress:
                sys.stderr.write(f"\r[{index}/{len(files)}] {path.name[:60]:<60}")
                sys.stderr.flush()
            try:
                document = parse_path(path, format)
            except SkippedSource as reason:
                counts["skipped"] += 1
                if not progress:
                    self.stdout.write(f"skipped {path}: {reason}")
                continue
            except ParseError as error:
                failures.append(str(error))
                continue
            for message in document.warnings + [w for r in document.resolutions for w in r.warnings]:
                warnings += 1
                if not quiet_warnings:
                    self.stderr.write(f"{'\n' if progress else ''}warning: {path.name}: {message}")
            for parsed in document.resolutions:
                try:
                    result = load_resolution(parsed)
                except LoadError as error:
                    failures.append(str(error))
                    continue
                counts[result.outcome] += 1
                paragraphs += result.paragraphs
        if progress:
            sys.stderr.write("\n")
        elapsed = time.monotonic() - started
        for failure in failures:
            self.stderr.write(f"failed: {failure}")
        self.stdout.write(
            f"{len(files)} files in {elapsed:.1f}s: {counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['skipped']} skipped, {len(failures)} failed; "
            f"{paragraphs} paragraphs, {warnings} warnings"
        )
        if failures:
            raise CommandError(f"{len(failures)} source(s) failed")
