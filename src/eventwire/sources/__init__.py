"""Turn the outside world into Article records: files, directories, stdin, URLs and feeds.

``read_inputs`` never raises for bad input: each problem is yielded as an ``InputError`` whose
message names the file (and line) or URL and says what to fix, and reading goes on with the next.

Kinds of input, and how each is recognised:

- ``http://`` / ``https://`` URLs: fetched safely (``fetch.FetchPolicy``), then read as a feed
  when the body is RSS/Atom, else as a web page;
- files by extension: ``.txt``, ``.jsonl``, ``.csv``, ``.html``/``.htm``,
  ``.rss``/``.atom``/``.xml``
  (saved feeds), ``.warc``/``.warc.gz``; directories are searched for those;
- ``-``: stdin, sniffed (JSON lines, WARC, feed, HTML page, else plain text).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import BinaryIO, TextIO

from eventwire.records import Article, InputError
from eventwire.sources.context import ReadContext
from eventwire.sources.feeds import FeedItem, item_article, parse_feed
from eventwire.sources.fetch import Fetched, Fetcher, FetchPolicy, is_url
from eventwire.sources.files import READERS, files_in, read_path, read_stdin, suffix_of
from eventwire.sources.html import article_from_html
from eventwire.sources.jsonl import article_from_record
from eventwire.sources.mapping import parse_mapping
from eventwire.sources.published import parse_published
from eventwire.sources.web import read_url

__all__ = [
    "READERS",
    "FeedItem",
    "FetchPolicy",
    "Fetched",
    "Fetcher",
    "ReadContext",
    "article_from_html",
    "article_from_record",
    "files_in",
    "is_url",
    "item_article",
    "parse_feed",
    "parse_mapping",
    "parse_published",
    "read_inputs",
    "suffix_of",
]


def read_inputs(
    inputs: Sequence[str],
    default_date: date | None = None,
    stdin: TextIO | None = None,
    ctx: ReadContext | None = None,
) -> Iterator[Article | InputError]:
    """Articles and input errors from URLs, paths, directories and ``-`` (stdin), in input order.

    ``default_date`` fills ``published`` where the input has no date of its own. ``ctx`` holds
    the column mapping and fetch policy; without one, the defaults apply (and are closed here).
    """
    own = ctx is None
    ctx = ctx or ReadContext()
    try:
        for item in inputs:
            if item == "-":
                yield from read_stdin(_binary(stdin or sys.stdin), default_date, ctx)
            elif is_url(item):
                yield from read_url(item, default_date, ctx)
            else:
                yield from read_path(item, default_date, ctx)
    finally:
        if own:
            ctx.close()


def _binary(stream: TextIO) -> BinaryIO:
    # Read stdin as bytes so a non-UTF-8 pipe gets the same error as a non-UTF-8 file.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(stream.read().encode("utf-8", errors="surrogateescape"))
