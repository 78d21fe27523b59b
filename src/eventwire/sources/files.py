"""Files, directories and stdin: each reader turns one input into Articles or InputErrors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.records import Article, InputError
from eventwire.sources.decoding import MAX_ARTICLE_BYTES, SNIFF_BYTES, binary_error, text_of_file
from eventwire.sources.html import article_from_html
from eventwire.sources.jsonl import articles_from_lines

Item = Article | InputError
Reader = Callable[[str, BinaryIO, date | None], Iterator[Item]]

STDIN_ORIGIN = "<stdin>"


def read_text(origin: str, stream: BinaryIO, default_date: date | None) -> Iterator[Item]:
    """A .txt file is one article; its id is the hash of its normalised text."""
    text = text_of_file(origin, stream.read(MAX_ARTICLE_BYTES + 1))
    if isinstance(text, InputError):
        yield text
        return
    yield Article(text=text, published=default_date, origin=origin)


def read_html(origin: str, stream: BinaryIO, default_date: date | None) -> Iterator[Item]:
    text = text_of_file(origin, stream.read(MAX_ARTICLE_BYTES + 1))
    yield text if isinstance(text, InputError) else article_from_html(origin, text, default_date)


def read_jsonl(origin: str, stream: BinaryIO, default_date: date | None) -> Iterator[Item]:
    """Streamed line by line, so a large dump never sits in memory at once."""
    head = stream.read(SNIFF_BYTES)
    problem = binary_error(origin, head)
    if problem is not None:
        yield problem
        return
    stream.seek(0)
    yield from articles_from_lines(origin, stream, default_date)


# Extensions a directory is searched for; later sources (feeds, WARC, CSV) register here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}


def read_path(item: str, default_date: date | None) -> Iterator[Item]:
    """One path given by the user: a file of a known kind or a directory of them."""
    path = Path(item)
    if path.is_dir():
        yield from _read_directory(path, default_date)
    elif not path.exists():
        yield InputError(item, "no such file or directory; check the path")
    elif path.suffix.lower() not in READERS:
        kinds = ", ".join(sorted(READERS))
        yield InputError(item, f"unknown file type {path.suffix or '(none)'!r}; use one of {kinds}")
    else:
        yield from _read_file(item, path, default_date)


def _read_file(origin: str, path: Path, default_date: date | None) -> Iterator[Item]:
    reader = READERS[path.suffix.lower()]
    try:
        with path.open("rb") as stream:
            yield from reader(origin, stream, default_date)
    except OSError as err:
        yield InputError(origin, f"cannot read the file ({err.strerror or err}); check permissions")


def _read_directory(root: Path, default_date: date | None) -> Iterator[Item]:
    files = files_in(root)
    if not files:
        *rest, last = sorted(READERS)
        yield InputError(
            str(root), f"no {', '.join(rest)} or {last} files in this directory; check the path"
        )
    for path in files:
        yield from _read_file(str(path), path, default_date)


def files_in(root: Path) -> list[Path]:
    """Readable files under ``root``, recursively, sorted; hidden files and folders are skipped.

    ``os.walk`` without following links, so a symlink loop cannot make the walk endless.
    """
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                found.append(Path(folder) / name)
    return sorted(found)


def read_stdin(stream: BinaryIO, default_date: date | None) -> Iterator[Item]:
    """JSON lines if the first non-blank character is ``{``, else one text article."""
    data = stream.read()
    if data.lstrip().startswith(b"{"):
        problem = binary_error(STDIN_ORIGIN, data[:SNIFF_BYTES])
        if problem is not None:
            yield problem
            return
        yield from articles_from_lines(STDIN_ORIGIN, data.splitlines(), default_date)
        return
    text = text_of_file(STDIN_ORIGIN, data)
    if isinstance(text, InputError):
        yield text
        return
    yield Article(text=text, published=default_date, origin=STDIN_ORIGIN)
