"""``manage.py language_alignment``: per language, the paragraphs held and how many align by key with the English."""

from django.core.management.base import BaseCommand

from resolutions.reference.languages.official import OFFICIAL_LANGUAGES
from resolutions.store.alignment import alignment_report


class Command(BaseCommand):
    help = (
        "Print, per language other than English, the source files and paragraphs held, how many paragraphs align "
        "by key with the English text of the same resolution, and every misalignment with its cause."
    )

    def add_arguments(self, parser):
        parser.add_argument("--summary", action="store_true", help="the figures only, not each misalignment")

    def handle(self, *args, summary: bool, **options):
        figures = alignment_report()
        self.stdout.write(
            f"{'language':<10}{'files':>7}{'resolutions':>13}{'paragraphs':>12}{'aligned':>9}{'share':>8}"
            f"{'misaligned':>12}{'no English':>12}"
        )
        for item in figures:
            comparable = item.paragraphs - item.without_english
            share = f"{item.aligned / comparable:.2%}" if comparable else "–"
            self.stdout.write(
                f"{OFFICIAL_LANGUAGES[item.language]:<10}{item.sources:>7}{item.resolutions:>13}"
                f"{item.paragraphs:>12}{item.aligned:>9}{share:>8}{len(item.misalignments):>12}"
                f"{item.without_english:>12}"
            )
        if summary:
            return
        for item in figures:
            for found in item.misalignments:
                pair = f"{found.english_key or '–'} (en) / {found.key or '–'} ({found.language})"
                self.stdout.write(f"{found.symbol:<16}{pair:<34}{found.cause}")
