"""``manage.py permalinks``: the permalink list of the fixtures, and a proof that a database's permalinks hold.

``--snapshot FILE`` writes every paragraph address the database answers, with
the SHA-256 of its text; after any imports, ``--verify FILE`` reads each one
as the paragraph view does (following moves, as a browser follows the 301)
and fails, naming them, when one no longer answers with the same text.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resolutions.ingest import fixture_json
from resolutions.ingest.document import ParseError, SourceInfo
from resolutions.reference.permalinks import permalinks_tsv, read_permalinks_tsv, text_hash
from resolutions.web.selectors.permalinks import permalink_list_tsv, permalink_texts


def fixture_path() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / "resolutions.json"


def permalinks_path() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / "permalinks.tsv"


class Command(BaseCommand):
    help = (
        "The list of every paragraph permalink of fixtures/resolutions.json with a hash of its text "
        "(no database). Prints it; --write updates fixtures/permalinks.tsv; --check fails when that file differs."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--write", action="store_true", help="write fixtures/permalinks.tsv")
        group.add_argument(
            "--check", action="store_true", help="fail if fixtures/permalinks.tsv differs from a fresh list"
        )
        group.add_argument(
            "--snapshot", type=Path, metavar="FILE", help="write every paragraph address of the database"
        )
        group.add_argument(
            "--verify",
            type=Path,
            metavar="FILE",
            help="fail unless every address of a snapshot answers 200 with the same text",
        )

    def handle(self, *args, write: bool, check: bool, snapshot: Path | None, verify: Path | None, **options):
        if snapshot:
            text = permalink_list_tsv()
            snapshot.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {snapshot} ({text.count(chr(10)) - 2} permalinks)")
            return
        if verify:
            self._verify(verify)
            return
        fixture, permalinks = fixture_path(), permalinks_path()
        try:
            document = fixture_json.parse(fixture.read_bytes(), SourceInfo(fixture.name, fixture_json.FORMAT, ""))
        except (OSError, ParseError) as error:
            raise CommandError(str(error)) from None
        text = permalinks_tsv(document.resolutions)
        if check:
            if not permalinks.exists() or permalinks.read_text(encoding="utf-8") != text:
                raise CommandError(
                    f"{permalinks} differs from the fixture's paragraphs: a permalink or a paragraph text changed. "
                    "If that is intended, run `python manage.py permalinks --write` and commit it."
                )
            self.stdout.write("permalink list is up to date")
        elif write:
            permalinks.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {permalinks} ({text.count(chr(10)) - 2} permalinks)")
        else:
            self.stdout.write(text, ending="")

    def _verify(self, path: Path) -> None:
        try:
            listed = read_permalinks_tsv(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error}") from None
        failures = []
        answered = permalink_texts(urls=[url for url, _ in listed])
        for url, expected in listed:
            text = answered[url]
            if text is None:
                failures.append(f"{url}: HTTP 404")
            elif text_hash(text) != expected:
                failures.append(f"{url}: the text changed")
        for failure in failures[:50]:
            self.stderr.write(failure)
        if failures:
            raise CommandError(f"{len(failures)} of {len(listed)} permalinks no longer answer 200 with the same text")
        self.stdout.write(f"all {len(listed)} permalinks answer 200 with the same text")
