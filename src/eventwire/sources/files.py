"""Files, directories and stdin: each reader turns one input into Articles or InputErrors."""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.records import Article, InputError
from eventwire.sources.context import ReadContext
from eventwire.sources.decoding import MAX_ARTICLE_BYTES, SNIFF_BYTES, binary_error, text_of_file
from eventwire.sources.feeds import feed_articles, looks_like_feed
from eventwire.sources.html import article_from_html
from eventwire.sources.jsonl import articles_from_lines
from eventwire.sources.tabular import articles_from_csv
from eventwire.sources.warc import articles_from_warc
from eventwire.sources.web import looks_like_html

Item = Article | InputError
# (origin, stream, default_date, ctx=None): ``ctx`` carries the column mapping and the fetcher.
Reader = Callable[..., Iterator[Item]]

_WARC_MAGIC = (b"WARC/", b"\x1f\x8b")

STDIN_ORIGIN = "<stdin>"


def read_text(
    origin: str, stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    """A .txt file is one article; its id is the hash of its normalised text."""
    text = text_of_file(origin, stream.read(MAX_ARTICLE_BYTES + 1))
    if isinstance(text, InputError):
        yield text
        return
    yield Article(text=text, published=default_date, origin=origin)


def read_html(
    origin: str, stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    text = text_of_file(origin, stream.read(MAX_ARTICLE_BYTES + 1))
    yield text if isinstance(text, InputError) else article_from_html(origin, text, default_date)


def read_jsonl(
    origin: str, stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    """Streamed line by line, so a large dump never sits in memory at once."""
    head = stream.read(SNIFF_BYTES)
    problem = binary_error(origin, head)
    if problem is not None:
        yield problem
        return
    stream.seek(0)
    yield from articles_from_lines(origin, stream, default_date, mapping=_mapping(ctx))


def read_csv(
    origin: str, stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    yield from articles_from_csv(origin, stream, default_date, mapping=_mapping(ctx))


def read_feed(
    origin: str, stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    """A saved feed: items with full text are read as they are, the others fetched by link."""
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    problem = text_of_file(origin, data)
    if isinstance(problem, InputError):
        yield problem
        return
    yield from feed_articles(origin, data, ctx.fetcher() if ctx else None, default_date)


def read_warc(
    origin: str, stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    yield from articles_from_warc(origin, stream, default_date)


def _mapping(ctx: ReadContext | None) -> dict[str, str]:
    return dict(ctx.mapping) if ctx else {}


# Extensions a directory is searched for; a new source registers its reader here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".csv": read_csv,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def suffix_of(path: Path) -> str:
    """The reader key of a path: its last suffix, or ``.warc.gz`` for gzipped archives."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def read_path(
    item: str, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    """One path given by the user: a file of a known kind or a directory of them."""
    path = Path(item)
    if path.is_dir():
        yield from _read_directory(path, default_date, ctx)
    elif not path.exists():
        yield InputError(item, "no such file or directory; check the path")
    elif suffix_of(path) not in READERS:
        kinds = ", ".join(sorted(READERS))
        yield InputError(item, f"unknown file type {path.suffix or '(none)'!r}; use one of {kinds}")
    else:
        yield from _read_file(item, path, default_date, ctx)


def _read_file(
    origin: str, path: Path, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    reader = READERS[suffix_of(path)]
    try:
        with path.open("rb") as stream:
            yield from reader(origin, stream, default_date, ctx)
    except OSError as err:
        yield InputError(origin, f"cannot read the file ({err.strerror or err}); check permissions")


def _read_directory(
    root: Path, default_date: date | None, ctx: ReadContext | None
) -> Iterator[Item]:
    files = files_in(root)
    if not files:
        *rest, last = sorted(READERS)
        yield InputError(
            str(root), f"no {', '.join(rest)} or {last} files in this directory; check the path"
        )
    for path in files:
        yield from _read_file(str(path), path, default_date, ctx)


def files_in(root: Path) -> list[Path]:
    """Readable files under ``root``, recursively, sorted; hidden files and folders are skipped.

    ``os.walk`` without following links, so a symlink loop cannot make the walk endless.
    """
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and suffix_of(Path(name)) in READERS:
                found.append(Path(folder) / name)
    return sorted(found)


def read_stdin(
    stream: BinaryIO, default_date: date | None, ctx: ReadContext | None = None
) -> Iterator[Item]:
    """Sniffed: JSON lines (first character ``{``), a WARC, a feed, an HTML page, else text."""
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    head = data.lstrip()[:SNIFF_BYTES]
    if head.startswith(_WARC_MAGIC):
        yield from read_warc(STDIN_ORIGIN, io.BytesIO(data + stream.read()), default_date, ctx)
    elif head.startswith(b"{"):
        problem = binary_error(STDIN_ORIGIN, head)
        if problem is not None:
            yield problem
            return
        lines = itertools.chain(io.BytesIO(data), stream)
        yield from articles_from_lines(STDIN_ORIGIN, lines, default_date, mapping=_mapping(ctx))
    elif looks_like_feed(head):
        yield from read_feed(STDIN_ORIGIN, io.BytesIO(data), default_date, ctx)
    elif looks_like_html(head):
        yield from read_html(STDIN_ORIGIN, io.BytesIO(data), default_date, ctx)
    else:
        yield from read_text(STDIN_ORIGIN, io.BytesIO(data), default_date, ctx)
