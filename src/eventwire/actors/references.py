"""The reference words of ``data/actors/references.toml``, loaded once."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from eventwire.errors import ConfigError

_FILE = "actors/references.toml"


@lru_cache(maxsize=1)
def reference_words() -> dict[str, frozenset[str]]:
    raw = resources.files("eventwire.data").joinpath(_FILE).read_text("utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"data/{_FILE}: {err}") from err
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def words(name: str) -> frozenset[str]:
    try:
        return reference_words()[name]
    except KeyError as err:
        raise ConfigError(f"data/{_FILE}: no list named {name!r}") from err
