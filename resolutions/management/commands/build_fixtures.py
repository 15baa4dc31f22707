from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resolutions.ingest import fixture_json
from resolutions.ingest.document import ParseError
from resolutions.ingest.pipeline import parse_path, source_paths

SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "resolutions.json"


def generate_fixture(sources: Path = SOURCES) -> str:
    """The fixture's text, parsed afresh from the sources (sorted by symbol)."""
    resolutions = []
    for path in source_paths([sources]):
        resolutions.extend(parse_path(path).resolutions)
    resolutions.sort(key=lambda r: r.symbol)
    return fixture_json.dumps(resolutions)


class Command(BaseCommand):
    help = "Regenerate fixtures/resolutions.json from fixtures/sources/ (no database)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="fail if the committed fixture is stale")

    def handle(self, *args, check: bool, **options):
        try:
            text = generate_fixture()
        except ParseError as error:
            raise CommandError(str(error)) from None
        if check:
            if not FIXTURE.exists() or FIXTURE.read_text(encoding="utf-8") != text:
                raise CommandError(f"{FIXTURE} is stale: run `python manage.py build_fixtures`")
            self.stdout.write("fixture is up to date")
            return
        FIXTURE.write_text(text, encoding="utf-8")
        self.stdout.write(f"wrote {FIXTURE}")
