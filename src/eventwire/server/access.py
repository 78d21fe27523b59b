"""How the server reaches the DuckDB file: a shared read-only connection, writes in between.

DuckDB lets one process write a file, and within a process it refuses a read-write connection
while read-only ones are open (and the reverse). The choices, and why:

- Read requests share one read-only connection, each through its own cursor (DuckDB cursors on
  one connection may run in parallel threads). Sharing keeps DuckDB's buffer pool warm: opening
  the file afresh for every request re-read and re-decompressed the columns each time and doubled
  the latency of the event list and dyad series on a million events (bench/api.py).
- The shared connection is closed ``IDLE_SECONDS`` after the last read ends, so ``eventwire
  ingest`` in another process can write the file while the server is idle; a request that arrives
  during such a write gets 503 ``database_busy`` and can simply be retried. The window is short on
  purpose: long enough to cover a dashboard page's burst of API calls and back-to-back requests,
  short enough that an idle server leaves the file to writers.
- ``POST /articles`` codes the article first (slow, no lock held), then takes the write side of a
  readers-writer lock: it waits for running reads, closes the shared connection, writes in one
  transaction, and lets reads in again (they reopen the file and see the new rows). Reads never
  see a half-written batch because ``Store.write`` is one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.store import Store
from eventwire.store.migrate import connect

# Seconds a shared read connection outlives its last request; see the module docstring.
IDLE_SECONDS = 1.0


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
    """The database path, the lock that orders this process's reads and writes, and the shared
    read-only connection (open only while reads are recent)."""

    def __init__(self, path: Path, idle_seconds: float = IDLE_SECONDS):
        self.path = Path(path)
        self.lock = ReadWriteLock()
        self.idle_seconds = idle_seconds
        self._guard = threading.Lock()  # protects the fields below
        self._shared: duckdb.DuckDBPyConnection | None = None
        self._active = 0
        self._timer: threading.Timer | None = None

    def _checkout(self) -> Store:
        with self._guard:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._shared is None:
                self._shared = connect(self.path, read_only=True)
            self._active += 1
            return Store(self._shared.cursor(), self.path, read_only=True)

    def _checkin(self, store: Store) -> None:
        store.close()  # the cursor only; the shared connection stays for the next request
        with self._guard:
            self._active -= 1
            if self._active == 0 and self._shared is not None:
                self._timer = threading.Timer(self.idle_seconds, self._close_if_idle)
                self._timer.daemon = True
                self._timer.start()

    def _close_if_idle(self) -> None:
        with self._guard:
            if self._active == 0 and self._shared is not None:
                self._shared.close()
                self._shared = None
            self._timer = None

    def close(self) -> None:
        """Close the shared connection now (no read may be running)."""
        with self._guard:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._shared is not None:
                self._shared.close()
                self._shared = None

    @contextmanager
    def read(self) -> Iterator[Store]:
        with self.lock.reading():
            store = self._checkout()
            try:
                yield store
            finally:
                self._checkin(store)

    @contextmanager
    def write(self) -> Iterator[Store]:
        with self.lock.writing():
            self.close()  # DuckDB refuses a writer while this process holds a reader
            with Store.open(self.path) as store:
                yield store
