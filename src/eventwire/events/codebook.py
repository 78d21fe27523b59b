"""The PLOVER codebook and the CAMEO table, loaded from ``data/events/`` once per process.

Other stages (exports, the API, evaluation) read event types, modes and contexts from here so
that the vocabulary lives in one place: ``codebook().event_types``, ``codebook().cameo("046")``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from eventwire.errors import ConfigError

DATA_PACKAGE = "eventwire.data"
DATA_DIR = "events"


@dataclass(frozen=True)
class CameoEntry:
    code: str  # "046"
    description: str
    goldstein: float | None
    quad_class: int | None  # by CAMEO root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover_event: str | None  # PLOVER type of the code's root, None where PLOVER dropped it (01, 02)
    plover_mode: str | None = None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mode:
    mode: str
    definition: str
    plover_score: float | None


@dataclass(frozen=True)
class EventType:
    event: str
    quad_class: int
    requires_recipient: bool
    plover_score: float | None
    definition: str
    modes: tuple[Mode, ...]


@dataclass(frozen=True)
class Context:
    context: str
    definition: str


@dataclass(frozen=True)
class Codebook:
    version: str
    event_types: tuple[EventType, ...]
    contexts: tuple[Context, ...]
    auxiliary_modes: tuple[str, ...]
    cameo_entries: tuple[CameoEntry, ...]

    @functools.cached_property
    def _cameo_index(self) -> dict[str, CameoEntry]:
        return {e.code: e for e in self.cameo_entries}

    @property
    def event_names(self) -> tuple[str, ...]:
        return tuple(t.event for t in self.event_types)

    @property
    def context_names(self) -> tuple[str, ...]:
        return tuple(c.context for c in self.contexts)

    def event_type(self, event: str) -> EventType:
        for t in self.event_types:
            if t.event == event:
                return t
        raise KeyError(event)

    def modes(self, event: str) -> tuple[str, ...]:
        return tuple(m.mode for m in self.event_type(event).modes)

    def has_cameo(self, code: str) -> bool:
        return code in self._cameo_index

    def cameo(self, code: str) -> CameoEntry:
        """The entry of a CAMEO code; an unknown 3/4-digit code falls back to its parent code."""
        index = self._cameo_index
        probe = code
        while probe:
            if probe in index:
                return index[probe]
            probe = probe[:-1]
        raise KeyError(code)


def _read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(DATA_DIR, name).read_text(encoding="utf-8")


def _parse_cameo(text: str) -> tuple[CameoEntry, ...]:
    entries = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = line.split("\t")
        if len(cells) != 7:
            raise ConfigError(f"data/events/cameo.tsv line {lineno}: expected 7 tab-separated cells")
        code, desc, gold, quad, event, mode, ctx = cells
        entries.append(
            CameoEntry(
                code=code,
                description=desc,
                goldstein=float(gold) if gold else None,
                quad_class=int(quad) if quad else None,
                plover_event=event or None,
                plover_mode=mode or None,
                contexts=tuple(c for c in ctx.split(",") if c),
            )
        )
    return tuple(entries)


def _parse_codebook(raw: dict, cameo_entries: tuple[CameoEntry, ...]) -> Codebook:
    types = tuple(
        EventType(
            event=t["event"],
            quad_class=int(t["quad_class"]),
            requires_recipient=bool(t["requires_recipient"]),
            plover_score=t["plover_score"],
            definition=t["definition"],
            modes=tuple(Mode(m["mode"], m["definition"], m["plover_score"]) for m in t["modes"]),
        )
        for t in raw["event_types"]
    )
    return Codebook(
        version=str(raw["version"]),
        event_types=types,
        contexts=tuple(Context(c["context"], c["definition"]) for c in raw["contexts"]),
        auxiliary_modes=tuple(raw["auxiliary_modes"]),
        cameo_entries=cameo_entries,
    )


@functools.lru_cache(maxsize=1)
def codebook() -> Codebook:
    """The shipped PLOVER codebook with the CAMEO table (loaded once)."""
    raw = json.loads(_read_text("codebook.json"))
    return _parse_codebook(raw, _parse_cameo(_read_text("cameo.tsv")))


def cameo(code: str) -> CameoEntry:
    """Shortcut for ``codebook().cameo(code)``."""
    return codebook().cameo(code)
