"""ingest options, watch, evaluate and the asserted default, end to end with the spaCy model.

URLs and feeds are served by a real HTTP server on 127.0.0.1 (tests/sources/loopback.py), which
the fetcher refuses unless --allow-private is given.
"""

from __future__ import annotations

import _thread
import csv
import json
import threading
import time
from pathlib import Path

import duckdb
import pytest

from sources.feeds import page, rss
from sources.loopback import LoopbackServer

from .invoke import DEMO, run

DEMO_TEXTS = [json.loads(line)["text"] for line in DEMO.read_text().splitlines() if line.strip()]
FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs "
    "touchés par la sécheresse. Les syndicats ont salué une décision attendue depuis des mois, "
    "mais ils demandent davantage de moyens pour les exploitations les plus fragiles du pays."
)


def _count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def _long_story(i: int) -> str:
    # Feed items of 150+ words carry their own text, so no page is fetched (nor rate-limited).
    return "\n\n".join(DEMO_TEXTS[(i + k) % len(DEMO_TEXTS)] for k in range(3))


@pytest.fixture
def server():
    with LoopbackServer() as srv:
        yield srv


def test_ingest_map_reads_renamed_csv_columns(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["key", "body", "day"])
        writer.writerow(["w1", DEMO_TEXTS[0], "2026-02-06"])
    db = tmp_path / "m.duckdb"
    result = run("ingest", path, "--db", db, "--map", "id=key,text=body,published=day")
    assert result.exit_code == 0, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT id, CAST(published AS VARCHAR) FROM articles").fetchall()
        assert row == [("w1", "2026-02-06")]
    finally:
        con.close()


def test_ingest_bad_map_is_one_line_before_reading(tmp_path: Path) -> None:
    result = run("ingest", tmp_path / "missing.csv", "--db", tmp_path / "x.duckdb", "--map", "txt")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "FIELD=COLUMN" in lines[0]
    assert not (tmp_path / "x.duckdb").exists()


def test_ingest_url_needs_allow_private_on_loopback(server, tmp_path: Path) -> None:
    url = server.add("/story", page("Talks", DEMO_TEXTS[0]))
    db = tmp_path / "u.duckdb"
    refused = run("ingest", url, "--db", db)
    assert refused.exit_code == 2
    assert url in refused.stderr and "private" in refused.stderr.lower()
    assert "/story" not in server.hits  # refused before any request
    allowed = run("ingest", url, "--db", db, "--allow-private")
    assert allowed.exit_code == 0, allowed.stderr
    assert _count(db, "articles") == 1


