"""One Parquet file per shard: ``<out>/shards/<shard_id>.parquet``.

One row per coded article. A few plain columns make the files easy to inspect with DuckDB or
pandas; ``coded`` holds the whole CodedArticle as JSON (see codec.py), which is what ``merge``
reads back, so stored rows equal those of a single-process ingest. The shard's summary (counts,
input errors, timing) lives in the file's key-value metadata under ``eventwire.shard``.

A file is written under a temporary name and renamed into place, and the rename is atomic on
one file system: a shard file that exists is complete. A worker killed mid-write leaves only a
``.tmp`` file, which the next run overwrites.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.backfill.codec import decode, encode
from eventwire.records import CodedArticle

SHARD_DIR = "shards"
META_KEY = b"eventwire.shard"
# Bump when the layout changes; files of another format count as missing and are redone.
FORMAT = 1

_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("origin", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("skipped_reason", pa.string()),
        ("n_events", pa.int32()),
        ("signature", pa.binary()),
        ("coded", pa.string()),
    ]
)


def shard_path(out_dir: str | Path, shard_id: str) -> Path:
    return Path(out_dir) / SHARD_DIR / f"{shard_id}.parquet"


def write_shard(
    out_dir: str | Path,
    shard_id: str,
    coded: Sequence[CodedArticle],
    meta: dict,
    signatures: Sequence[bytes | None] | None = None,
) -> Path:
    """Write the shard file atomically; ``meta`` (JSON-able) is stored with it.

    ``signatures`` are the articles' near-duplicate fingerprints (``text.dedup``), one per
    article or None when a text is too short to have one.
    """
    final = shard_path(out_dir, shard_id)
    final.parent.mkdir(parents=True, exist_ok=True)
    sigs = signatures if signatures is not None else [None] * len(coded)
    table = pa.Table.from_pylist([_row(c, s) for c, s in zip(coded, sigs, strict=True)], _SCHEMA)
    payload = {"format": FORMAT, "shard_id": shard_id, **meta}
    table = table.replace_schema_metadata({META_KEY: json.dumps(payload).encode("utf-8")})
    # A unique temporary name: two attempts at the same shard (a retry racing a presumed-dead
    # worker) never write into each other's file; the last rename wins with a complete file.
    tmp = final.with_name(f".{shard_id}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return final


def _row(coded: CodedArticle, signature: bytes | None) -> dict:
    article = coded.article
    published = article.published
    if isinstance(published, datetime):  # date32 holds the day; ``coded`` keeps the rest
        published = published.date()
    return {
        "article_id": article.id,
        "origin": article.origin,
        "title": article.title,
        "published": published,
        "skipped_reason": coded.skipped_reason,
        "n_events": len(coded.events),
        "signature": signature,
        "coded": encode(coded),
    }


def shard_meta(out_dir: str | Path, shard_id: str) -> dict | None:
    """The stored summary of a complete shard file, or None when it is missing or unusable."""
    path = shard_path(out_dir, shard_id)
    try:
        metadata = pq.read_schema(path).metadata or {}
        meta = json.loads(metadata[META_KEY])
    except (OSError, KeyError, ValueError, pa.ArrowException):
        return None
    if meta.get("format") != FORMAT or meta.get("shard_id") != shard_id:
        return None
    return meta


def read_shard(out_dir: str | Path, shard_id: str) -> list[CodedArticle]:
    """The coded articles of a shard, in reading order, equal to those that were written."""
    return [coded for coded, _ in read_shard_signed(out_dir, shard_id)]


def read_shard_signed(
    out_dir: str | Path, shard_id: str
) -> list[tuple[CodedArticle, bytes | None]]:
    """The coded articles of a shard with their near-duplicate fingerprints."""
    table = pq.read_table(shard_path(out_dir, shard_id), columns=["coded", "signature"])
    texts, signatures = table.column("coded").to_pylist(), table.column("signature").to_pylist()
    return [(decode(text), sig) for text, sig in zip(texts, signatures, strict=True)]
