"""Feeds from a real server on 127.0.0.1 through ingest() and watch(), coding with the model.

The done-when of issue 4: a feed of 50 items, 10 of them syndicated copies of others, ingested
twice gives 40 articles, 50 reports and no duplicated events; watch picks up 5 items added
later, and only those, across a restart.
"""

from __future__ import annotations

import duckdb

from eventwire.ingest import ingest
from eventwire.sources import FetchPolicy
from eventwire.watch import backoff_delay, watch

from ingest.conftest import stories, syndicate
from sources.feeds import page, rss

POLICY = FetchPolicy(allow_private=True, min_interval=0.0)


def publish(server, corpus: list[dict], copies: int) -> list[dict]:
    """Pages for each story and for ``copies`` syndicated versions; returns the feed items."""
    items = []
    for i, story in enumerate(corpus):
        link = server.add(f"/news/{i}", page(story["title"], story["text"], site="Loopback News"))
        items.append({"title": story["title"], "link": link})
    for i, story in enumerate(corpus[:copies]):
        link = server.add(f"/wire/{i}", page(story["title"], syndicate(story["text"]), site="Agency"))
        items.append({"title": story["title"] + " (wire)", "link": link, "source": "Agency"})
    return items


def counts(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda q: con.execute(q).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "reports": one("SELECT count(*) FROM reports"),
            "events": one("SELECT count(*) FROM events"),
            "event_keys": one("SELECT count(DISTINCT (article_id, event, evidence_trigger_start, "
                              "source_codes, target_codes)) FROM events"),  # fmt: skip
            "copies": one("SELECT count(*) FROM reports WHERE copy_id <> article_id"),
            "copy_outlets": one("SELECT count(*) FROM reports WHERE outlet = 'Agency'"),
            "orphans": one("SELECT count(*) FROM reports r ANTI JOIN articles a ON a.id = r.article_id"),
        }
    finally:
        con.close()


def test_feed_with_syndicated_copies_ingested_twice(server, tmp_path):
    items = publish(server, stories(40), copies=10)
    feed = server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    db = tmp_path / "ew.duckdb"
    first = ingest([feed], db, fetch_policy=POLICY, batch_size=16)
    assert first.failed == 0, first.errors
    assert (first.read, first.duplicates, first.new_reports) == (50, 10, 50)
    after_first = counts(db)
    assert after_first["articles"] == 40 and after_first["reports"] == 50
    assert after_first["copies"] == 10 and after_first["copy_outlets"] == 10
    assert after_first["events"] > 0 and after_first["events"] == after_first["event_keys"]
    assert after_first["orphans"] == 0
    second = ingest([feed], db, fetch_policy=POLICY, batch_size=16)
    assert (second.stored_articles, second.stored_events, second.new_reports) == (0, 0, 0)
    assert counts(db) == after_first
    print(f"\nfeed of 50 items: {after_first}")


def test_syndicated_copy_found_after_restart(server, tmp_path):
    [story] = stories(1, start=60)
    original = server.add("/o", page(story["title"], story["text"]))
    copy = server.add("/c", page(story["title"], syndicate(story["text"]), site="Agency"))
    db = tmp_path / "ew.duckdb"
    ingest([original], db, fetch_policy=POLICY)
    again = ingest([copy], db, fetch_policy=POLICY)  # a new process would rebuild the same way
    assert (again.duplicates, again.stored_articles, again.stored_events) == (1, 0, 0)
    assert counts(db)["articles"] == 1 and counts(db)["reports"] == 2


def test_watch_picks_up_only_new_items_across_restarts(server, tmp_path):
    corpus = stories(13, start=100)
    items = publish(server, corpus[:8], copies=0)
    feed = server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    db = tmp_path / "ew.duckdb"
    first = watch([feed], db, every_seconds=0, iterations=2, fetch_policy=POLICY)
    assert first.polls == 2 and [r.new_items for r in first.results] == [8, 0]
    assert counts(db)["articles"] == 8
    later = [
        {"title": s["title"], "link": server.add(f"/later/{i}", page(s["title"], s["text"]))}
        for i, s in enumerate(corpus[8:])
    ]
    server.add("/feed.xml", rss(later + items), content_type="application/rss+xml")
    server.hits.clear()
    second = watch([feed], db, every_seconds=0, iterations=1, fetch_policy=POLICY)  # restarted
    assert [r.new_items for r in second.results] == [5]
    fetched = sorted(h for h in server.hits if h != "/feed.xml" and h != "/robots.txt")
    assert fetched == [f"/later/{i}" for i in range(5)]
    assert counts(db)["articles"] == 13 and second.summary.stored_articles == 5


def test_watch_backs_off_a_failing_feed_and_retries_transient_items(server, tmp_path):
    down = server.add("/down.xml", "busy", status=503, content_type="text/plain")
    db = tmp_path / "ew.duckdb"
    result = watch([down], db, every_seconds=0.05, iterations=3, fetch_policy=POLICY, max_backoff=0.2)
    assert all(r.error is not None for r in result.results)
    assert backoff_delay(60, 0) == 60 and backoff_delay(60, 1) == 120
    assert backoff_delay(60, 3) == 480 and backoff_delay(60, 30) == 6 * 3600
    [story] = stories(1, start=150)
    slow = server.add("/slow", page(story["title"], story["text"]), delay=1.0)
    feed = server.add("/f.xml", rss([{"title": "S", "link": slow}]), content_type="application/rss+xml")
    quick = FetchPolicy(allow_private=True, min_interval=0, read_timeout=0.3)
    missed = watch([feed], db, every_seconds=0, iterations=1, fetch_policy=quick)
    assert missed.summary.failed == 1 and "timed out" in missed.summary.errors[0].message
    retried = watch([feed], db, every_seconds=0, iterations=1, fetch_policy=POLICY)
    assert [r.new_items for r in retried.results] == [1] and retried.summary.stored_articles == 1
