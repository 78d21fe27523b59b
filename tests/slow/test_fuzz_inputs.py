"""Over 1,000 generated bad inputs in ONE ingest call: 0 crashes, one error each, good ones stored.

Seeded random inputs of every kind issue 4 names: random bytes, invalid UTF-8, empty files, a
50 MB file, truncated and random-text JSON lines, broken CSV rows, pathological HTML nesting,
"feeds" that are not feeds, WARC files that are not WARC, and a URL that times out.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import duckdb

from eventwire.ingest import ingest
from eventwire.sources import FetchPolicy

# tests/slow is not a package; the loopback server lives in tests/sources.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sources.loopback import LoopbackServer  # noqa: E402

GOOD = [
    "Kenya and Ethiopia held talks in Nairobi on Tuesday about the disputed border, officials said.",
    "Police arrested dozens of protesters in the capital on Monday, witnesses said.",
    "The United Nations sent food aid to Yemen after heavy flooding, the agency said.",
    "Russia accused Ukraine of shelling a border town, the defence ministry said.",
]


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("abcdefghij klmnop{}[]\":,é€漢\t") for _ in range(n))


def bad_files(folder, rng: random.Random) -> int:
    """Write bad inputs; returns how many errors they must produce."""
    expected = 0
    for i in range(300):  # random bytes with a NUL, or invalid UTF-8 without one
        data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 400)))
        data = data + b"\x00" if i % 2 else data.replace(b"\x00", b"") + b"\xff\xfe"
        (folder / f"bytes{i}.txt").write_bytes(data)
        expected += 1
    for i in range(100):
        (folder / f"empty{i}.txt").write_bytes(b" \n" * (i % 3))
        expected += 1
    for i in range(100):
        kind = i % 3
        html = ("<div>" * 50_000 if kind == 0 else "<html><body><nav>menu</nav></body></html>"
                if kind == 1 else "<html>" + random_text(rng, 200) + "\x00</html>")  # fmt: skip
        (folder / f"page{i}.html").write_text(html, encoding="utf-8")
        expected += 1
    for i in range(60):
        (folder / f"feed{i}.xml").write_text(random_text(rng, 300), encoding="utf-8")
        (folder / f"arch{i}.warc").write_bytes(bytes(rng.randrange(1, 256) for _ in range(300)))
        expected += 2
    (folder / "huge.txt").write_bytes(b"word " * 10_000_000)  # 50 MB
    expected += 1
    return expected


def jsonl_lines(rng: random.Random) -> tuple[list[str], int, list[str]]:
    lines, good_ids = [], []
    for i in range(400):
        whole = json.dumps({"id": f"j{i}", "text": GOOD[i % len(GOOD)] + f" Item {i}."})
        if i % 20 == 0:
            lines.append(whole)
            good_ids.append(f"j{i}")
        elif i % 2:
            lines.append(whole[: rng.randint(1, len(whole) - 2)])  # truncated JSON
        else:
            lines.append(random_text(rng, rng.randint(1, 120)).replace("\n", " ") + "x")
    return lines, len(lines) - len(good_ids), good_ids


def test_thousand_bad_inputs_in_one_batch(tmp_path):
    rng = random.Random(1234)
    folder = tmp_path / "in"
    folder.mkdir()
    expected = bad_files(folder, rng)
    lines, bad_lines, good_ids = jsonl_lines(rng)
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i, text in enumerate(GOOD):
        (folder / f"good{i}.txt").write_text(text, encoding="utf-8")
    expected += bad_lines
    with LoopbackServer() as server:
        slow = server.add("/slow", "<html><body><p>late</p></body></html>", delay=2.0)
        policy = FetchPolicy(allow_private=True, min_interval=0, read_timeout=0.3)
        db = tmp_path / "ew.duckdb"
        summary = ingest([str(folder), slow], db, batch_size=5000, fetch_policy=policy)
    expected += 1  # the URL that times out
    origins = [e.origin for e in summary.errors]
    assert len(origins) == len(set(origins)) == expected  # one error per bad input
    assert all("\n" not in str(e) for e in summary.errors)
    con = duckdb.connect(str(db), read_only=True)
    stored = {r[0] for r in con.execute("SELECT origin FROM articles").fetchall()}
    logged = con.execute("SELECT count(*) FROM ingest_errors").fetchone()[0]
    con.close()
    good_origins = {str(folder / f"good{i}.txt") for i in range(len(GOOD))}
    assert good_origins <= stored and len(stored) == len(GOOD) + len(good_ids)
    assert logged == expected and summary.failed == expected
    print(f"\nfuzz: {expected} bad inputs -> {summary.failed} errors, 0 crashes; "
          f"{len(stored)} of {len(GOOD) + len(good_ids)} good inputs stored")
