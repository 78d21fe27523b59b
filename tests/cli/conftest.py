"""Fixtures for the CLI tests: a database of the demo articles, ingested once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from .invoke import DEMO, run


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = run("ingest", DEMO, "--db", db)
    assert result.exit_code == 0, result.output + result.stderr
    return db
