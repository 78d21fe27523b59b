"""The files of a backfill directory, written by the driver only (workers write shard files).

::

    <out>/backfill.json    what the shards were coded with (knowledge files, default date)
    <out>/plan.json        the shards of the latest run, in reading order
    <out>/manifest.jsonl   one line per shard: done | failed | pending, counts, errors, timing
    <out>/shards/<id>.parquet

While a run goes on, ``manifest.jsonl`` grows by one line per finished shard, so a crashed
driver still leaves a record; at the end it is rewritten with exactly one line per planned shard.
The shard files themselves stay the truth: a shard is done when its file is complete.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from eventwire import __version__
from eventwire.backfill.plan import Shard
from eventwire.backfill.shardfile import shard_meta
from eventwire.errors import ConfigError

CONFIG_FILE = "backfill.json"
PLAN_FILE = "plan.json"
MANIFEST_FILE = "manifest.jsonl"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def coding_config(
    actor_files: Sequence[str], pattern_files: Sequence[str], default_date: date | None
) -> dict:
    """What decides the output of a shard besides its input (content hashes, not names)."""
    return {
        "eventwire": __version__,
        "actor_files": [_file_digest(p) for p in actor_files],
        "pattern_files": [_file_digest(p) for p in pattern_files],
        "default_date": default_date.isoformat() if default_date else None,
    }


def check_config(out_dir: Path, config: dict) -> None:
    """Record ``config`` in a new directory; refuse a directory coded with another one.

    Mixing shards coded with different knowledge files would give a store that no single run
    could have produced, and skipping "complete" shards would hide the change.
    """
    path = out_dir / CONFIG_FILE
    if path.exists():
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored != config:
            raise ConfigError(
                f"{out_dir} holds shards coded with other settings ({_differences(stored, config)});"
                " use a new --out directory, or delete this one to recode everything"
            )
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, json.dumps(config, indent=2) + "\n")


def _differences(old: dict, new: dict) -> str:
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return ", ".join(f"{k} differs" for k in keys)


def write_plan(out_dir: Path, shards: Sequence[Shard]) -> None:
    doc = {"shards": [s.to_dict() for s in shards]}
    _write_atomic(out_dir / PLAN_FILE, json.dumps(doc) + "\n")


def read_plan(out_dir: Path) -> list[Shard]:
    path = Path(out_dir) / PLAN_FILE
    if not path.exists():
        raise ConfigError(f"{out_dir} is not a backfill directory (no {PLAN_FILE}); run backfill first")
    doc = json.loads(path.read_text(encoding="utf-8"))
    return [Shard.from_dict(s) for s in doc["shards"]]


def _where(shard: Shard) -> list[dict]:
    return [{"path": p.path, "first_line": p.first_line, "units": p.units} for p in shard.parts]


def entry(shard: Shard, status: str, stats: dict | None = None, error: str | None = None) -> dict:
    """One manifest line. ``stats`` is a ShardResult as a dict (from the worker or shard file)."""
    return {
        "shard_id": shard.shard_id,
        "status": status,
        "parts": _where(shard),
        **{k: v for k, v in (stats or {}).items() if k not in ("shard_id", "format")},
        "error": error,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def append_entry(out_dir: Path, line: dict) -> None:
    with open(out_dir / MANIFEST_FILE, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(line) + "\n")


def rewrite_manifest(out_dir: Path, shards: Iterable[Shard], failures: dict[str, str]) -> list[dict]:
    """One line per planned shard, from the shard files (done) and this run's failures."""
    lines = []
    for shard in shards:
        meta = shard_meta(out_dir, shard.shard_id)
        if meta is not None:
            lines.append(entry(shard, "done", meta))
        elif shard.shard_id in failures:
            lines.append(entry(shard, "failed", error=failures[shard.shard_id]))
        else:
            lines.append(entry(shard, "pending"))
    _write_atomic(out_dir / MANIFEST_FILE, "".join(json.dumps(x) + "\n" for x in lines))
    return lines


def read_manifest(out_dir: Path) -> list[dict]:
    path = Path(out_dir) / MANIFEST_FILE
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
