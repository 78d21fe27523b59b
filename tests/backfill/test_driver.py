"""The driver on a real (in-process) Dask cluster, on failures that need no model."""

from __future__ import annotations

import json
import os

import pytest

from eventwire.backfill import backfill, merge
from eventwire.backfill.manifest import read_manifest
from eventwire.errors import ConfigError


def _corpus(tmp_path, n=6):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story {i}."}) + "\n" for i in range(n)))
    return path


def test_a_failing_shard_is_retried_then_reported_never_dropped(tmp_path, dask_client):
    path = _corpus(tmp_path)
    seen = []

    def edit_input_after_planning(progress):
        # Called once before any work is submitted: the plan is made, the input now changes.
        if not seen:
            stat = os.stat(path)
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        seen.append(progress)

    summary = backfill(
        [str(path)], tmp_path / "out", client=dask_client, shard_size=2, retries=1,
        on_progress=edit_input_after_planning,
    )  # fmt: skip
    assert not summary.ok and summary.coded == 0 and summary.shards == 3
    assert len(summary.failed) == 3
    assert all("InputChangedError" in f.error and "changed since" in f.error for f in summary.failed)
    assert {f.where for f in summary.failed} == {f"{path}:1-2", f"{path}:3-4", f"{path}:5-6"}
    assert [(p.done, p.total) for p in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    lines = read_manifest(tmp_path / "out")
    assert [x["status"] for x in lines] == ["failed"] * 3
    assert all(x["error"] for x in lines)
    merged = merge(tmp_path / "out", tmp_path / "db.duckdb")
    assert merged.merged == 0 and len(merged.missing) == 3 and not merged.complete


def test_an_out_dir_coded_with_other_knowledge_is_refused(tmp_path, dask_client):
    path = _corpus(tmp_path, n=1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "backfill.json").write_text('{"eventwire": "0.0.0"}')
    with pytest.raises(ConfigError, match="new --out directory"):
        backfill([str(path)], tmp_path / "out", client=dask_client)


def test_workers_and_scheduler_exclude_each_other(tmp_path):
    with pytest.raises(ConfigError, match="not both"):
        backfill([str(_corpus(tmp_path))], tmp_path / "out", workers=2, scheduler="tcp://x:1")
