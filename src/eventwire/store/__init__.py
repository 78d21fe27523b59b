"""The DuckDB store: schema and migrations, the single writer, queries and exports.

All SQL of eventwire's storage lives in this package. Open a store as a context manager::

    with Store.open(path) as store:
        store.write(batch)
"""

from eventwire.store.filters import EventFilter
from eventwire.store.schema import SCHEMA_VERSION
from eventwire.store.store import DEFAULT_DB, Store, StoreStats, WriteResult

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "EventFilter", "Store", "StoreStats", "WriteResult"]
