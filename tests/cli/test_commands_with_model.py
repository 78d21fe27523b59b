"""The commands end to end on real inputs, a real spaCy model and a real DuckDB file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq

from .invoke import DEMO, SEED, run

EVENT_KEYS = {"event_id", "article_id", "event", "sources", "targets", "evidence", "factuality"}


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _stats(db: Path) -> dict:
    result = run("stats", "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_code_prints_the_seed_events_and_none_from_the_footer() -> None:
    result = run("code", SEED, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    events = _jsonl(result.stdout)
    assert events and all(EVENT_KEYS <= set(ev) for ev in events)
    assert "CONSULT" in {ev["event"] for ev in events}
    footer_start = SEED.read_text(encoding="utf-8").index("The opinions posted here")
    assert all(ev["evidence"]["start"] < footer_start for ev in events)


def test_code_table_is_the_default(tmp_path: Path) -> None:
    result = run("code", SEED)
    assert result.exit_code == 0, result.stderr
    assert "CONSULT" in result.stdout and "evidence" in result.stdout


def test_code_reads_stdin_and_takes_a_date() -> None:
    text = "Pakistan and Afghanistan held talks in Doha on Friday to extend the ceasefire."
    result = run("code", "-", "--date", "2026-02-06", "--format", "json", stdin=text)
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)
    assert any(ev["event"] == "CONSULT" for ev in events)


def test_code_reports_bad_inputs_one_line_each_and_codes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (tmp_path / "broken.jsonl").write_text('{"text": "Iran threatened Israel."}\n{"text": \n')
    good = tmp_path / "good.txt"
    good.write_text("Police in Dhaka arrested 40 opposition activists on Friday.")
    inputs = [tmp_path / n for n in ("empty.txt", "binary.txt", "broken.jsonl")] + [good]
    result = run("code", *inputs, "--format", "csv")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, result.stderr
    assert any("empty.txt" in e for e in errors) and any("binary.txt" in e for e in errors)
    assert any("broken.jsonl:2" in e for e in errors)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"COERCE", "THREATEN"} & {row["event"] for row in rows}


def test_bad_option_values_exit_2_with_one_line() -> None:
    assert run("code", SEED, "--date", "06/02/2026").exit_code == 2
    result = run("events", "--db", "/nonexistent/dir/x.duckdb")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "x.duckdb" in result.stderr


def test_ingest_twice_leaves_the_same_rows(demo_db: Path) -> None:
    first = _stats(demo_db)
    assert first["tables"]["articles"] == len(DEMO.read_text().splitlines())
    assert sum(first["event_types"].values()) > 16
    again = run("ingest", DEMO, "--db", demo_db)
    assert again.exit_code == 0, again.stderr
    assert "events stored" in again.stdout
    assert _stats(demo_db) == first


def test_demo_covers_most_event_types(demo_db: Path) -> None:
    # The demo articles were written to show most of PLOVER's 16 types.
    assert len(_stats(demo_db)["event_types"]) >= 10


def test_ingest_stores_good_inputs_and_exits_2_on_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_bytes(b'{"id": "x", "text": "\xff\xfe broken"}\n')
    db = tmp_path / "t.duckdb"
    result = run("ingest", tmp_path / "bad.jsonl", SEED, "--db", db)
    assert result.exit_code == 2
    assert "bad.jsonl" in result.stderr
    assert _stats(db)["tables"]["articles"] == 1


def test_events_filters(demo_db: Path) -> None:
    result = run("events", "--db", demo_db, "--dyad", "PAK,AFG", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    dyad = _jsonl(result.stdout)
    assert dyad
    for ev in dyad:
        countries = {a["country"] for a in ev["sources"] + ev["targets"]}
        assert {"PAK", "AFG"} <= countries
    typed = _jsonl(run("events", "--db", demo_db, "--type", "consult", "-f", "jsonl").stdout)
    assert typed and {ev["event"] for ev in typed} == {"CONSULT"}
    limited = _jsonl(run("events", "--db", demo_db, "--limit", "3", "-f", "jsonl").stdout)
    assert len(limited) == 3
    late = run("events", "--db", demo_db, "--since", "2026-03-01", "-f", "jsonl").stdout
    assert all((ev["date"] or "9999") >= "2026-03-01" for ev in _jsonl(late))
    assert run("events", "--db", demo_db, "--dyad", "PAK").exit_code == 2


def test_export_formats_have_every_event(demo_db: Path, tmp_path: Path) -> None:
    total = len(_jsonl(run("events", "--db", demo_db, "-f", "jsonl").stdout))
    for fmt in ("parquet", "csv", "jsonl"):
        out = tmp_path / f"events.{fmt}"
        result = run("export", "--db", demo_db, "--format", fmt, "--out", out)
        assert result.exit_code == 0, result.stderr
        assert f"wrote {total} events" in result.stderr
        if fmt == "parquet":
            assert pq.read_table(out).num_rows == total
        elif fmt == "csv":
            assert len(list(csv.DictReader(out.open()))) == total
        else:
            assert len(_jsonl(out.read_text())) == total


def test_config_file_sets_the_database(demo_db: Path, tmp_path: Path) -> None:
    config = tmp_path / "conf.toml"
    config.write_text(f'db = "{demo_db}"\n')
    result = run("--config", config, "stats", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == _stats(demo_db)


def test_a_missing_actor_file_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "my_actors.tsv"
    result = run("code", SEED, "--actors", missing)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "my_actors.tsv" in lines[0]
