"""Non-English articles are stored with their reason, counted as skipped and listed, not coded."""

from __future__ import annotations

import json

import duckdb

from eventwire.ingest import ingest
from eventwire.text.language import detect_language

FRENCH = ("Les ministres des affaires étrangères du Kenya et de l'Éthiopie se sont réunis mardi à "
          "Nairobi pour discuter de la frontière contestée et ont annoncé une commission mixte.")
GERMAN = ("Die Außenminister Kenias und Äthiopiens trafen sich am Dienstag in Nairobi, um über die "
          "umstrittene Grenze zu sprechen, und kündigten eine gemeinsame Kommission an.")
ENGLISH = ("The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss the "
           "disputed border and announced a joint commission, officials said.")  # fmt: skip


def test_detector_tells_english_from_other_languages():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(FRENCH) == "fr" and detect_language(GERMAN) == "de"
    assert detect_language("Kenya, Ethiopia.") is None  # too short to judge


def test_non_english_is_stored_with_reason_and_reported(tmp_path):
    path = tmp_path / "mixed.jsonl"
    rows = [{"id": "fr", "text": FRENCH}, {"id": "de", "text": GERMAN},
            {"id": "es", "text": "Texto.", "language": "es"}]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    summary = ingest([str(path)], db)
    assert (summary.read, summary.skipped, summary.stored_articles, summary.failed) == (3, 3, 0, 0)
    reasons = dict(summary.not_coded)
    assert set(reasons) == {f"{path}:1", f"{path}:2", f"{path}:3"}
    assert reasons[f"{path}:3"] == "language: not English (es)"
    con = duckdb.connect(str(db), read_only=True)
    stored = dict(con.execute("SELECT id, skipped_reason FROM articles").fetchall())
    assert all(r.startswith("language: not English") for r in stored.values()) and len(stored) == 3
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    con.close()
    again = ingest([str(path)], db)
    assert (again.skipped, again.not_coded) == (3, [])  # known: not checked again
