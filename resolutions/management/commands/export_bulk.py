"""Write the whole archive as JSON Lines and CSV files with a README of the fields (``resolutions.exports.bulk``).

manage.py export_bulk                  # into BULK_DIR (var/bulk/), which /bulk/ serves
manage.py export_bulk DIR --site https://archive.example.org
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from resolutions.exports.bulk import write_bulk


class Command(BaseCommand):
    help = "Write the whole archive as JSON Lines and CSV files, with a README of the fields."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="where to write (default: BULK_DIR, served at /bulk/)")
        parser.add_argument("--site", default="", help="prefix of the permalinks, e.g. https://archive.example.org")

    def handle(self, *args, folder=None, site="", **options):
        target = Path(folder or settings.BULK_DIR)
        started = time.monotonic()
        manifest = write_bulk(target, site.rstrip("/"), progress=self.stdout.write)
        total = sum(entry["bytes"] for entry in manifest["files"].values())
        self.stdout.write(
            f"Wrote {len(manifest['files'])} data files ({total:,} bytes), README.md and manifest.json into {target} "
            f"in {time.monotonic() - started:.1f} s."
        )
