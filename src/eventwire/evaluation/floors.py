"""Pinned accuracy floors: the eval gate that fails CI when a figure regresses.

A floors file is versioned JSON::

    {"version": 1, "comment": "...",
     "gates": {"<gate>": {"gold": "<path>", "floors": {"<figure>": 0.70},
                          "targets": {"<figure>": 0.85}, "targets_issue": "3"}}}

``floors`` are asserted; ``targets`` are where a later issue wants the figure and are only
reported until that issue raises the floors to meet them. Lowering a floor is an explicit,
reviewed change to the file, never a side effect of a test run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ConfigError

FLOORS_VERSION = 1


@dataclass(frozen=True)
class Gate:
    name: str
    gold: str  # gold file, relative to the data directory the caller chooses
    floors: dict[str, float] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)
    targets_issue: str | None = None


def load_gate(path: Path, name: str) -> Gate:
    """The gate ``name`` of the floors file at ``path``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: cannot read floors file ({err})") from err
    if data.get("version") != FLOORS_VERSION:
        raise ConfigError(f"{path}: floors version {data.get('version')!r}, expected 1")
    gate = data.get("gates", {}).get(name)
    if gate is None:
        raise ConfigError(f"{path}: no gate {name!r}; add it under `gates`")
    return Gate(
        name=name,
        gold=gate["gold"],
        floors={k: float(v) for k, v in gate.get("floors", {}).items()},
        targets={k: float(v) for k, v in gate.get("targets", {}).items()},
        targets_issue=gate.get("targets_issue"),
    )


def below(figures: dict[str, float | int], limits: dict[str, float]) -> list[str]:
    """One message per figure under its limit (or absent from ``figures``); empty when all pass."""
    failures = []
    for figure, limit in sorted(limits.items()):
        value = figures.get(figure)
        if value is None:
            failures.append(f"{figure}: not computed (limit {limit:.3f})")
        elif value < limit:
            failures.append(f"{figure}: {value:.3f} < {limit:.3f}")
    return failures
