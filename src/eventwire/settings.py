"""Typed settings: defaults, then ``eventwire.toml``, then ``EVENTWIRE_*`` variables, then CLI options.

Each layer overrides the one before it, field by field (later wins); a list given by a later
layer replaces the earlier list, it does not extend it. Every field is documented in its
``metadata["doc"]``; README.md lists them all (tests/test_docs.py checks it).

A TOML file holds the same names as the fields, at top level::

    db = "data/events.duckdb"
    batch_size = 32
    actor_files = ["my_actors.jsonl"]

Relative paths in a TOML file are taken relative to the file, so a project can keep its
``eventwire.toml`` beside its knowledge files.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

CONFIG_FILE = "eventwire.toml"
ENV_PREFIX = "EVENTWIRE_"


@dataclass(frozen=True)
class Settings:
    db: Path = field(
        default=Path("eventwire.duckdb"),
        metadata={"doc": "DuckDB file that `ingest` writes and `events`, `export`, `stats` read."},
    )
    batch_size: int = field(
        default=64,
        metadata={
            "doc": "Articles parsed together by spaCy and committed in one store transaction."
        },
    )
    actor_files: tuple[Path, ...] = field(
        default=(),
        metadata={"doc": "User actor files that extend or override the bundled actor data."},
    )
    pattern_files: tuple[Path, ...] = field(
        default=(),
        metadata={"doc": "User trigger-pattern files that extend or override the bundled patterns."},
    )
    api_token: str | None = field(
        default=None,
        repr=False,  # a secret: kept out of reprs, logs and tracebacks
        metadata={
            "doc": "Bearer token that `serve` requires for `POST /articles`; unset, it is off."
        },
    )


def field_docs() -> dict[str, str]:
    """Field name -> its one-line documentation, in declaration order."""
    return {f.name: f.metadata["doc"] for f in fields(Settings)}


def env_name(field_name: str) -> str:
    return ENV_PREFIX + field_name.upper()


def _coerce(name: str, value: Any, base: Path | None) -> Any:
    """Turn a raw TOML or environment value into the field's type, or say what is wrong."""
    try:
        if name == "db":
            return _path(value, base)
        if name == "api_token":
            if not isinstance(value, str) or not value.strip():
                raise ValueError("must be a non-empty string")
            return value.strip()
        if name == "batch_size":
            size = int(value)
            if size < 1:
                raise ValueError("must be at least 1")
            return size
        if isinstance(value, str):
            # Environment variables carry lists as os.pathsep-separated paths, like PATH.
            value = [v for v in value.split(os.pathsep) if v]
        if not isinstance(value, list | tuple):
            raise ValueError("must be a list of paths")
        return tuple(_path(v, base) for v in value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name!r} = {value!r} is invalid: {err}") from err


def _path(value: Any, base: Path | None) -> Path:
    if not isinstance(value, str | os.PathLike) or not str(value):
        raise ValueError("must be a non-empty path")
    path = Path(value).expanduser()
    return base / path if base is not None and not path.is_absolute() else path


def _from_mapping(values: Mapping[str, Any], origin: str, base: Path | None) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"{origin}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return {name: _coerce(name, value, base) for name, value in values.items()}


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config file ({err.strerror})") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err
    return _from_mapping(raw, str(path), path.parent)


def read_env(environ: Mapping[str, str]) -> dict[str, Any]:
    values = {}
    for f in fields(Settings):
        raw = environ.get(env_name(f.name))
        if raw is not None and raw != "":
            values[f.name] = _coerce(f.name, raw, None)
    return values


def load_settings(
    config: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Settings from defaults, the config file, the environment and ``overrides`` (later wins).

    ``config`` names a TOML file that must exist; without it ``eventwire.toml`` in ``cwd`` is read
    if present. ``overrides`` are CLI options: entries whose value is None were not given.
    """
    settings = Settings()
    if config is None:
        candidate = (cwd or Path.cwd()) / CONFIG_FILE
        config = candidate if candidate.is_file() else None
    if config is not None:
        settings = replace(settings, **read_config_file(config))
    settings = replace(settings, **read_env(os.environ if environ is None else environ))
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    return replace(settings, **_from_mapping(given, "command line", None))
