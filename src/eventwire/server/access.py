"""How the server reaches the DuckDB file: a read-only open per request, writes in between.

DuckDB lets one process write a file, and within a process it refuses a read-write connection
while read-only ones are open (and the reverse). The choices, and why:

- Every read request opens the store read-only and closes it when done. Opening costs about a
  millisecond (DuckDB reads the catalog lazily), and holding nothing between requests lets
  ``eventwire ingest`` in another process write the file while the server is idle; a request that
  arrives during such a write gets 503 ``database_busy`` and can simply be retried.
- ``POST /articles`` codes the article first (slow, no lock held), then takes the write side of a
  readers-writer lock: it waits for running reads, writes in one transaction, and lets reads in
  again. Reads never see a half-written batch because ``Store.write`` is one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.store import Store


class ReadWriteLock:
    """Many readers or one writer; a waiting writer blocks new readers so it is not starved."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreAccess:
    """The database path plus the lock that orders this process's reads and writes."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock = ReadWriteLock()

    @contextmanager
    def read(self) -> Iterator[Store]:
        with self.lock.reading(), Store.open(self.path, read_only=True) as store:
            yield store

    @contextmanager
    def write(self) -> Iterator[Store]:
        with self.lock.writing(), Store.open(self.path) as store:
            yield store
