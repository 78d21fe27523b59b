"""Running the CLI in-process, and the inputs the CLI tests read."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.main import app

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ["EVENTWIRE_SHARED"])  # set by tests/conftest.py
SEED = SHARED / "data" / "seed" / "doha_talks.txt"
DEMO = REPO / "src" / "eventwire" / "data" / "demo" / "articles.jsonl"


def run(*args: object, stdin: str | bytes | None = None):
    """Run the CLI in-process, so the spaCy model stays loaded from one test to the next."""
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)
