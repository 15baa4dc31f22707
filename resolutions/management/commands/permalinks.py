from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resolutions.ingest import fixture_json
from resolutions.ingest.document import ParseError, SourceInfo
from resolutions.permalinks import permalinks_tsv

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "resolutions.json"
PERMALINKS = Path(settings.BASE_DIR) / "fixtures" / "permalinks.tsv"


class Command(BaseCommand):
    help = (
        "The list of every paragraph permalink of fixtures/resolutions.json with a hash of its text "
        "(no database). Prints it; --write updates fixtures/permalinks.tsv; --check fails when that file differs."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--write", action="store_true", help=f"write {PERMALINKS.name}")
        group.add_argument("--check", action="store_true", help=f"fail if {PERMALINKS.name} differs from a fresh list")

    def handle(self, *args, write: bool, check: bool, **options):
        try:
            document = fixture_json.parse(FIXTURE.read_bytes(), SourceInfo(FIXTURE.name, fixture_json.FORMAT, ""))
        except (OSError, ParseError) as error:
            raise CommandError(str(error)) from None
        text = permalinks_tsv(document.resolutions)
        if check:
            if not PERMALINKS.exists() or PERMALINKS.read_text(encoding="utf-8") != text:
                raise CommandError(
                    f"{PERMALINKS} differs from the fixture's paragraphs: a permalink or a paragraph text changed. "
                    "If that is intended, run `python manage.py permalinks --write` and commit it."
                )
            self.stdout.write("permalink list is up to date")
        elif write:
            PERMALINKS.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {PERMALINKS} ({text.count(chr(10)) - 2} permalinks)")
        else:
            self.stdout.write(text, ending="")
