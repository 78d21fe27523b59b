"""CSV files: one article per row, columns named by a header (mapped with ``--map``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from datetime import date
from typing import BinaryIO

from eventwire.records import Article, InputError
from eventwire.sources.decoding import MAX_ARTICLE_BYTES, SNIFF_BYTES, binary_error
from eventwire.sources.jsonl import article_from_record
from eventwire.sources.mapping import remap

# The csv module refuses fields over 128 KiB by default; an article may be up to the per-article
# cap, and the cap still bounds the memory one row can take.
csv.field_size_limit(MAX_ARTICLE_BYTES)


def articles_from_csv(
    origin: str,
    stream: BinaryIO,
    default_date: date | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | InputError]:
    """Articles of a CSV stream with a header row; a bad row is reported and the next is read."""
    problem = binary_error(origin, stream.read(SNIFF_BYTES))
    if problem is not None:
        yield problem
        return
    stream.seek(0)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    try:
        yield from _rows(origin, csv.DictReader(text), default_date, mapping or {})
    finally:
        # Detach so closing the wrapper does not close the caller's stream.
        text.detach()


def _rows(
    origin: str, reader: csv.DictReader, default_date: date | None, mapping: Mapping[str, str]
) -> Iterator[Article | InputError]:
    rows = 0
    try:
        for row in reader:
            rows += 1
            where = f"{origin}:{reader.line_num}"
            if None in row:
                yield InputError(where, "more cells than header columns; quote fields with commas")
                continue
            yield article_from_record(where, remap(row, mapping), default_date)
    except UnicodeDecodeError:
        yield InputError(
            f"{origin}:{reader.line_num + 1}", "not valid UTF-8; re-save the file as UTF-8"
        )
    except csv.Error as err:
        yield InputError(f"{origin}:{reader.line_num}", f"malformed CSV ({err}); fix this row")
    if rows == 0 and not reader.fieldnames:
        yield InputError(origin, "empty file; add a header row and one article per row")
