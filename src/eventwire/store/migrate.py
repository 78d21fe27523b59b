"""Open a DuckDB file and bring its schema to ``SCHEMA_VERSION``, or refuse with a clear reason."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to an eventwire database at the current schema version."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database; run `eventwire ingest` first or check --db")
    if not read_only and path.parent and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist; create it or change --db")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as err:
        raise StoreError(_open_problem(path, err)) from err
    except duckdb.Error as err:
        raise StoreError(f"{path}: cannot open the database ({err})") from err
    try:
        _migrate(con, path, read_only)
    except BaseException:
        con.close()
        raise
    return con


def _open_problem(path: Path, err: Exception) -> str:
    text = str(err)
    if "lock" in text.lower():
        return (
            f"{path}: the database is in use by another process; wait for it to finish "
            "or use another --db"
        )
    if "not a valid DuckDB" in text or "database file" in text.lower():
        return f"{path}: not a DuckDB database; give another --db path"
    return f"{path}: cannot open the database ({text.splitlines()[0]})"


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version recorded in the file; 0 for a new (empty) database."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_meta" not in tables:
        if tables:
            raise StoreError("the database holds tables but no eventwire schema_meta")
        return 0
    row = con.execute("SELECT value FROM schema_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _migrate(con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    try:
        version = schema_version(con)
    except StoreError as err:
        raise StoreError(
            f"{path}: {err}; it is not an eventwire database, use another --db"
        ) from err
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schema version {version} is newer than this eventwire "
            f"(knows {SCHEMA_VERSION}); upgrade eventwire to open it"
        )
    if version == SCHEMA_VERSION:
        return
    if read_only:
        raise StoreError(
            f"{path}: schema version {version} is older than {SCHEMA_VERSION}; "
            "open it once for writing (e.g. `eventwire ingest`) to migrate it"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        _apply(con, target)


def _apply(con: duckdb.DuckDBPyConnection, target: int) -> None:
    """One migration and its version mark in one transaction: both happen or neither."""
    con.execute("BEGIN TRANSACTION")
    try:
        for statement in MIGRATIONS[target - 1]:
            con.execute(statement)
        con.execute(
            "INSERT INTO schema_meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(target)],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
