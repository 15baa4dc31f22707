import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.database import libpq_environment, postgres_tool


class Command(BaseCommand):
    help = (
        "Dump the archive's database to FILE (pg_dump custom format), embedded server or DATABASE_URL alike. "
        "The dump is written beside FILE and renamed over it only once complete, so a failed dump (a full disk) "
        "leaves an earlier backup as it was; an empty or unmigrated archive is refused, never backed up."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        self._refuse_an_empty_archive()
        partial = file.with_name(f".{file.name}.partial-{os.getpid()}")
        env = {**os.environ, **libpq_environment(settings.DATABASES["default"])}
        try:
            result = subprocess.run(
                [postgres_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}"],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_dump failed, {file} left as it was: {result.stderr.strip()}")
            with open(partial, "rb") as written:
                os.fsync(written.fileno())
            os.replace(partial, file)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"wrote {file} ({file.stat().st_size:,} bytes)")

    def _refuse_an_empty_archive(self) -> None:
        from resolutions.models import Resolution

        name = connection.settings_dict["NAME"]
        if Resolution._meta.db_table not in connection.introspection.table_names():
            raise CommandError(
                f"database {name!r} holds no archive (not migrated: is this the database you meant? "
                "a missing data folder gives a new, empty one): nothing backed up"
            )
        if not Resolution.objects.exists():
            raise CommandError(f"database {name!r} holds no resolutions: an empty archive is not backed up")
