"""Resuming: a rerun codes only the shards whose files are missing (loads the spaCy model)."""

from __future__ import annotations

import json

from eventwire.backfill import backfill, merge, plan_shards, read_shard, shard_path
from eventwire.backfill.manifest import read_manifest
from eventwire.coding import code_articles
from eventwire.records import Article
from eventwire.sources import read_inputs

STORIES = [
    "Pakistan and Afghanistan held talks in Doha on Friday.",
    "Indian troops fired on protesters in Srinagar, police said.",
    "The United Nations condemned the attack on a hospital in Gaza.",
    "Russia and Ukraine agreed to exchange prisoners, officials said.",
    "France sent humanitarian aid to Lebanon after the explosion.",
    "Kenyan police arrested three suspects in Nairobi on Monday.",
]


def _corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": f"s{i}", "text": t, "published": "2024-05-0" + str(i + 1)})
             for i, t in enumerate(STORIES)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    return path


def test_rerun_after_an_interruption_codes_only_the_missing_shards(tmp_path, dask_client):
    path, out = _corpus(tmp_path), tmp_path / "out"
    first = backfill([str(path)], out, client=dask_client, shard_size=2)
    assert (first.shards, first.coded, first.already_done, first.ok) == (4, 4, 0, True)
    assert first.articles == 6 and first.errors == 1  # the broken last line is reported
    ids = [s.shard_id for s in plan_shards([str(path)], 2)]
    before = {i: shard_path(out, i).stat().st_mtime_ns for i in ids}
    lost = read_shard(out, ids[1])
    # An interrupted run: one shard never finished, another left only a temporary file.
    shard_path(out, ids[1]).unlink()
    shard_path(out, ids[3]).rename(shard_path(out, ids[3]).with_suffix(".tmp"))

    seen = []
    second = backfill([str(path)], out, client=dask_client, shard_size=2, on_progress=seen.append)
    assert (second.already_done, second.coded, second.articles) == (2, 2, 6)
    assert sorted(p.result.shard_id for p in seen if p.result) == sorted([ids[1], ids[3]])
    assert read_shard(out, ids[1]) == lost
    for i in (ids[0], ids[2]):
        assert shard_path(out, i).stat().st_mtime_ns == before[i]  # untouched
    assert [x["status"] for x in read_manifest(out)] == ["done"] * 4

    third = backfill([str(path)], out, client=dask_client, shard_size=2)
    assert (third.already_done, third.coded) == (4, 0)

    merged = merge(out, tmp_path / "db.duckdb")
    again = merge(out, tmp_path / "db.duckdb")
    assert merged.complete and merged.new_articles == 6 and merged.errors == 1
    assert (again.new_articles, again.new_events) == (0, 0)
    articles = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    reference = list(code_articles(articles))
    from_shards = [c for i in ids for c in read_shard(out, i)]
    assert from_shards == reference
    assert merged.new_events == sum(len(c.events) for c in reference)
