"""Turn the outside world into Article records: files, directories, stdin.

``read_inputs`` never raises for bad input: each problem is yielded as an ``InputError`` whose
message names the file (and line) and says what to fix, and reading goes on with the next input.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import BinaryIO, TextIO

from eventwire.records import Article, InputError
from eventwire.sources.files import READERS, files_in, read_path, read_stdin
from eventwire.sources.html import article_from_html
from eventwire.sources.jsonl import article_from_record
from eventwire.sources.published import parse_published

__all__ = [
    "READERS",
    "article_from_html",
    "article_from_record",
    "files_in",
    "parse_published",
    "read_inputs",
]


def read_inputs(
    inputs: Sequence[str],
    default_date: date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | InputError]:
    """Articles and input errors from paths, directories and ``-`` (stdin), in input order.

    ``default_date`` fills ``published`` where the input has no date of its own.
    """
    for item in inputs:
        if item == "-":
            yield from read_stdin(_binary(stdin or sys.stdin), default_date)
        else:
            yield from read_path(item, default_date)


def _binary(stream: TextIO) -> BinaryIO:
    # Read stdin as bytes so a non-UTF-8 pipe gets the same error as a non-UTF-8 file.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(stream.read().encode("utf-8", errors="surrogateescape"))
