"""Opening, migrating, writing: real DuckDB files in tmp_path."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.records import Attribution, InputError, event_to_dict
from eventwire.store import SCHEMA_VERSION, Store


def counts(store: Store) -> dict[str, int]:
    return store.stats().tables


def test_open_creates_schema_with_version(tmp_path):
    db = tmp_path / "ew.duckdb"
    with Store.open(db) as store:
        assert counts(store) == {
            "articles": 0, "events": 0, "event_actors": 0, "ingest_errors": 0,
            "reports": 0, "minhash": 0, "feed_items": 0,
        }  # fmt: skip
    con = duckdb.connect(str(db))
    version = con.execute("SELECT value FROM schema_meta WHERE key = 'schema_version'").fetchone()
    con.close()
    assert int(version[0]) == SCHEMA_VERSION


def test_reopening_keeps_data(tmp_path, factory):
    db = tmp_path / "ew.duckdb"
    with Store.open(db) as store:
        coded = factory.coded("Pakistan met the Taliban.", events_of=lambda a: [factory.event(a)])
        store.write([coded])
    with Store.open(db, read_only=True) as store:
        assert counts(store)["events"] == 1


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "ew.duckdb"
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE schema_meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)


def test_unusable_paths_raise_store_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "dir.duckdb")
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError):
        Store.open(junk)
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire database"):
        Store.open(foreign)


def test_read_only_store_refuses_writes(tmp_path, factory):
    db = tmp_path / "ew.duckdb"
    Store.open(db).close()
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write([factory.coded("Some text.")])


def test_write_is_idempotent(tmp_path, factory):
    batch = [
        factory.coded(f"Article {i}.", events_of=lambda a: [factory.event(a, n) for n in (0, 1)])
        for i in range(3)
    ]
    with Store.open(tmp_path / "ew.duckdb") as store:
        first = store.write(batch)
        before = counts(store)
        second = store.write(batch)
        assert (first.new_articles, first.new_events) == (3, 6)
        assert (second.new_articles, second.new_events, second.already_stored) == (0, 0, 3)
        assert counts(store) == before
        assert before["event_actors"] == 12  # one source and one target per event


def test_repeated_id_within_a_batch_is_stored_once(tmp_path, factory):
    one = factory.coded("Same text.", events_of=lambda a: [factory.event(a)])
    with Store.open(tmp_path / "ew.duckdb") as store:
        result = store.write([one, one])
        assert (result.new_articles, result.new_events, result.already_stored) == (1, 1, 1)


def test_failed_batch_leaves_nothing(tmp_path, factory):
    good = factory.coded("A good article.", events_of=lambda a: [factory.event(a)])
    # Two articles whose events share an id: the events insert fails after the articles insert.
    clash_a = factory.coded("First clashing.", events_of=lambda a: [factory.event("same")])
    clash_b = factory.coded("Second clashing.", events_of=lambda a: [factory.event("same")])
    with Store.open(tmp_path / "ew.duckdb") as store:
        store.write([good])
        before = counts(store)
        with pytest.raises(StoreError, match="nothing of it was stored"):
            store.write([clash_a, clash_b])
        assert counts(store) == before
        assert store.known_ids([clash_a.article.id, clash_b.article.id]) == set()
        # The connection is usable after the rollback.
        assert store.write([clash_a]).new_articles == 1


def test_event_round_trips_to_public_shape(tmp_path, factory):
    att = Attribution("sources confirmed to CNN-News18", "sources", "CNN-News18")
    ev_full = dict(day=date(2025, 10, 24), attribution=att)
    coded = factory.coded(
        "Pakistan and the Taliban talked.",
        published=date(2025, 10, 23),
        events_of=lambda a: [
            factory.event(a, 0, **ev_full),
            factory.event(a, 1, location=None, targets=(), symmetric=True,
                          sources=(factory.actors["PAK"], factory.actors["AFG"])),
        ],
    )
    with Store.open(tmp_path / "ew.duckdb") as store:
        store.write([coded])
        stored = store.events()
    # Ordered by date: the undated event falls back to the publication date, a day earlier.
    assert stored == [event_to_dict(coded.events[1]), event_to_dict(coded.events[0])]
    assert stored[1]["cameo"] == "046" and stored[1]["attribution"]["outlet"] == "CNN-News18"
    assert stored[0]["location"] is None and stored[0]["date"] is None


def test_article_fields_are_stored(tmp_path, factory):
    coded = factory.coded(
        "Body text.", published=date(2024, 1, 2), title="T", url="https://x.test/a",
        outlet="Wire", author="A. Writer", language="en",
    )
    with Store.open(tmp_path / "ew.duckdb") as store:
        store.write([coded])
        row = store.sql(
            "SELECT id, title, url, published, outlet, author, language, origin, text FROM articles"
        ).fetchone()
    assert row == (coded.article.id, "T", "https://x.test/a", date(2024, 1, 2), "Wire",
                   "A. Writer", "en", "test.txt", "Body text.")


def test_record_errors_is_idempotent(tmp_path):
    errors = [InputError("a.txt", "empty file"), InputError("b.jsonl:3", "malformed JSON")]
    with Store.open(tmp_path / "ew.duckdb") as store:
        store.record_errors(errors)
        store.record_errors(errors + [errors[0]])
        assert counts(store)["ingest_errors"] == 2
        rows = store.sql("SELECT origin, message FROM ingest_errors ORDER BY origin").fetchall()
    assert rows == [("a.txt", "empty file"), ("b.jsonl:3", "malformed JSON")]
