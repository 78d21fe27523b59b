"""Running the CLI in-process, and the inputs the CLI tests read."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.main import app

REPO = Path(__file__).resolve().parents[2]
# CI clones the repository beside a copy of shared/; on a developer machine it is /work/shared.
SHARED = next(
    (p for p in (REPO.parent / "shared", Path("/work/shared")) if (p / "data").is_dir()),
    REPO.parent / "shared",
)
SEED = SHARED / "data" / "seed" / "doha_talks.txt"
DEMO = REPO / "src" / "eventwire" / "data" / "demo" / "articles.jsonl"


def run(*args: object, stdin: str | bytes | None = None):
    """Run the CLI in-process, so the spaCy model stays loaded from one test to the next."""
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)
