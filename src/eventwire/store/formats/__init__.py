"""Standard event-data formats: PLOVER JSONL, GDELT 2.0 event table, POLECAT TSV.

Each ``Format`` turns export rows (``source.start_rows``: one query over the store) into lines of
text, so the same code writes a file (``eventwire export``, via ``store.export.EXPORTERS``) and
streams an HTTP response (``GET /export``). Column lists are data: ``data/export/``. See
docs/exports.md for what each column holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.store.filters import EventFilter, where_clause
from eventwire.store.formats.gdelt import gdelt_row, global_event_id
from eventwire.store.formats.plover import plover_record
from eventwire.store.formats.polecat import polecat_row
from eventwire.store.formats.source import start_rows
from eventwire.store.formats.tables import columns
from eventwire.store.store import Store


def _cell(value) -> str:
    # No quoting in these TSVs (GDELT never quotes): a tab or line break would split a record.
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _tsv(to_cells: Callable[[dict], list], header: tuple[str, ...] | None):
    def lines(rows: Iterable[dict]) -> Iterator[str]:
        if header:
            yield "\t".join(header) + "\n"
        for row in rows:
            yield "\t".join(_cell(c) for c in to_cells(row)) + "\n"

    return lines


def _jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(plover_record(row), ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    lines: Callable[[Iterable[dict]], Iterator[str]]  # export rows -> text lines
    header: bool  # whether the first line is a header (not a record)


FORMATS: dict[str, Format] = {
    "plover": Format("plover", "application/x-ndjson", "jsonl", _jsonl, False),
    # GDELT ships its event files without a header row; so do we, so files concatenate with theirs.
    "gdelt": Format("gdelt", "text/tab-separated-values", "tsv",
                    _tsv(gdelt_row, None), False),  # fmt: skip
    "polecat": Format("polecat", "text/tab-separated-values", "tsv",
                      _tsv(polecat_row, columns("polecat")), True),  # fmt: skip
}


def write_format(store: Store, name: str, where: str, params: list, out: Path) -> int:
    """Write the events matching ``where`` (over ``events e``) to ``out``; returns the records."""
    fmt = FORMATS[name]
    count = -1 if fmt.header else 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for line in fmt.lines(start_rows(store, where, params)):
            fh.write(line)
            count += 1
    return max(count, 0)


def file_exporter(name: str) -> Callable[[Store, EventFilter, Path], int]:
    """An ``store.export.EXPORTERS`` entry for format ``name``."""

    def write(store: Store, flt: EventFilter, out: Path) -> int:
        where, params = where_clause(flt)
        return write_format(store, name, where, params, out)

    return write


__all__ = ["FORMATS", "Format", "columns", "file_exporter", "global_event_id", "start_rows",
           "write_format"]  # fmt: skip
