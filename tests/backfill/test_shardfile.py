"""Shard files: exact round trip of records, atomic writes, completeness (no model)."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq

from eventwire.backfill.codec import decode, encode
from eventwire.backfill.shardfile import read_shard, shard_meta, shard_path, write_shard
from eventwire.store import Store

from .records import coded_article, skipped_article


def test_codec_round_trips_every_field():
    for coded in (coded_article(1), coded_article(2, published=None), skipped_article(3)):
        back = decode(encode(coded))
        assert back == coded
        assert type(back.article.published) is type(coded.article.published)
        assert isinstance(back.events, tuple) and all(isinstance(e.sources, tuple) for e in back.events)


def test_shard_file_holds_the_records_and_the_summary(tmp_path):
    batch = [coded_article(1), skipped_article(2), coded_article(3)]
    write_shard(tmp_path, "s1", batch, {"articles": 3, "errors": [["x.jsonl:4", "bad"]]})
    assert read_shard(tmp_path, "s1") == batch
    meta = shard_meta(tmp_path, "s1")
    assert meta == {"format": 1, "shard_id": "s1", "articles": 3, "errors": [["x.jsonl:4", "bad"]]}
    table = pq.read_table(shard_path(tmp_path, "s1"))
    assert table.column("n_events").to_pylist() == [2, 0, 2]
    assert [p.name for p in tmp_path.joinpath("shards").iterdir()] == ["s1.parquet"]  # no .tmp left
    # The plain columns are queryable as they are.
    path = str(shard_path(tmp_path, "s1"))
    n = duckdb.sql(f"SELECT count(*) FROM '{path}' WHERE skipped_reason IS NULL").fetchall()[0][0]
    assert n == 2


def test_missing_truncated_or_foreign_files_are_not_complete(tmp_path):
    assert shard_meta(tmp_path, "nope") is None
    write_shard(tmp_path, "s1", [coded_article(1)], {})
    path = shard_path(tmp_path, "s1")
    path.write_bytes(path.read_bytes()[:-20])  # a torn copy
    assert shard_meta(tmp_path, "s1") is None
    write_shard(tmp_path, "s2", [coded_article(1)], {})
    path.write_bytes(shard_path(tmp_path, "s2").read_bytes())  # another shard's content
    assert shard_meta(tmp_path, "s1") is None


def test_merged_rows_equal_rows_of_a_direct_write(tmp_path):
    batch = [coded_article(1), skipped_article(2), coded_article(3)]
    write_shard(tmp_path, "s1", batch, {})
    tables = ("articles", "events", "event_actors")

    def rows(db, records):
        with Store.open(db) as store:
            store.write(records)
        con = duckdb.connect(str(db), read_only=True)
        try:
            cols = {t: "* EXCLUDE (ingested_at)" if t == "articles" else "*" for t in tables}
            return {t: sorted(map(str, con.sql(f"SELECT {cols[t]} FROM {t}").fetchall())) for t in tables}
        finally:
            con.close()

    direct = rows(tmp_path / "direct.duckdb", batch)
    assert direct["events"]
    assert rows(tmp_path / "merged.duckdb", read_shard(tmp_path, "s1")) == direct
