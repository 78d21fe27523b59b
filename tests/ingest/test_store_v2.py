"""Schema 2 (reports, minhash, feed_items): a version-1 database is migrated in place."""

from __future__ import annotations

import duckdb

from eventwire.store import SCHEMA_VERSION, Store
from eventwire.store.reports import report_id
from eventwire.store.schema import MIGRATIONS


def test_v1_database_migrates_and_each_article_becomes_its_own_report(tmp_path):
    db = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(db))
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO articles (id, url, text, ingested_at) VALUES "
                "('a1', 'https://x.test/1', 'Text.', now()), ('a2', NULL, 'Other.', now())")  # fmt: skip
    con.close()
    with Store.open(db) as store:
        assert SCHEMA_VERSION >= 2  # later migrations run too (3: events.source_outlet)
        rows = store.sql("SELECT report_id, article_id FROM reports ORDER BY article_id").fetchall()
        assert rows == [(report_id("a1", "a1", "https://x.test/1"), "a1"),
                        (report_id("a2", "a2", None), "a2")]  # fmt: skip
        assert store.stats().tables["minhash"] == 0 and store.seen_items("f") == set()
