"""The single writer and reader of an eventwire DuckDB file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.records import CodedArticle, InputError
from eventwire.store.filters import EventFilter, where_clause
from eventwire.store.migrate import connect
from eventwire.store.rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_rows,
    event_dict,
    event_rows,
)
from eventwire.store.reports import REPORT_COLUMNS, Report, own_report, report_rows
from eventwire.store.schema import TABLES

DEFAULT_DB = Path("eventwire.duckdb")


@dataclass(frozen=True)
class WriteResult:
    """What one ``Store.write`` added. ``already_stored`` articles were skipped whole."""

    new_articles: int
    new_events: int
    already_stored: int = 0
    new_reports: int = 0


@dataclass(frozen=True)
class StoreStats:
    """Row counts per table, and event counts per PLOVER type (most frequent first)."""

    tables: dict[str, int]
    event_types: dict[str, int] = field(default_factory=dict)


def _now() -> datetime:
    # Stored as naive UTC: TIMESTAMP, not TIMESTAMPTZ, so reading needs no time-zone database.
    return datetime.now(UTC).replace(tzinfo=None)


def _first_of_each(batch: Sequence[CodedArticle], known: set[str]) -> list[CodedArticle]:
    """The batch without stored articles and without repeats of an id (the first one wins)."""
    seen = set(known)
    fresh = []
    for coded in batch:
        if coded.article.id not in seen:
            seen.add(coded.article.id)
            fresh.append(coded)
    return fresh


class Store:
    """An open eventwire database. Use as a context manager so the file is always closed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self._con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB, read_only: bool = False) -> Store:
        """Open (creating or migrating unless ``read_only``) the database at ``path``.

        Raises StoreError when the file is not a usable eventwire database.
        """
        path = Path(path)
        return cls(connect(path, read_only), path, read_only)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The article ids among ``ids`` that are already stored."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def write(
        self,
        batch: Sequence[CodedArticle],
        reports: Sequence[Report] = (),
        signatures: Mapping[str, bytes] | None = None,
        seen_items: Sequence[tuple[str, str]] = (),
    ) -> WriteResult:
        """Store a batch in one transaction: all of it or, on any error, none of it.

        Articles already stored (by id), and repeats within the batch, are skipped with their
        events, which makes writing the same batch twice a no-op. Every article of the batch is
        also recorded as a report of itself; ``reports`` adds near-duplicate copies of stored
        articles, ``signatures`` the MinHash fingerprints of new articles (by id) and
        ``seen_items`` the (feed, item key) pairs handled, all in the same transaction.
        """
        self._writable()
        try:
            self._con.execute("BEGIN TRANSACTION")
            fresh = _first_of_each(batch, self.known_ids(c.article.id for c in batch))
            events, actors = event_rows(fresh)
            now = _now()
            self._insert("articles", article_rows(fresh, now), ARTICLE_COLUMNS.names)
            self._insert("events", events, EVENT_COLUMNS.names)
            self._insert("event_actors", actors, ACTOR_COLUMNS.names)
            all_reports = [own_report(c.article) for c in batch] + list(reports)
            new_reports = self._insert(
                "reports", report_rows(all_reports, now), REPORT_COLUMNS.names, ignore=True
            )
            self._write_extras(signatures or {}, seen_items, now)
            self._con.execute("COMMIT")
        except BaseException as err:
            self._rollback()
            if isinstance(err, duckdb.Error):
                raise StoreError(
                    f"{self.path}: writing a batch failed ({err}); nothing of it was stored, "
                    "fix the cause and run the same command again"
                ) from err
            raise
        return WriteResult(len(fresh), events.num_rows, len(batch) - len(fresh), new_reports)

    def _write_extras(
        self, signatures: Mapping[str, bytes], seen: Sequence[tuple[str, str]], now: datetime
    ) -> None:
        if signatures:
            self._con.executemany(
                "INSERT INTO minhash (article_id, signature) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [[k, v] for k, v in signatures.items()],
            )
        if seen:
            self._con.executemany(
                "INSERT INTO feed_items (feed, item_key, first_seen) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [[feed, key, now] for feed, key in dict.fromkeys(seen)],
            )

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article_id, MinHash signature) of every fingerprinted article, to rebuild the index."""
        cur = self._con.cursor()
        try:
            cur.execute("SELECT article_id, signature FROM minhash ORDER BY article_id")
            while rows := cur.fetchmany(5000):
                yield from ((a, bytes(sig)) for a, sig in rows)
        finally:
            cur.close()

    def seen_items(self, feed: str) -> set[str]:
        """Item keys of ``feed`` already handled by ``watch``."""
        rows = self._con.execute("SELECT item_key FROM feed_items WHERE feed = ?", [feed])
        return {r[0] for r in rows.fetchall()}

    def _rollback(self) -> None:
        try:
            self._con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction never began, or DuckDB already aborted it

    def _insert(self, table: str, rows, columns: Sequence[str], ignore: bool = False) -> int:
        """Insert an Arrow table; ``ignore`` skips rows whose key is already there."""
        if rows.num_rows == 0:
            return 0
        cols = ", ".join(f'"{c}"' for c in columns)  # quoted: "symmetric" is an SQL keyword
        conflict = " ON CONFLICT DO NOTHING" if ignore else ""
        self._con.register("_batch_rows", rows)
        try:
            done = self._con.execute(
                f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch_rows{conflict}"
            ).fetchone()
        finally:
            self._con.unregister("_batch_rows")
        return int(done[0]) if done else 0

    def record_errors(self, errors: Iterable[InputError]) -> int:
        """Log input errors; the same (origin, message) again only refreshes its time."""
        rows = list({(e.origin, e.message): None for e in errors})
        if not rows:
            return 0
        self._writable()
        now = _now()
        self._con.executemany(
            "INSERT INTO ingest_errors (origin, message, \"at\") VALUES (?, ?, ?) "
            "ON CONFLICT (origin, message) DO UPDATE SET \"at\" = excluded.\"at\"",
            [[origin, message, now] for origin, message in rows],
        )
        return len(rows)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it without read_only to write")

    # -- reading -------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        country: str | None = None,
        dyad: tuple[str, str] | None = None,
        type: str | None = None,  # noqa: A002 - the CLI word is --type
        factuality: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
        mode: str | None = None,
        context: str | None = None,
    ) -> list[dict]:
        """Stored events in the public JSON shape, ordered by date then event_id."""
        flt = EventFilter(actor, country, dyad, type, mode, context, factuality, since, until)
        return self.find_events(flt, limit=limit, offset=offset)

    def find_events(
        self, flt: EventFilter, limit: int | None = None, offset: int = 0
    ) -> list[dict]:
        """Like ``events`` with an ``EventFilter`` (as exports and the API build it)."""
        cur = self._event_rows(self._con, flt, limit, offset)
        names = [d[0] for d in cur.description]
        return self._with_actors([dict(zip(names, r)) for r in cur.fetchall()])

    def iter_events(self, flt: EventFilter, chunk: int = 2000) -> Iterator[dict]:
        """All matching events, streamed in order: memory stays flat for any store size."""
        # A second cursor holds the running query while actors are fetched on the main one.
        cursor = self._con.cursor()
        try:
            cur = self._event_rows(cursor, flt, None, 0)
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(chunk):
                yield from self._with_actors([dict(zip(names, r)) for r in rows])
        finally:
            cursor.close()

    @staticmethod
    def _event_rows(con, flt: EventFilter, limit: int | None, offset: int):
        where, params = where_clause(flt)
        page = " LIMIT ? OFFSET ?" if limit is not None else " OFFSET ?"
        params += [limit, offset] if limit is not None else [offset]
        return con.execute(
            f"SELECT e.* FROM events e {where} ORDER BY e.day NULLS LAST, e.event_id{page}",
            params,
        )

    def _with_actors(self, rows: list[dict]) -> list[dict]:
        actors = self._actors_of([r["event_id"] for r in rows])
        return [event_dict(r, actors.get(r["event_id"], [])) for r in rows]

    def _actors_of(self, event_ids: list[str]) -> dict[str, list[dict]]:
        if not event_ids:
            return {}
        cur = self._con.execute(
            "SELECT * FROM event_actors WHERE event_id IN (SELECT unnest(?))", [event_ids]
        )
        names = [d[0] for d in cur.description]
        found: dict[str, list[dict]] = {}
        for r in cur.fetchall():
            row = dict(zip(names, r))
            found.setdefault(row["event_id"], []).append(row)
        return found

    def stats(self) -> StoreStats:
        """Row counts per table and event counts per type (most frequent first)."""
        tables = {t: self._con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        types = self._con.execute(
            "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC, event"
        ).fetchall()
        return StoreStats(tables=tables, event_types=dict(types))

    def sql(self, query: str, params: Sequence = ()) -> duckdb.DuckDBPyConnection:
        """Run a query on the store's connection (for exports and analysis inside eventwire)."""
        return self._con.execute(query, list(params))
