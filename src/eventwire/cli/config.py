"""Settings as a command sees them: the global ``--config`` file, then env, then its own options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from eventwire.settings import Settings, load_settings


def command_settings(ctx: typer.Context, **options: Any) -> Settings:
    """Settings for one command; ``options`` are its CLI values (None or empty = not given)."""
    config: Path | None = (ctx.obj or {}).get("config")
    given = {k: (tuple(v) if isinstance(v, list) else v) for k, v in options.items()}
    # An empty list means the repeatable option was not used: keep the file/env value.
    given = {k: v for k, v in given.items() if v not in (None, ())}
    return load_settings(config=config, overrides=given)
