"""``manage.py lineage rebuild``: recompute agreed language (series, paragraph links, signatures) for the
whole archive (``resolutions.store.lineage``). Imports refresh what they touch; this repairs or
initialises everything, e.g. after a bulk load."""

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from resolutions.models import Paragraph
from resolutions.store.lineage import lineage_rebuild


class Command(BaseCommand):
    help = "Recompute series, paragraph lineage and near-repeat signatures for the whole archive."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--workers", type=int, default=None, help="processes signing paragraphs (default 2)")

    def handle(self, *args, action: str, workers: int | None, **options):
        started = time.monotonic()
        bar = tqdm(total=Paragraph.objects.count(), unit="paragraph", file=sys.stderr, disable=not sys.stderr.isatty())
        tally = lineage_rebuild(workers=workers, progress=bar.update)
        bar.close()
        self.stdout.write(f"{tally.summary()} in {time.monotonic() - started:.1f}s")
