import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.database import libpq_environment, postgres_tool


class Command(BaseCommand):
    help = (
        "Restore a dump made by `manage.py backup` into the configured database, "
        "which must be empty (a fresh database): nothing is overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(f"{file}: no such file")
        from django.db import connection

        if "resolutions_resolution" in connection.introspection.table_names():
            raise CommandError(
                f"database {connection.settings_dict['NAME']!r} is not empty: restore into a fresh database "
                "(set DATABASE_URL or EMBEDDED_PG_DBNAME to a new name)"
            )
        env = {**os.environ, **libpq_environment(settings.DATABASES["default"])}
        result = subprocess.run(
            [
                postgres_tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(file),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        self.stdout.write(f"restored {file} into {settings.DATABASES['default']['NAME']}")
