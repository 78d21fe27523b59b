"""The DuckDB schema and its migrations.

``SCHEMA_VERSION`` is the version this code writes. Each migration moves a database from
version ``n - 1`` to ``n`` and runs in the transaction that records the new version, so a crash
mid-migration leaves the old version intact. To change the schema: append a migration, bump
``SCHEMA_VERSION``, and add a test that opens a database of the previous version.
"""

from __future__ import annotations

SCHEMA_VERSION = 3

_V1 = [
    """
    CREATE TABLE schema_meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
    # ``skipped_reason`` is set for an article read but not coded (e.g. not English): storing it
    # anyway means a rerun skips it instead of checking it again.
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        url VARCHAR,
        published DATE,
        outlet VARCHAR,
        language VARCHAR,
        author VARCHAR,
        origin VARCHAR,
        text VARCHAR NOT NULL,
        skipped_reason VARCHAR,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    # ``day`` is the date filters and series use: the event's own date, else the article's
    # publication date. It is computed once at write time so range filters need no join.
    # ``cameo`` is a string: CAMEO codes have leading zeros ("046").
    """
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        mode VARCHAR,
        contexts VARCHAR[] NOT NULL,
        cameo VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        location_text VARCHAR,
        location_name VARCHAR,
        location_admin1 VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_start INTEGER,
        location_end INTEGER,
        date DATE,
        date_text VARCHAR,
        date_granularity VARCHAR,
        date_type VARCHAR NOT NULL,
        day DATE,
        factuality VARCHAR NOT NULL,
        attribution_text VARCHAR,
        attribution_speaker VARCHAR,
        attribution_outlet VARCHAR,
        evidence_sentence VARCHAR NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_trigger VARCHAR NOT NULL,
        evidence_trigger_start INTEGER,
        evidence_trigger_end INTEGER,
        confidence DOUBLE NOT NULL,
        "symmetric" BOOLEAN NOT NULL,  -- quoted: SYMMETRIC is an SQL keyword
        source_codes VARCHAR[] NOT NULL,
        target_codes VARCHAR[] NOT NULL,
        source_countries VARCHAR[] NOT NULL,
        target_countries VARCHAR[] NOT NULL
    )
    """,
    """
    CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('source', 'target')),
        position INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        PRIMARY KEY (event_id, role, position)
    )
    """,
    # One row per distinct problem: re-reading the same bad input refreshes ``at`` instead of
    # adding a row, so ingesting the same inputs twice leaves the same row counts here too.
    """
    CREATE TABLE ingest_errors (
        origin VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        "at" TIMESTAMP NOT NULL,  -- quoted: AT is an SQL keyword
        PRIMARY KEY (origin, message)
    )
    """,
    # ART indexes serve point and selective look-ups: an article's events (idempotence checks,
    # article view), an event's actors (rebuilding records) and date ranges. Low-cardinality
    # columns (type, factuality) and the list columns are left to DuckDB's zone maps and scans,
    # where an index would only slow down writes.
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX events_day ON events (day)",
    "CREATE INDEX event_actors_event ON event_actors (event_id)",
]

# Version 2: syndicated copies and continuous ingestion.
_V2 = [
    # Each place a story was read: the article itself and every near-duplicate copy of it
    # (another outlet or URL, small edits). Events belong to the article and are coded once;
    # ``reports`` says how many outlets carried it. ``report_id`` hashes (article_id, the copy's
    # own text id, url) so reading the same copy again adds nothing.
    """
    CREATE TABLE reports (
        report_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        copy_id VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        published DATE,
        origin VARCHAR,
        similarity DOUBLE NOT NULL,
        first_seen TIMESTAMP NOT NULL
    )
    """,
    "CREATE INDEX reports_article ON reports (article_id)",
    # Every stored article is its own first report, so counts need no special case.
    """
    INSERT INTO reports
    SELECT left(sha256(id || '|' || id || '|' || coalesce(url, '')), 20), id, id, url, outlet,
           title, published, origin, 1.0, ingested_at
    FROM articles
    """,
    # MinHash signatures (text/dedup.py) of coded articles: the near-duplicate index is rebuilt
    # from here when a store is opened, so it survives restarts and crashes.
    """
    CREATE TABLE minhash (
        article_id VARCHAR PRIMARY KEY,
        signature BLOB NOT NULL
    )
    """,
    # Feed items `watch` has handled, by feed URL and item guid (or link), so a restarted watch
    # fetches only items it has never seen.
    """
    CREATE TABLE feed_items (
        feed VARCHAR NOT NULL,
        item_key VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        PRIMARY KEY (feed, item_key)
    )
    """,
]

# Version 3: every event carries the outlet of its article (issue 3, "plus the article's own
# outlet"), so event rows and exports need no join to say who published them. Events stored
# before take it from their article.
_V3 = [
    "ALTER TABLE events ADD COLUMN source_outlet VARCHAR",
    """
    UPDATE events
    SET source_outlet = (SELECT a.outlet FROM articles a WHERE a.id = events.article_id)
    """,
]

# MIGRATIONS[n - 1] brings a database to version n.
MIGRATIONS: list[list[str]] = [_V1, _V2, _V3]

TABLES = (
    "articles", "events", "event_actors", "ingest_errors", "reports", "minhash", "feed_items",
)  # fmt: skip
