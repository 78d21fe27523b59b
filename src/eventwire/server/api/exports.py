"""``GET /export``: every matching event as one streamed file, with the filters of ``/events``.

The query starts before the response does, so a bad filter or a busy database still answers with
the JSON error shape; the rows then stream in chunks (memory stays flat for any store size). The
store stays open, holding the read side of the server's lock, until the last byte is sent.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from eventwire.analysis.filters import where_sql
from eventwire.server.api.events import CSV_COLUMNS, flat_event
from eventwire.server.api.params import FilterDep
from eventwire.store.formats import FORMATS, start_rows
from eventwire.store.rows import event_dict

router = APIRouter(tags=["exports"])

ExportName = Literal["plover", "gdelt", "polecat", "jsonl", "csv"]
_OWN = {"jsonl": ("application/x-ndjson", "jsonl"), "csv": ("text/csv", "csv")}


def _public(row: dict) -> dict:
    """The public event record (as ``/events`` lists it) of an export row."""
    record = event_dict(row, row["actors"] or [])
    record["day"] = row["day"].isoformat() if row["day"] else None
    return record


def _jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(_public(row), ensure_ascii=False) + "\n"


def _csv(rows: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(flat_event(_public(row)))
        if buffer.tell() > 1 << 16:  # hand over ~64 KB at a time, not one line per chunk
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _chunked(lines: Iterable[str], size: int = 1 << 16) -> Iterator[bytes]:
    parts: list[str] = []
    held = 0
    for line in lines:
        parts.append(line)
        held += len(line)
        if held >= size:
            yield "".join(parts).encode("utf-8")
            parts, held = [], 0
    if parts:
        yield "".join(parts).encode("utf-8")


@router.get("/export", summary="All matching events as one file in a standard format")
def export_events(
    request: Request,
    filters: FilterDep,
    format: Annotated[ExportName, Query(description="plover (JSONL), gdelt (TSV, no header), "  # noqa: A002
                                        "polecat (TSV), jsonl or csv (as /events).")],  # fmt: skip
) -> StreamingResponse:
    """Same filters as ``/events``; see docs/exports.md for the columns of each format."""
    where, params = where_sql(filters)
    reading = request.app.state.access.read()
    store = reading.__enter__()
    try:
        rows = start_rows(store, where, params)
    except BaseException as err:
        reading.__exit__(type(err), err, err.__traceback__)
        raise
    if format in _OWN:
        media_type, suffix = _OWN[format]
        lines = _jsonl(rows) if format == "jsonl" else _csv(rows)
    else:
        fmt = FORMATS[format]
        media_type, suffix, lines = fmt.media_type, fmt.suffix, fmt.lines(rows)

    def body() -> Iterator[bytes]:
        try:
            yield from _chunked(lines)
        finally:
            reading.__exit__(None, None, None)

    filename = f"events.{format}.{suffix}" if format in FORMATS else f"events.{suffix}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(body(), media_type=media_type, headers=headers)
