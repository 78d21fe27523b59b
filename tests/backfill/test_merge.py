"""merge: reading order, near-duplicates decided once, idempotent (hand-built shards, no model)."""

from __future__ import annotations

import dataclasses

import duckdb

from eventwire.backfill import Shard, merge
from eventwire.backfill.manifest import write_plan
from eventwire.backfill.shardfile import write_shard
from eventwire.records import Article, CodedArticle
from eventwire.text.dedup import fingerprint, signature_bytes

from .records import coded_article

STORY = (
    "Pakistan and Afghanistan held a second round of talks in Doha on Friday, hosted by Qatar "
    "and Turkey, to end weeks of clashes along their border. Officials from both sides said the "
    "meeting was constructive and that a ceasefire agreed last week would hold while a "
    "monitoring mechanism is set up by the mediators."
)
OTHER = (
    "Kenyan police arrested three suspects in Nairobi on Monday after a raid on a warehouse "
    "that officers said held stolen fuel, and the interior ministry promised a wider inquiry "
    "into smuggling networks operating across the border with Uganda and Tanzania this year."
)


def _coded(text: str, url: str, n: int) -> tuple[CodedArticle, bytes | None]:
    template = coded_article(n)
    article = Article(**{**dataclasses.asdict(template.article), "text": text, "id": "", "url": url})
    events = tuple(dataclasses.replace(e, article_id=article.id) for e in template.events)
    return CodedArticle(article=article, events=events), signature_bytes(fingerprint(text))


def _count(db, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


def test_merge_stores_each_story_once_and_copies_as_reports(tmp_path):
    original = _coded(STORY, "https://a.example/1", 1)
    other = _coded(OTHER, "https://b.example/2", 2)
    copy = _coded(STORY.replace("on Friday", "on Friday evening"), "https://c.example/3", 3)
    again = _coded(STORY, "https://d.example/4", 4)  # same text: same id, another URL
    for sid, rows in {"s1": [original, other], "s2": [copy, again]}.items():
        write_shard(tmp_path, sid, [c for c, _ in rows], {"errors": []}, [s for _, s in rows])
    write_plan(tmp_path, [Shard("s1", ()), Shard("s2", ()), Shard("s3", ())])

    db = tmp_path / "db.duckdb"
    first = merge(tmp_path, db)
    assert (first.merged, first.missing, first.articles) == (2, ["s3"], 4)
    assert (first.new_articles, first.duplicates) == (2, 1)
    stored = {r[0] for r in _count(db, "SELECT id FROM articles")}
    assert stored == {original[0].article.id, other[0].article.id}
    assert first.new_events == 4 == _count(db, "SELECT count(*) FROM events")[0][0]
    reports = _count(db, "SELECT article_id, url FROM reports ORDER BY url")
    assert reports == [
        (original[0].article.id, "https://a.example/1"),
        (other[0].article.id, "https://b.example/2"),
        (original[0].article.id, "https://c.example/3"),
        (original[0].article.id, "https://d.example/4"),
    ]
    assert _count(db, "SELECT count(*) FROM minhash")[0][0] == 2

    second = merge(tmp_path, db)
    assert (second.new_articles, second.new_events, second.duplicates) == (0, 0, 1)
    assert len(_count(db, "SELECT * FROM reports")) == 4
