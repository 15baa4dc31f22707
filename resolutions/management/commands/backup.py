import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.database import libpq_environment, postgres_tool


class Command(BaseCommand):
    help = "Dump the archive's database to FILE (pg_dump custom format), embedded server or DATABASE_URL alike."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        env = {**os.environ, **libpq_environment(settings.DATABASES["default"])}
        result = subprocess.run(
            [postgres_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={file}"],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        self.stdout.write(f"wrote {file} ({file.stat().st_size:,} bytes)")
