"""Schema 3 (events.source_outlet): a version-2 database gains the column, filled from articles."""

from __future__ import annotations

from dataclasses import replace

import duckdb

from eventwire.store import SCHEMA_VERSION, Store
from eventwire.store.schema import MIGRATIONS


def test_v2_database_migrates_and_old_events_get_their_article_outlet(tmp_path):
    db = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(db))
    for statement in MIGRATIONS[0] + MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO articles (id, outlet, text, ingested_at) VALUES "
                "('a1', 'Wire', 'Text.', now()), ('a2', NULL, 'Other.', now())")  # fmt: skip
    for event_id, article_id in (("e1", "a1"), ("e2", "a2")):
        con.execute(
            "INSERT INTO events (event_id, article_id, event, contexts, date_type, factuality, "
            "evidence_sentence, evidence_start, evidence_end, evidence_trigger, confidence, "
            "\"symmetric\", source_codes, target_codes, source_countries, target_countries) "
            "VALUES (?, ?, 'CONSULT', [], 'unresolved', 'asserted', 'Text.', 0, 5, 'met', 0.5, "
            "false, [], [], [], [])",
            [event_id, article_id],
        )
    con.close()
    with Store.open(db) as store:
        assert SCHEMA_VERSION == 3
        rows = store.sql("SELECT event_id, source_outlet FROM events ORDER BY event_id").fetchall()
        assert rows == [("e1", "Wire"), ("e2", None)]


def test_new_events_store_and_return_their_article_outlet(tmp_path, factory):
    def events_of(article_id):
        first = replace(factory.event(article_id), source_outlet="Wire")
        return [first, factory.event(article_id, 1)]

    coded = factory.coded("Pakistan met the Taliban.", events_of=events_of, outlet="Wire")
    with Store.open(tmp_path / "ew.duckdb") as store:
        store.write([coded])
        rows = store.sql("SELECT event_id, source_outlet FROM events ORDER BY event_id").fetchall()
        assert [r[1] for r in rows] == ["Wire", None]
        assert sorted(e["source_outlet"] or "" for e in store.events()) == ["", "Wire"]
