"""Commands that need no spaCy model: serve (a real uvicorn subprocess), merge, option parsing."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import typer
import typer.main

from eventwire.backfill import manifest, plan_shards
from eventwire.cli.main import app
from eventwire.cli.watch import parse_duration

from analysis.sample import build_store

from .invoke import run


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("2d", 172800), ("90", 90),
     ("0.5s", 0.5), (" 15M ", 900)],
)  # fmt: skip
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5x", "m", "1h-5m", "0s", "-3", "15 m"])
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(typer.BadParameter):
        parse_duration(text)


def test_watch_refuses_a_bad_interval_before_loading_anything() -> None:
    result = run("watch", "http://127.0.0.1:9/feed.xml", "--every", "soon")
    assert result.exit_code == 2
    assert "not a duration" in result.output + result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 30) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_serve_uses_the_token_setting_and_stays_on_loopback(tmp_path: Path) -> None:
    db = build_store(tmp_path / "sample.duckdb")
    config = tmp_path / "eventwire.toml"
    config.write_text(f'db = "{db}"\napi_token = "s3cret"\n')
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_API_TOKEN"}
    cmd = [sys.executable, "-m", "eventwire.cli.main", "--config", str(config), "serve",
           "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        health = _wait_for(f"http://127.0.0.1:{port}/health", proc).json()
        assert health["ingest_enabled"] is True  # the token came from the settings file
        assert health["events"] > 0
        denied = httpx.post(f"http://127.0.0.1:{port}/articles", json={"text": "x"}, timeout=5)
        assert denied.status_code == 401
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "<html" in page.text.lower()
        # Bound to 127.0.0.1 only: another local address of this machine is not served.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent; this only picks an interface
            own = probe.getsockname()[0]
        if own != "127.0.0.1":
            with pytest.raises(httpx.TransportError):
                httpx.get(f"http://{own}:{port}/health", timeout=2)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}" in err
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_serve_without_database_or_token_is_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("EVENTWIRE_API_TOKEN", raising=False)
    result = run("serve", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "none.duckdb" in lines[0] and "eventwire ingest" in lines[0]


def test_merge_with_missing_shards_says_to_rerun_backfill(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Pakistan and Afghanistan held talks in Doha on Friday.")
    out = tmp_path / "bf"
    out.mkdir()
    manifest.write_plan(out, plan_shards([str(article)]))  # planned, never coded
    db = tmp_path / "m.duckdb"
    result = run("merge", out, "--db", db)
    assert result.exit_code == 2
    assert "1 of 1 shards are missing" in result.stderr
    assert "eventwire backfill" in result.stderr and str(out) in result.stderr
    assert "shards merged" in result.stdout


def test_merge_of_a_plain_directory_is_one_line(tmp_path: Path) -> None:
    result = run("merge", tmp_path, "--db", tmp_path / "m.duckdb")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "run backfill first" in result.stderr


def test_backfill_without_dask_names_the_extra(tmp_path: Path, monkeypatch) -> None:
    # The one fake: the `cluster` extra cannot be uninstalled for a test, so importing it fails.
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = run("backfill", tmp_path, "--out", tmp_path / "bf")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: backfill needs Dask distributed: pip install 'eventwire[cluster]'"
    )


def test_backfill_refuses_workers_and_scheduler_together(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police in Dhaka arrested 40 activists on Friday.")
    result = run("backfill", tmp_path / "a.txt", "--out", tmp_path / "bf", "--workers", "1",
                 "--scheduler", "tcp://127.0.0.1:9")  # fmt: skip
    assert result.exit_code == 2
    assert "either --workers" in result.stderr


def test_shard_size_help_states_the_library_default() -> None:
    from eventwire.backfill import DEFAULT_SHARD_SIZE

    command = typer.main.get_command(app).commands["backfill"]
    (option,) = [p for p in command.params if p.name == "shard_size"]
    assert f"default {DEFAULT_SHARD_SIZE}" in option.help


def test_evaluate_names_a_bad_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "what": 1}) + "\n")
    result = run("evaluate", gold)
    assert result.exit_code == 2
    assert "gold.jsonl:1" in result.stderr and "not a gold record" in result.stderr
