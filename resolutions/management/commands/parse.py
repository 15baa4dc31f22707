import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.ingest.document import ParseError, SkippedSource
from resolutions.ingest.pipeline import format_modules, parse_path


class Command(BaseCommand):
    help = "Parse one source file and print its structure (no database)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=sorted(format_modules()), help="skip detection")
        parser.add_argument("--json", action="store_true", help="print JSON (stable field names)")

    def handle(self, *args, file: Path, format: str | None, json: bool, **options):
        try:
            document = parse_path(file, format)
        except (ParseError, SkippedSource) as error:
            raise CommandError(str(error)) from None
        if json:
            self.stdout.write(_as_json(document))
            return
        for resolution in document.resolutions:
            self.stdout.write(f"{resolution.symbol}  {resolution.title}")
            self.stdout.write(
                f"  {len(resolution.paragraphs)} paragraphs, {len(resolution.footnotes)} footnotes, "
                f"{len(resolution.citations)} citations"
            )
            for warning in resolution.warnings:
                self.stderr.write(f"  warning: {warning}")
        for warning in document.warnings:
            self.stderr.write(f"warning: {warning}")


def _as_json(document) -> str:
    items = [resolution.to_dict() for resolution in document.resolutions]
    payload = items[0] if len(items) == 1 else {"resolutions": items}
    if len(items) == 1 and document.warnings:
        payload["warnings"] = payload["warnings"] + document.warnings
    return json.dumps(payload, indent=2, ensure_ascii=False)
