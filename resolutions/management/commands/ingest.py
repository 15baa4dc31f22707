"""``manage.py ingest``: import sources, one transaction per resolution (``resolutions.store.imports``).

On a terminal a progress bar (tqdm) shows the share of files done, the rate and
the time left, with warnings printed above it; elsewhere (a log, CI, a pipe)
the output is the one summary line, warnings and failures going to stderr.

Every source is kept beside the others of its resolution; the text comes from
the one the rule of ``resolutions.store.provenance`` gives. ``--dry-run`` writes
nothing and prints, per resolution, what an import would do: its outcome and
every paragraph address whose key or text would change (``~`` text changed,
``>`` moved to another key, ``-`` removed, ``+`` added).
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resolutions.ingest.pdf_ocr import TESSERACT_LANGUAGES
from resolutions.ingest.pipeline import format_modules, source_paths
from resolutions.search.index import indexing
from resolutions.store.imports import ImportRun, ImportTally, SourceImport, path_import
from resolutions.store.provenance import describe_changes


class Command(BaseCommand):
    help = "Import resolution sources (files or folders): one transaction per resolution."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--format", choices=sorted(format_modules()), help="skip detection")
        parser.add_argument("--quiet-warnings", action="store_true", help="count warnings, do not print them")
        parser.add_argument(
            "--ocr-language",
            default="en",
            choices=sorted(TESSERACT_LANGUAGES),
            help="with --format pdf-ocr: the language the scans are printed in (default: en)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="write nothing; print what each resolution's import would change (paragraph keys and texts)",
        )

    # One index writer for the whole run: each resolution's documents follow its database commit, and the
    # index commits about every second, so searches during a long import see it progress.
    @indexing()
    def handle(self, *args, paths: list[Path], format: str | None, quiet_warnings: bool, dry_run: bool, **options):
        files = source_paths(paths)
        if not files:
            raise CommandError("no source files found in " + ", ".join(map(str, paths)))
        tally = ImportTally(files=len(files), dry_run=dry_run)
        run = ImportRun()  # refuses two files giving one symbol different texts
        started = time.monotonic()
        progress = sys.stderr.isatty()
        bar = tqdm(files, unit="file", file=sys.stderr, disable=not progress, dynamic_ncols=True)
        for path in bar:
            bar.set_postfix_str(path.name[:40], refresh=False)
            imported = path_import(
                path=path, format=format, dry_run=dry_run, ocr_language=options["ocr_language"], run=run
            )
            tally.add(imported)
            self._show(
                path, imported, progress, warnings=not quiet_warnings, plans=dry_run, verbose=options["verbosity"] > 1
            )
        bar.close()
        run.finish()  # the agreed-language lineage of what the run wrote
        for failure in tally.failures:
            self.stderr.write(f"failed: {failure}")
        self.stdout.write(tally.summary(time.monotonic() - started))
        if tally.failures:
            raise CommandError(f"{len(tally.failures)} source(s) failed")

    def _show(self, path: Path, imported: SourceImport, progress: bool, *, warnings: bool, plans: bool, verbose: bool):
        """What one source's import says as it happens: a skip, its warnings, and a dry run's plans."""
        if imported.skipped and verbose:
            self._note(progress, f"skipped: {path}: {imported.skipped}")
        for message in imported.warnings if warnings else []:
            self._note(progress, f"warning: {path.name}: {message}")
        for result in imported.results if plans else []:
            self._show_plan(result)

    def _show_plan(self, result) -> None:
        """What importing one resolution would do, and the diff of its paragraph addresses."""
        self.stdout.write(f"{result.symbol}: would be {result.describe()}")
        for line in describe_changes(result.changes):
            self.stdout.write(f"  {line}")

    def _note(self, progress: bool, message: str) -> None:
        """A line for the reader: above the progress bar on a terminal, else on stderr."""
        if progress:
            tqdm.write(message, file=sys.stderr)
        else:
            self.stderr.write(message)
