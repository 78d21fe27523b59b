"""The backfill driver: plan, skip what is done, run the rest on Dask, report every shard.

::

    backfill(inputs, out_dir, workers=N)            # a LocalCluster of N processes
    backfill(inputs, out_dir, scheduler="tcp://…")  # an existing cluster (Slurm, Kubernetes …)

A shard whose file is complete is never coded again, so an interrupted backfill is resumed by
running the same command. A shard that fails is retried ``retries`` times by Dask (and
rescheduled when its worker dies), then reported as failed in the summary and the manifest.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.backfill import manifest
from eventwire.backfill.plan import DEFAULT_SHARD_SIZE, Shard, plan_shards
from eventwire.backfill.shardfile import shard_meta
from eventwire.backfill.worker import ShardResult, code_shard
from eventwire.errors import ConfigError

if TYPE_CHECKING:
    from distributed import Client


@dataclass(frozen=True)
class ShardFailure:
    shard_id: str
    where: str  # "file.jsonl:501-1000" — what to look at
    error: str


@dataclass(frozen=True)
class BackfillProgress:
    """Passed to ``on_progress`` once before any work (done = shards already complete), then
    after each shard this run finishes (``result`` or ``failure`` set)."""

    total: int
    done: int
    result: ShardResult | None = None
    failure: ShardFailure | None = None


@dataclass
class BackfillSummary:
    out_dir: str
    shards: int = 0  # in the plan
    already_done: int = 0  # complete before this run, not coded again
    coded: int = 0  # coded by this run
    failed: list[ShardFailure] = field(default_factory=list)
    articles: int = 0  # over all complete shards of the plan
    events: int = 0
    errors: int = 0  # input errors (bad lines, files) in complete shards; see manifest.jsonl
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def backfill(
    inputs: Sequence[str],
    out_dir: str | Path,
    workers: int | None = None,
    scheduler: str | None = None,
    retries: int = 2,
    on_progress: Callable[[BackfillProgress], None] | None = None,
    *,
    client: Client | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    actor_files: Sequence[str | Path] = (),
    pattern_files: Sequence[str | Path] = (),
    default_date: date | None = None,
    batch_size: int = 32,
) -> BackfillSummary:
    """Code ``inputs`` into ``out_dir/shards/*.parquet``, resuming any earlier run there.

    ``workers`` starts a LocalCluster of that many single-threaded processes (default: one per
    core); ``scheduler`` joins a running cluster instead; ``client`` uses a Client you hold.
    """
    if workers is not None and scheduler is not None:
        raise ConfigError("give either --workers (a local cluster) or --scheduler, not both")
    started = time.perf_counter()
    out = Path(out_dir)
    # Absolute, so a worker started elsewhere (another directory, another node) finds them.
    actors = [str(Path(p).resolve()) for p in actor_files]
    patterns = [str(Path(p).resolve()) for p in pattern_files]
    shards = plan_shards(inputs, shard_size_lines=shard_size)
    manifest.check_config(out, manifest.coding_config(actors, patterns, default_date))
    manifest.write_plan(out, shards)
    todo = [s for s in shards if shard_meta(out, s.shard_id) is None]
    summary = BackfillSummary(str(out), len(shards), len(shards) - len(todo))
    notify = on_progress or (lambda _: None)
    notify(BackfillProgress(len(shards), summary.already_done))
    try:
        if todo:
            work = (actors, patterns, default_date, batch_size)
            with _client(workers, scheduler, client) as dask:
                _run(dask, todo, out, work, retries, summary, notify)
    finally:
        # Also on Ctrl-C or a lost scheduler: the manifest then says which shards are pending.
        failures = {f.shard_id: f.error for f in summary.failed}
        lines = manifest.rewrite_manifest(out, shards, failures)
    _count_outputs(summary, lines)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _run(dask, todo: list[Shard], out: Path, work: tuple, retries: int, summary, notify) -> None:
    from distributed import as_completed

    futures = {}
    for shard in todo:
        future = dask.submit(
            code_shard, shard, str(out), *work,
            key=f"eventwire-shard-{shard.shard_id}", retries=retries, pure=False,
        )  # fmt: skip
        futures[future] = shard
    done = summary.already_done
    for future in as_completed(list(futures)):
        shard = futures.pop(future)
        done += 1
        if future.status == "finished":
            result = future.result()
            summary.coded += 1
            manifest.append_entry(out, manifest.entry(shard, "done", result.to_dict()))
            notify(BackfillProgress(summary.shards, done, result=result))
        else:
            failure = ShardFailure(shard.shard_id, describe(shard), _error_text(future))
            summary.failed.append(failure)
            manifest.append_entry(out, manifest.entry(shard, "failed", error=failure.error))
            notify(BackfillProgress(summary.shards, done, failure=failure))
        future.release()


def _error_text(future) -> str:
    try:
        error = future.exception()
    except Exception as err:  # noqa: BLE001 - a cancelled future raises instead of returning
        error = err
    return f"{type(error).__name__}: {error}"


def describe(shard: Shard) -> str:
    """Where a shard's input is, for a person: ``a.jsonl:501-1000``, ``x.txt (+3 files)``."""
    first = shard.parts[0]
    where = first.path
    if first.is_range:
        where += f":{first.first_line}-{first.first_line + first.units - 1}"
    if len(shard.parts) > 1:
        where += f" (+{len(shard.parts) - 1} files)"
    return where


def _count_outputs(summary: BackfillSummary, lines: list[dict]) -> None:
    for line in lines:
        if line["status"] == "done":
            summary.articles += line.get("articles", 0)
            summary.events += line.get("events", 0)
            summary.errors += len(line.get("errors", ()))


@contextlib.contextmanager
def _client(workers: int | None, scheduler: str | None, client: Client | None) -> Iterator[Client]:
    if client is not None:
        yield client  # the caller's: neither closed nor shut down here
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ConfigError(
            "backfill needs Dask distributed: pip install 'eventwire[cluster]'"
        ) from err
    if scheduler is not None:
        with Client(scheduler) as joined:
            yield joined
        return
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1 (got {workers})")
    n = workers or os.cpu_count() or 1
    # One thread per process: spaCy parsing holds the GIL, so threads would only queue up.
    with (
        LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        as cluster,
        Client(cluster) as local,
    ):
        yield local
