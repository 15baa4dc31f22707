from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.database import embedded_data_dir, embedded_server_socket_dir, stop_embedded_server


class Command(BaseCommand):
    help = (
        "Status or stop of the embedded PostgreSQL (started on demand by any command); `init` makes a new, empty "
        "cluster where the data folder is missing (never done implicitly once a cluster existed there)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "stop", "init"])

    def handle(self, *args, action: str, **options):
        database = settings.DATABASES["default"]
        if action == "status":
            self.stdout.write(f"database {database['NAME']} on {database['HOST'] or 'localhost'}")
            return
        data_dir = embedded_data_dir()
        if action == "init":
            if settings.EMBEDDED_PG_DATA is None:
                raise CommandError("DATABASE_URL is set: there is no embedded server to create")
            socket_dir = embedded_server_socket_dir(data_dir, database["NAME"], create=True)
            self.stdout.write(f"database {database['NAME']} on {socket_dir} (data in {data_dir}): run migrate next")
            return
        self.stdout.write("stopped" if stop_embedded_server(data_dir) else "not running")
