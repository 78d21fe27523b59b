"""The Dask worker: code one shard and write its Parquet file.

``code_shard`` is a module-level function of plain, picklable arguments returning a small
record (STYLE.md habit 8), so any Dask worker that can import eventwire can run it. It writes
only its own file; the driver keeps the manifest, so workers never race on a shared file.
"""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.backfill.plan import Shard
from eventwire.backfill.reading import check_unchanged, read_part
from eventwire.backfill.shardfile import write_shard
from eventwire.records import Article, CodedArticle, InputError
from eventwire.text.dedup import fingerprint, signature_bytes

if TYPE_CHECKING:
    from eventwire.coding import Coder


@dataclass(frozen=True)
class ShardResult:
    """What a worker reports for one shard (also stored in the shard file's metadata)."""

    shard_id: str
    articles: int  # articles read (coded or skipped)
    events: int
    skipped: int  # read but not coded (e.g. not English)
    errors: tuple[tuple[str, str], ...]  # input errors as (origin, message)
    seconds: float
    worker: str  # host:pid

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ShardResult:
        names = cls.__dataclass_fields__
        fields = {k: v for k, v in data.items() if k in names}
        fields["errors"] = tuple(tuple(e) for e in fields.get("errors", ()))
        return cls(**fields)


# One Coder per worker process and set of knowledge files: loading the actor and pattern data
# (and, on first parse, spaCy) costs seconds, coding one shard often not much more.
_CODERS: dict[tuple[tuple[str, ...], tuple[str, ...]], Coder] = {}
_CODERS_LOCK = threading.Lock()


def cached_coder(actor_files: Sequence[str] = (), pattern_files: Sequence[str] = ()) -> Coder:
    # Imported here: coding loads spaCy, which planning, merging and the driver never need.
    from eventwire.coding import Coder

    key = (tuple(map(str, actor_files)), tuple(map(str, pattern_files)))
    with _CODERS_LOCK:
        if key not in _CODERS:
            _CODERS[key] = Coder.load(map(Path, key[0]), map(Path, key[1]))
        return _CODERS[key]


def code_shard(
    shard: Shard,
    out_dir: str,
    actor_files: Sequence[str] = (),
    pattern_files: Sequence[str] = (),
    default_date: date | None = None,
    batch_size: int = 32,
) -> ShardResult:
    """Read the shard's parts, code them and write ``<out_dir>/shards/<shard_id>.parquet``.

    Input errors (a bad line, a binary file, an article that breaks coding) are recorded in the
    result, not raised: they fail the same way on every attempt. Raises InputChangedError when
    a file changed since planning, ConfigError when a knowledge file is broken.
    """
    from eventwire.coding import code_isolated  # heavy (spaCy): only in the worker process

    started = time.perf_counter()
    for part in shard.parts:  # before loading anything: a changed input fails every attempt
        check_unchanged(part)
    coder = cached_coder(actor_files, pattern_files)
    errors: list[InputError] = []
    coded: list[CodedArticle] = []
    items = (item for part in shard.parts for item in read_part(part, default_date))
    while chunk := list(itertools.islice(items, batch_size)):
        errors += [x for x in chunk if isinstance(x, InputError)]
        done, failures = code_isolated([x for x in chunk if isinstance(x, Article)], coder, batch_size)
        coded += done
        errors += failures.values()
    result = ShardResult(
        shard_id=shard.shard_id,
        articles=len(coded),
        events=sum(len(c.events) for c in coded),
        skipped=sum(1 for c in coded if c.skipped_reason),
        errors=tuple((e.origin, e.message) for e in errors),
        seconds=round(time.perf_counter() - started, 3),
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )
    # Fingerprints are computed here, in parallel, so that the one merging process only compares.
    signatures = [_signature(c.article.text) for c in coded]
    write_shard(out_dir, shard.shard_id, coded, result.to_dict(), signatures)
    return result


def _signature(text: str) -> bytes | None:
    signature = fingerprint(text)
    return None if signature is None else signature_bytes(signature)
