"""Backfill on a real LocalCluster of 2 worker processes, one of them killed mid-run.

The merged store must equal a single-process ``ingest`` of the same inputs, row for row, and a
rerun after an interruption must code only the shards whose output is missing. About 40 VOA
articles in shards of 5: long enough for a kill to land while shards are running.
"""

from __future__ import annotations

import itertools
import os
import signal
from pathlib import Path

import duckdb
import pytest

from eventwire.backfill import backfill, merge, plan_shards, read_shard, shard_path
from eventwire.ingest import ingest
from eventwire.records import event_to_dict
from eventwire.store import Store

pytestmark = pytest.mark.slow

VOA = Path(os.environ["EVENTWIRE_SHARED_DATA"]) / "news/voa_stories.jsonl"
N_ARTICLES, SHARD = 40, 5
TABLES = {
    "articles": "* EXCLUDE (ingested_at)",
    "events": "*",
    "event_actors": "*",
    "ingest_errors": "* EXCLUDE (\"at\")",
    "reports": "* EXCLUDE (first_seen)",
    "minhash": "*",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("corpus") / "voa40.jsonl"
    with VOA.open("rb") as src:
        path.write_bytes(b"".join(itertools.islice(src, N_ARTICLES)))
    return str(path)


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def single_process_db(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    ingest([corpus], db)
    return db


def _rows(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(repr, con.sql(f"SELECT {c} FROM {t}").fetchall())) for t, c in TABLES.items()}
    finally:
        con.close()


def _killer(client):
    """An on_progress that SIGKILLs a busy worker process after the first finished shard."""
    state: dict = {}

    def on_progress(progress) -> None:
        if progress.result is None or "pid" in state:
            return
        busy = [addr for addr, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            state.update(pid=pid, left=progress.total - progress.done)

    return on_progress, state


def test_killed_worker_still_gives_the_single_process_events(
    corpus, client, single_process_db, tmp_path
):
    on_progress, killed = _killer(client)
    summary = backfill([corpus], tmp_path / "out", client=client, shard_size=SHARD,
                       on_progress=on_progress)  # fmt: skip
    assert killed, "no worker was busy when the first shard finished"
    assert killed["left"] > 0
    assert killed["pid"] not in client.run(os.getpid).values()  # the nanny started a new one
    assert summary.ok and summary.coded == summary.shards == N_ARTICLES // SHARD
    assert summary.articles == N_ARTICLES

    ids = [s.shard_id for s in plan_shards([corpus], SHARD)]
    events = [e for i in ids for c in read_shard(tmp_path / "out", i) for e in c.events]
    merged_db = tmp_path / "merged.duckdb"
    result = merge(tmp_path / "out", merged_db)
    assert result.complete and result.new_events == len(events) > 0
    with Store.open(single_process_db, read_only=True) as store:
        expected = {e["event_id"]: e for e in store.events()}
    got = {e.event_id: event_to_dict(e) for e in events}
    assert sorted(got) == sorted(expected)
    assert [i for i in sorted(got) if got[i] != expected[i]] == []
    merged, single = _rows(merged_db), _rows(single_process_db)
    for table in TABLES:
        assert merged[table] == single[table], table


def test_rerun_after_interruption_processes_only_missing_shards(corpus, client, tmp_path):
    out = tmp_path / "out"
    assert backfill([corpus], out, client=client, shard_size=SHARD).coded == N_ARTICLES // SHARD
    ids = [s.shard_id for s in plan_shards([corpus], SHARD)]
    missing = {ids[0], ids[3], ids[7]}
    for i in missing:
        shard_path(out, i).unlink()
    seen = []
    rerun = backfill([corpus], out, client=client, shard_size=SHARD, on_progress=seen.append)
    assert {p.result.shard_id for p in seen if p.result} == missing
    assert (rerun.coded, rerun.already_done) == (3, len(ids) - 3)
    assert rerun.articles == N_ARTICLES and rerun.ok
