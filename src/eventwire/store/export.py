"""Exports of stored events: one function per format, chosen by name.

Each exporter takes the store, an ``EventFilter`` and an output path and returns the number of
rows written. Standard formats (GDELT, POLECAT, PLOVER) slot in by adding an entry to
``EXPORTERS``. Files are written next to the target and renamed into place, so a failed export
never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from eventwire.errors import ConfigError, StoreError
from eventwire.store.filters import EventFilter, where_clause
from eventwire.store.formats import file_exporter
from eventwire.store.store import Store

Exporter = Callable[[Store, EventFilter, Path], int]

# One row per event; lists are joined with ";" so every cell is a scalar that CSV and
# spreadsheet tools read as is. Actor names are aligned with the codes (same positions).
_FLAT_SELECT = """
SELECT e.event_id, e.article_id, e.day, e.date, e.date_text, e.date_granularity, e.date_type,
       e.event, e.mode, array_to_string(e.contexts, ';') AS contexts,
       e.cameo, e.goldstein, e.quad_class, e."symmetric",
       array_to_string(e.source_codes, ';') AS source_codes,
       array_to_string(e.source_countries, ';') AS source_countries,
       (SELECT string_agg(x.name, ';' ORDER BY x.position) FROM event_actors x
         WHERE x.event_id = e.event_id AND x.role = 'source') AS source_names,
       array_to_string(e.target_codes, ';') AS target_codes,
       array_to_string(e.target_countries, ';') AS target_countries,
       (SELECT string_agg(x.name, ';' ORDER BY x.position) FROM event_actors x
         WHERE x.event_id = e.event_id AND x.role = 'target') AS target_names,
       e.location_text, e.location_name, e.location_admin1, e.location_country,
       e.location_lat, e.location_lon, e.factuality,
       e.attribution_text, e.attribution_speaker, e.attribution_outlet,
       e.evidence_sentence, e.evidence_start, e.evidence_end, e.evidence_trigger,
       round(e.confidence, 3) AS confidence,
       a.title AS article_title, a.url AS article_url, a.outlet AS article_outlet,
       a.published AS article_published
FROM events e JOIN articles a ON a.id = e.article_id
{where}
ORDER BY e.day NULLS LAST, e.event_id
"""


def _sql_path(path: Path) -> str:
    # COPY takes the target as a literal, not a parameter; quotes are doubled to stay literal.
    return "'" + str(path).replace("'", "''") + "'"


def _copy(options: str) -> Exporter:
    def write(store: Store, flt: EventFilter, out: Path) -> int:
        where, params = where_clause(flt)
        query = _FLAT_SELECT.format(where=where)
        row = store.sql(f"COPY ({query}) TO {_sql_path(out)} ({options})", params).fetchone()
        return int(row[0]) if row else 0

    return write


def _jsonl(store: Store, flt: EventFilter, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for record in store.iter_events(flt):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


EXPORTERS: dict[str, Exporter] = {
    "parquet": _copy("FORMAT parquet"),
    "csv": _copy("FORMAT csv, HEADER true"),
    "jsonl": _jsonl,
    "plover": file_exporter("plover"),
    "gdelt": file_exporter("gdelt"),
    "polecat": file_exporter("polecat"),
}


def export(
    store: Store,
    fmt: str,
    out: Path,
    since: date | None = None,
    until: date | None = None,
    factuality: str | None = None,
    flt: EventFilter | None = None,
) -> int:
    """Write the matching events to ``out`` in format ``fmt``; returns the rows written.

    ``flt`` adds any other filter; ``since``/``until``/``factuality`` override its fields.
    """
    exporter = EXPORTERS.get(fmt.lower())
    if exporter is None:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORTERS)}")
    out = Path(out)
    if not out.parent.is_dir():
        raise ConfigError(f"{out}: folder {out.parent} does not exist; create it first")
    base = flt or EventFilter()
    flt = replace(
        base,
        since=since or base.since,
        until=until or base.until,
        factuality=factuality or base.factuality,
    )
    partial = out.with_name(out.name + ".partial")
    try:
        rows = exporter(store, flt, partial)
        os.replace(partial, out)
    except OSError as err:
        raise StoreError(f"{out}: cannot write the export ({err.strerror or err})") from err
    except duckdb.Error as err:
        raise StoreError(f"{out}: the export failed ({err}); nothing was written") from err
    finally:
        partial.unlink(missing_ok=True)
    return rows
