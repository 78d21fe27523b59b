"""Reading one part of a shard: the same Articles and InputErrors ``read_inputs`` gives for it.

A whole file goes through the sources reader of its kind; a range of a JSONL file is read by
seeking to its first byte, then parsed by the sources JSONL code with its lines numbered as in
the whole file, so origins ("news.jsonl:501") and error messages equal a single-process run's.
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventwire.backfill.plan import FilePart
from eventwire.errors import PermanentError
from eventwire.records import Article, InputError
from eventwire.sources import READERS, read_inputs, suffix_of
from eventwire.sources.decoding import SNIFF_BYTES, binary_error
from eventwire.sources.jsonl import articles_from_lines


class InputChangedError(PermanentError):
    """An input file changed between planning and coding; its shard must be planned again."""


def read_part(part: FilePart, default_date: date | None = None) -> Iterator[Article | InputError]:
    """The articles and errors of one part, exactly as ``read_inputs`` gives them for it."""
    check_unchanged(part)
    suffix = suffix_of(Path(part.path))
    if suffix not in READERS:
        yield from read_inputs([part.path], default_date)  # names the unknown file type
    elif part.is_range:
        yield from _read_range(part, default_date)
    else:
        try:
            with open(part.abspath, "rb") as stream:
                yield from READERS[suffix](part.path, stream, default_date)
        except OSError as err:
            yield InputError(part.path, f"cannot read the file ({err.strerror or err})")


def check_unchanged(part: FilePart) -> None:
    try:
        stat = os.stat(part.abspath)
    except OSError as err:
        raise InputChangedError(f"{part.path}: cannot be read any more ({err.strerror})") from err
    if (stat.st_size, stat.st_mtime_ns) != (part.size, part.mtime_ns):
        raise InputChangedError(
            f"{part.path}: changed since the backfill was planned; run the backfill again "
            "to plan its new contents"
        )


def _read_range(part: FilePart, default_date: date | None) -> Iterator[Article | InputError]:
    assert part.byte_end is not None
    with open(part.abspath, "rb") as stream:
        head = stream.read(SNIFF_BYTES)
        stream.seek(part.byte_start)
        data = stream.read(part.byte_end - part.byte_start)
    # Sources rejects a binary JSONL file once, from its head; only the first range says so.
    problem = binary_error(part.path, head)
    if problem is not None:
        if part.first_line == 1:
            yield problem
        return
    if not data.strip():
        return  # blank lines only: nothing to read (and not an "empty file")
    # Blank lines are skipped but counted, so padding numbers the range's lines as in the file.
    padding = itertools.repeat(b"", part.first_line - 1)
    lines = itertools.chain(padding, io.BytesIO(data))
    yield from articles_from_lines(part.path, lines, default_date)
