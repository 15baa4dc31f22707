"""Quick in-process timings of the search (no HTTP): the real benchmark is issue 5's."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from resolutions.search import MAX_PAGE
from resolutions.search_views import perform

QUERIES = {
    "rare word": "q=tuberculosis",
    "common word": "q=development",
    "common word, date": "q=development&sort=date",
    "common word, last page": f"q=development&page={MAX_PAGE}",
    "common word, grouped": "q=development&view=resolutions",
    "two words": "q=social+protection",
    "OR": "q=poverty+OR+hunger",
    "phrase": "q=%22older+persons%22",
    "exclusion": "q=youth+-employment",
    "misspelling": "q=developmnet",
    "filtered": "q=women&body=GA&kind=operative&year_from=2020",
    "opening phrase": "q=states&opening=Calls+upon",
}


class Command(BaseCommand):
    help = (
        "Time a mix of searches in-process against this database, every one computed (the answer cache "
        "sits in front of the view): p50/p95 in ms and SQL queries per search."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args, repeat: int, **options):
        self.stdout.write(f"{'search':<24} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>4}  total")
        for name, query_string in QUERIES.items():
            params = QueryDict(query_string)
            perform(params)  # warm PostgreSQL's cache
            timings = []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    outcome = perform(params)
                    timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            results = outcome.results
            found = "error: " + "; ".join(outcome.errors) if outcome.errors else (
                f"{'at least ' if results.total_is_capped else ''}{results.total:,}" if results else "-"
            )
            if outcome.suggestion:
                found += f" (did you mean {outcome.suggestion})"
            self.stdout.write(
                f"{name:<24} {statistics.median(timings):>8.1f} {p95:>8.1f} {len(queries.captured_queries):>4}  {found}"
            )
