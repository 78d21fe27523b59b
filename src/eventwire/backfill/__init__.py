"""Backfills on Dask: a pure sharding plan, a module-level worker writing Parquet, one merge.

::

    summary = backfill(["news/"], "out/", workers=2)   # resumable: rerun to finish
    merge("out/", "events.duckdb")                     # one process, idempotent

See docs/backfill.md for the directory layout, the manifest and cluster set-ups.
"""

from eventwire.backfill.driver import (
    BackfillProgress,
    BackfillSummary,
    ShardFailure,
    backfill,
    describe,
)
from eventwire.backfill.merge import MergeSummary, merge
from eventwire.backfill.plan import DEFAULT_SHARD_SIZE, FilePart, Shard, plan_shards
from eventwire.backfill.shardfile import read_shard, shard_meta, shard_path
from eventwire.backfill.reading import InputChangedError, read_part
from eventwire.backfill.worker import ShardResult, code_shard

__all__ = [
    "DEFAULT_SHARD_SIZE",
    "BackfillProgress",
    "BackfillSummary",
    "FilePart",
    "InputChangedError",
    "MergeSummary",
    "Shard",
    "ShardFailure",
    "ShardResult",
    "backfill",
    "code_shard",
    "describe",
    "merge",
    "plan_shards",
    "read_part",
    "read_shard",
    "shard_meta",
    "shard_path",
]
