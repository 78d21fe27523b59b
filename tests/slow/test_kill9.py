"""kill -9 of a real ingest subprocess at random moments, 5 times, then a rerun: none lost or doubled.

The child is the library's ``ingest()`` run through ``sys.executable -c`` (the CLI belongs to
another module); it prints one line per committed batch so the parent can kill it mid-run, in
the middle of coding or of a commit. The result must equal an uninterrupted run exactly: the
same article ids, report ids and event ids.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import duckdb

N_ARTICLES = 300
KILLS = 5
CHILD = """
import sys
from pathlib import Path
from eventwire.ingest import ingest
ingest([sys.argv[1]], Path(sys.argv[2]), batch_size=20,
       on_progress=lambda n: print("batch", n, flush=True))
print("done", flush=True)
"""

COUNTRIES = ["Kenya", "Ethiopia", "Pakistan", "Afghanistan", "Qatar", "Turkey", "Egypt", "Peru",
             "Chile", "Japan", "India", "Brazil", "Ghana", "Nigeria", "France", "Germany"]
ACTS = ["held talks with", "accused", "signed a trade deal with", "expelled diplomats from",
        "sent aid to", "criticised", "met officials from", "threatened"]
TOPICS = ["the border", "water rights", "fishing quotas", "a rail link", "refugees",
          "grain exports", "a cyber attack", "election monitors"]  # fmt: skip


def corpus(path) -> None:
    rng = random.Random(4)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            a, b = rng.sample(COUNTRIES, 2)
            text = (f"{a} {rng.choice(ACTS)} {b} over {rng.choice(TOPICS)} on day {i}, "
                    f"officials said. Report number {i} was filed from {rng.choice(COUNTRIES)}.")
            fh.write(json.dumps({"id": f"k{i:03d}", "text": text}) + "\n")


def run_child(corpus_path, db, kill_after: int | None) -> int:
    """Run the child; kill -9 it after ``kill_after`` committed batches plus a random delay."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus_path), str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    try:
        if kill_after is None:
            proc.communicate(timeout=300)
            return proc.returncode
        seen = 0
        while seen < kill_after and proc.stdout.readline().startswith("batch"):
            seen += 1
        time.sleep(random.uniform(0.0, 0.8))  # land anywhere: coding, writing, committing
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return proc.returncode
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def snapshot(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: sorted(r[0] for r in con.execute(f"SELECT {key} FROM {table}").fetchall())
            for table, key in (("articles", "id"), ("reports", "report_id"),
                               ("events", "event_id"), ("minhash", "article_id"))
        }  # fmt: skip
    finally:
        con.close()


def test_kill9_five_times_then_rerun_loses_and_doubles_nothing(tmp_path):
    random.seed(9)
    path = tmp_path / "corpus.jsonl"
    corpus(path)
    db = tmp_path / "killed.duckdb"
    codes = [run_child(path, db, kill_after=random.randint(0, 12)) for _ in range(KILLS)]
    assert all(code == -signal.SIGKILL for code in codes), codes
    assert run_child(path, db, kill_after=None) == 0
    clean = tmp_path / "clean.duckdb"
    assert run_child(path, clean, kill_after=None) == 0
    after, expected = snapshot(db), snapshot(clean)
    for table in after:
        assert len(after[table]) == len(set(after[table])), f"duplicated rows in {table}"
    assert after == expected
    assert len(after["articles"]) == N_ARTICLES and len(after["reports"]) == N_ARTICLES
    print(f"\nkill -9 x{KILLS} then rerun: {len(after['articles'])} articles, "
          f"{len(after['events'])} events, 0 lost, 0 duplicated")
