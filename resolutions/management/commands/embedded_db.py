from django.conf import settings
from django.core.management.base import BaseCommand

from archive.database import embedded_data_dir, stop_embedded_server


class Command(BaseCommand):
    help = "Status or stop of the embedded PostgreSQL (started on demand by any command)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "stop"])

    def handle(self, *args, action: str, **options):
        database = settings.DATABASES["default"]
        if action == "status":
            self.stdout.write(f"database {database['NAME']} on {database['HOST'] or 'localhost'}")
            return
        data_dir = embedded_data_dir()
        self.stdout.write("stopped" if stop_embedded_server(data_dir) else "not running")
