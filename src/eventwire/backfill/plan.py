"""The sharding plan: inputs in, a list of shards out. Pure apart from reading file metadata.

A shard is a small piece of work a worker can do alone: a group of whole files, or one range of
lines of a large JSONL file. Its id is a hash of what it reads (resolved path, size, modification
time and byte range of every part), so the same inputs give the same ids run after run, and an
edited input gets new ids: its old output is then neither skipped nor merged.

Shards are plain frozen dataclasses of strings and ints, so Dask pickles them cheaply.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from eventwire.errors import ConfigError, InputFileError
from eventwire.sources import READERS, files_in, is_url, suffix_of

# Lines (JSONL records) or files per shard. One VOA-sized article costs about 0.1-0.5 s to code on
# one core, so 500 gives shards of one to a few minutes: long enough that Dask's per-task cost
# (milliseconds) is noise, short enough that a lost worker costs little to redo.
DEFAULT_SHARD_SIZE = 500

# Read size when scanning a JSONL file for line boundaries; memory stays at one chunk.
_CHUNK = 1 << 20

_SPLITTABLE = (".jsonl",)


@dataclass(frozen=True)
class FilePart:
    """One file, or a range of its lines, as read by a worker.

    ``path`` is the path as the user gave it (articles and errors name it, exactly as
    ``eventwire ingest`` would); ``abspath`` is what workers open, so a worker whose working
    directory differs still finds the file. ``byte_end`` is None for a whole file.
    """

    path: str
    abspath: str
    size: int
    mtime_ns: int
    first_line: int = 1
    byte_start: int = 0
    byte_end: int | None = None
    units: int = 1  # records this part holds: lines of a JSONL range, else 1

    @property
    def is_range(self) -> bool:
        return self.byte_end is not None


@dataclass(frozen=True)
class Shard:
    shard_id: str
    parts: tuple[FilePart, ...]

    @property
    def units(self) -> int:
        return sum(p.units for p in self.parts)

    def to_dict(self) -> dict:
        return {"shard_id": self.shard_id, "parts": [asdict(p) for p in self.parts]}

    @classmethod
    def from_dict(cls, data: dict) -> Shard:
        return cls(data["shard_id"], tuple(FilePart(**p) for p in data["parts"]))


def plan_shards(inputs: Sequence[str], shard_size_lines: int = DEFAULT_SHARD_SIZE) -> list[Shard]:
    """Shards covering ``inputs`` (files and directories) in reading order.

    JSONL files longer than ``shard_size_lines`` are cut into ranges of that many lines; whole
    files (and the last range of a JSONL file) are packed together up to the same size.
    Raises InputFileError for a missing path or a directory without readable files, before any
    cluster is started.
    """
    if shard_size_lines < 1:
        raise ConfigError(f"shard size must be at least 1 (got {shard_size_lines})")
    shards: list[Shard] = []
    group: list[FilePart] = []
    for part in _parts(inputs, shard_size_lines):
        if group and sum(p.units for p in group) + part.units > shard_size_lines:
            shards.append(_shard(group))
            group = []
        group.append(part)
    if group:
        shards.append(_shard(group))
    return shards


def _shard(parts: list[FilePart]) -> Shard:
    key = [[p.abspath, p.size, p.mtime_ns, p.byte_start, p.byte_end] for p in parts]
    digest = hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:16]
    return Shard(shard_id=digest, parts=tuple(parts))


def _parts(inputs: Sequence[str], shard_size: int) -> Iterator[FilePart]:
    for item in inputs:
        for path in _files(item):
            yield from _file_parts(path, shard_size)


def _files(item: str) -> list[str]:
    if item == "-" or is_url(item):
        raise ConfigError(
            f"backfill reads files, not {'stdin' if item == '-' else 'URLs'} ({item}): "
            "save the input to a file first, or use `eventwire ingest`"
        )
    path = Path(item)
    if path.is_dir():
        found = files_in(path)
        if not found:
            kinds = ", ".join(sorted(READERS))
            raise InputFileError(item, f"no files of a known kind ({kinds}) in this directory")
        # The same path strings `read_inputs` gives, so origins match a single-process ingest.
        return [str(p) for p in found]
    if not path.exists():
        raise InputFileError(item, "no such file or directory; check the path")
    return [item]


def _file_parts(path: str, shard_size: int) -> Iterator[FilePart]:
    stat = os.stat(path)
    whole = FilePart(path, os.path.abspath(path), stat.st_size, stat.st_mtime_ns)
    if suffix_of(Path(path)) not in _SPLITTABLE:
        yield whole
        return
    starts, total = line_starts(path, shard_size)
    if total <= shard_size:
        # A small file stays whole, so it is read exactly as `read_inputs` reads it.
        yield FilePart(**{**asdict(whole), "units": max(total, 1)})
        return
    ends = starts[1:] + [stat.st_size]
    for i, (start, end) in enumerate(zip(starts, ends)):
        first = i * shard_size + 1
        yield FilePart(
            path=path,
            abspath=whole.abspath,
            size=stat.st_size,
            mtime_ns=stat.st_mtime_ns,
            first_line=first,
            byte_start=start,
            byte_end=end,
            units=min(shard_size, total - first + 1),
        )


def line_starts(path: str, every: int) -> tuple[list[int], int]:
    """Byte offsets of lines 1, every+1, 2*every+1 … and the number of lines in the file.

    Lines end at b"\\n" only, as when a binary file is iterated (how sources reads JSONL); a last
    line without a newline still counts.
    """
    starts = [0]
    newlines = offset = 0
    last = b""
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        while chunk := stream.read(_CHUNK):
            count = chunk.count(b"\n")
            # Most chunks hold no range boundary: count their lines without a Python loop.
            if (newlines + count) // every == newlines // every:
                newlines += count
            else:
                starts.extend(_boundaries(chunk, offset, newlines, every))
                newlines += count
            offset += len(chunk)
            last = chunk[-1:]
    total = newlines + (1 if offset and last != b"\n" else 0)
    # A boundary at the very end of the file would start an empty range.
    return [s for s in starts if s == 0 or s < size], total


def _boundaries(chunk: bytes, offset: int, newlines: int, every: int) -> Iterator[int]:
    pos = chunk.find(b"\n")
    while pos >= 0:
        newlines += 1
        if newlines % every == 0:
            yield offset + pos + 1
        pos = chunk.find(b"\n", pos + 1)
