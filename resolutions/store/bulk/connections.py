"""Raw connections beside Django's, to run a bulk load's statements several at once."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from django.db import connection


def new_connection(settings: str = ""):
    """A raw psycopg connection to the same database as Django's, for one worker thread."""
    raw = connection.get_new_connection(connection.get_connection_params())
    raw.autocommit = True
    if settings:
        raw.execute(settings)
    return raw


def parallel(tasks: list[Callable], workers: int, settings: str = "") -> None:
    """Run ``task(raw_connection)`` for every task on ``workers`` connections; the first error is raised."""
    pending: queue.Queue = queue.Queue()
    for task in tasks:
        pending.put(task)
    errors: list[BaseException] = []

    def work() -> None:
        with new_connection(settings) as raw:
            while not errors:
                try:
                    task = pending.get_nowait()
                except queue.Empty:
                    return
                try:
                    task(raw)
                except BaseException as error:
                    errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(max(1, min(workers, len(tasks))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