def test_ingest_summary_lists_duplicates_and_articles_not_coded(tmp_path: Path) -> None:
    original = DEMO_TEXTS[4]
    words = original.split()
    copy = "ISLAMABAD (Agency) - " + " ".join(words[:-3])
    rows = [
        {"id": "orig", "text": original, "outlet": "Daily"},
        {"id": "copy", "text": copy, "outlet": "Agency"},
        {"id": "fr", "text": FRENCH},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "d.duckdb"
    result = run("ingest", path, "--db", db)
    assert result.exit_code == 0, result.stderr
    table = {
        line.strip("│ ").rsplit("│", 1)[0].strip(" │"): line.rsplit("│", 2)[-2].strip()
        for line in result.stdout.splitlines()
        if line.count("│") == 3
    }
    assert table["duplicates (stored as reports)"] == "1"
    assert table["not coded"] == "1"
    assert table["articles stored"] == "1"
    assert "not coded: mixed.jsonl:3: language" in result.stdout.replace(str(tmp_path) + "/", "")
    assert _count(db, "reports") == 3  # each stored article is its own first report, + the copy


def test_watch_polls_then_picks_up_only_new_items(server, tmp_path: Path) -> None:
    items = [{"title": f"Story {i}", "link": f"http://x.test/{i}", "content": _long_story(i)}
             for i in range(2)]  # fmt: skip
    feed = server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    db = tmp_path / "w.duckdb"
    args = ("watch", feed, "--every", "1s", "--iterations", "1", "--db", db, "--allow-private")
    first = run(*args)
    assert first.exit_code == 0, first.stderr
    assert f"{feed}: 2 new items" in first.stderr
    assert "watched 1 feeds for 1 rounds" in first.stdout
    items.append({"title": "Story 2", "link": "http://x.test/2", "content": _long_story(2)})
    server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    second = run(*args)
    assert f"{feed}: 1 new items" in second.stderr
    assert _count(db, "articles") == 3


def test_watch_ctrl_c_prints_a_summary_and_exits_cleanly(server, tmp_path: Path) -> None:
    items = [{"title": "Story", "link": "http://x.test/s", "content": _long_story(5)}]
    feed = server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    running = threading.Event()

    def interrupt_after_first_poll() -> None:
        deadline = time.monotonic() + 120
        while "/feed.xml" not in server.hits and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.5)  # the poll's batch is stored; watch now sleeps or polls again
        if running.is_set():
            _thread.interrupt_main()  # what Ctrl-C does to the main thread

    timer = threading.Thread(target=interrupt_after_first_poll, daemon=True)
    running.set()
    timer.start()
    try:
        result = run("watch", feed, "--every", "1s", "--db", tmp_path / "c.duckdb",
                     "--allow-private")  # fmt: skip
    finally:
        running.clear()
    timer.join(timeout=5)
    assert result.exit_code == 0, result.stderr + result.stdout
    assert "stopped after" in result.stdout and "1 articles" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_events_and_export_default_to_asserted(demo_db: Path, tmp_path: Path) -> None:
    def events(*extra: str) -> list[dict]:
        out = run("events", "--db", demo_db, "-f", "jsonl", *extra)
        assert out.exit_code == 0, out.stderr
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    default, every = events(), events("--factuality", "all")
    assert default and {e["factuality"] for e in default} == {"asserted"}
    assert len(every) > len(default)  # the demo set has future/negated/hypothetical events
    out = tmp_path / "e.jsonl"
    assert run("export", "--db", demo_db, "-f", "jsonl", "-o", out).exit_code == 0
    assert len(out.read_text().splitlines()) == len(default)
    run("export", "--db", demo_db, "-f", "jsonl", "-o", out, "--factuality", "all")
    assert len(out.read_text().splitlines()) == len(every)


def test_evaluate_sentence_gold_prints_report_and_json(tmp_path: Path) -> None:
    # Made-up sentences in the sentence-gold format, not taken from the gold files.
    records = [
        ("s1", "Police in Dhaka arrested 40 opposition activists on Friday.", "COERCE", "BGD"),
        ("s2", "Iran threatened to strike Israel if the sanctions were not lifted.", "THREATEN",
         "IRN"),
        ("s3", "Pakistan and Afghanistan held talks in Doha on Saturday.", "CONSULT", "PAK"),
    ]  # fmt: skip
    gold = tmp_path / "tiny_gold.jsonl"
    gold.write_text("".join(
        json.dumps({"id": i, "text": t, "event": e, "sources": [{"code": c}], "targets": []})
        + "\n" for i, t, e, c in records
    ))  # fmt: skip
    text = run("evaluate", gold)
    assert text.exit_code == 0, text.stderr
    assert "tiny_gold.jsonl: 3 records" in text.stdout and "confusion pairs" in text.stdout
    figures = json.loads(run("evaluate", gold, "--json").stdout)
    assert figures["records"] == 3 and 0 <= figures["type_accuracy"] <= 1


def test_evaluate_article_gold_with_news_and_all_factualities(tmp_path: Path) -> None:
    news = tmp_path / "texts.jsonl"
    news.write_text(json.dumps({"id": "n1", "text": DEMO_TEXTS[0]}) + "\n")
    gold = tmp_path / "docs.jsonl"
    event = {"event": "CONSULT", "mode": None, "quote": DEMO_TEXTS[0][:60], "actor": ["PAK"],
             "recipient": ["AFG"], "factuality": "asserted"}  # fmt: skip
    gold.write_text(json.dumps({"id": "n1", "events": [event]}) + "\n")
    asserted = run("evaluate", gold, "--news", news)
    assert asserted.exit_code == 0, asserted.stderr
    assert "docs.jsonl: 1 articles (asserted events only)" in asserted.stdout
    every = run("evaluate", gold, "--news", news, "--all-factualities")
    assert "(all events)" in every.stdout
