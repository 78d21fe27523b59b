"""`eventwire backfill` on a real Dask LocalCluster (one worker process), then `eventwire merge`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .invoke import DEMO, run

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


def _rows(stdout: str) -> dict[str, str]:
    """The label -> value rows of a rich summary table."""
    rows = {}
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if len(cells) == 2:
            rows[cells[0]] = cells[1]
    return rows


def test_backfill_then_merge_equals_ingest_and_resumes(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i, line in enumerate(DEMO.read_text().splitlines()[:3]):
        (news / f"{i}.txt").write_text(json.loads(line)["text"])
    out = tmp_path / "bf"
    args = ("backfill", news, "--out", out, "--workers", "1", "--shard-size", "2",
            "--date", "2026-02-06")  # fmt: skip
    first = run(*args)
    assert first.exit_code == 0, first.stderr
    done = _rows(first.stdout)
    assert (done["shards planned"], done["coded now"], done["failed"]) == ("2", "2", "0")
    assert f"eventwire merge {out}" in first.stdout
    again = _rows(run(*args).stdout)
    assert (again["already done"], again["coded now"]) == ("2", "0")

    merged = run("merge", out, "--db", tmp_path / "bf.duckdb")
    assert merged.exit_code == 0, merged.stderr
    single = run("ingest", news, "--db", tmp_path / "one.duckdb", "--date", "2026-02-06")
    assert single.exit_code == 0, single.stderr
    assert _rows(merged.stdout)["events stored"] == _rows(single.stdout)["events stored"]
    assert _rows(merged.stdout)["articles stored"] == "3"
