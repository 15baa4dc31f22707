"""The search index: its state, a rebuild from PostgreSQL, and a check of its counts against PostgreSQL."""

from django.core.management.base import BaseCommand, CommandError

from resolutions.search import index


class Command(BaseCommand):
    help = (
        "status: whether the search index matches the database (exit 1 when not); ensure: rebuild it when "
        "missing or stale (start-up); rebuild: rebuild it from PostgreSQL now; verify QUERY...: compare its "
        "totals and facet counts with PostgreSQL's for each query"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "ensure", "rebuild", "verify"])
        parser.add_argument("queries", nargs="*", help="for verify: queries (default: a standard set)")

    def handle(self, *args, action: str, queries: list[str], **options):
        if action == "status":
            found = index.status()
            self.stdout.write(f"search index: {found.describe()}")
            if not found.fresh:
                raise CommandError("the search index does not match the database: run `manage.py search_index ensure`")
        elif action == "ensure":
            found, report = index.ensure()
            if report is None:
                self.stdout.write(f"search index: {found.describe()}")
            else:
                self.stdout.write(f"search index was {found.describe()}: {self._rebuilt(report)}")
        elif action == "rebuild":
            self.stdout.write(self._rebuilt(index.rebuild()))
        else:
            from resolutions.search import verify

            failures = 0
            for outcome in verify.compare_all(queries or verify.STANDARD_QUERIES):
                self.stdout.write(outcome.describe())
                failures += not outcome.equal
            if failures:
                raise CommandError(f"{failures} queries differ between the index and PostgreSQL")

    @staticmethod
    def _rebuilt(report: index.RebuildReport) -> str:
        return f"rebuilt: {report.documents:,} documents in {report.seconds:.1f} s ({report.path.name})"
