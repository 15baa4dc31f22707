import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.utils import OperationalError


class Command(BaseCommand):
    help = "Wait until the database accepts connections (for container start-up)."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=60.0, help="seconds before giving up")

    def handle(self, *args, timeout: float, **options):
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection.ensure_connection()
                self.stdout.write("database is ready")
                return
            except OperationalError as error:
                if time.monotonic() >= deadline:
                    raise CommandError(f"database not reachable after {timeout:.0f}s: {error}") from None
                connection.close()
                time.sleep(1)
