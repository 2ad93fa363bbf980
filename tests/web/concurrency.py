"""Start many workers at the same moment (the PostgreSQL tests of counters and of submissions).

Importable from every web test (pytest puts ``tests/web`` on the path for its conftest)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def all_at_once(workers: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(0)`` … ``work(workers - 1)`` in as many threads, released together by a
    barrier; return what they raised (reported by the caller, never swallowed). Each thread
    closes its database connections when it ends."""
    start = threading.Barrier(workers)
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            start.wait()
            work(i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
