"""Word lists the attribute components read, loaded from versioned TOML files.

The shipped lists live in ``eventwire/data/attributes/*.toml`` (one file per component, each with
a top-level ``version``). A user file names the same ``[section]`` and keys; each key it names
replaces the shipped list, keys it leaves out stay as shipped::

    # my_cues.toml
    [factuality]
    future_governors = ["set", "expect", "schedule", "slate"]
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import ConfigError

CUE_FILES = ("places.toml", "dates.toml", "factuality.toml", "attribution.toml")


@dataclass(frozen=True)
class Cues:
    """``section -> key -> words``; words are lowercased, multi-word cues keep their spaces."""

    versions: tuple[str, ...]
    sections: dict[str, dict[str, frozenset[str]]]

    def words(self, section: str, key: str) -> frozenset[str]:
        try:
            return self.sections[section][key]
        except KeyError as err:
            raise ConfigError(f"attribute cue list [{section}] {key} is missing: add it to a cue file") from err

    @property
    def version(self) -> str:
        return "+".join(self.versions)


def _read(path_or_text: Path | str, origin: str) -> dict:
    try:
        text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read attribute cue file {origin}: {err}; fix or remove it") from err


def load_cues(extra_files: Iterable[Path] = ()) -> Cues:
    """The shipped cue files, then the user's files in order (a later key replaces an earlier one)."""
    package = resources.files("eventwire.data") / "attributes"
    docs = [(_read(package.joinpath(name).read_text(encoding="utf-8"), name), name) for name in CUE_FILES]
    docs += [(_read(Path(p), str(p)), str(p)) for p in extra_files]
    versions: list[str] = []
    sections: dict[str, dict[str, frozenset[str]]] = {}
    for doc, origin in docs:
        versions.append(str(doc.get("version", f"{origin}:unversioned")))
        for section, table in doc.items():
            if not isinstance(table, dict):
                continue
            merged = sections.setdefault(section, {})
            for key, words in table.items():
                merged[key] = frozenset(str(w).lower() for w in words)
    return Cues(versions=tuple(versions), sections=sections)


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The shipped lists, read once per process."""
    return load_cues()
