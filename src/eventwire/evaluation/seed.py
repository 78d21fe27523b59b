"""The seed checker: does coding an article give the events an analyst expects of it?

Expectations are a JSON object (see ``doha_talks.expected.json``):

* ``required``: each entry must match a distinct event;
* ``acceptable``: entries that extra events may match without counting against the coder;
* ``forbidden_evidence``: strings (boilerplate) no event's evidence sentence may contain;
* ``max_false_events``: how many other events are tolerated.

An entry constrains ``event`` and ``mode`` (a string or a list of alternatives; ``""`` accepts
null), ``sources``/``targets`` (each listed actor must be found with its ``country`` and one of
its ``sector`` alternatives; with ``symmetric`` true either side will do) and
``evidence_contains``. At level ``full`` it also checks the location country, ``factuality`` and
``attribution`` (``"sources (CNN-News18)"``: speaker contains "sources", outlet CNN-News18).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.evaluation.scores import actor_country

LEVELS = ("basic", "full")
_OUTLET = re.compile(r"^(?P<speaker>.*?)\s*\((?P<outlet>[^()]+)\)\s*$")


def _options(value: object) -> tuple[str | None, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(None if v == "" else v for v in values)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _evidence(event: dict) -> str:
    return (event.get("evidence") or {}).get("sentence") or ""


def _actor_ok(spec: dict, actor: dict) -> bool:
    if "country" in spec and actor_country(actor) != spec["country"]:
        return False
    return "sector" not in spec or actor.get("sector") in _options(spec["sector"])


def _roles(entry: dict, event: dict) -> str | None:
    sources, targets = event.get("sources") or [], event.get("targets") or []
    if entry.get("symmetric"):
        specs = entry.get("sources", []) + entry.get("targets", [])
        pairs = [(s, sources + targets) for s in specs]
    else:
        pairs = [(s, sources) for s in entry.get("sources", [])]
        pairs += [(t, targets) for t in entry.get("targets", [])]
    for spec, actors in pairs:
        if not any(_actor_ok(spec, a) for a in actors):
            found = ", ".join(a.get("code") or "?" for a in actors) or "none"
            want = {k: v for k, v in spec.items() if k in ("country", "sector")}
            return f"no actor {want} (found {found})"
    return None


def _basic(entry: dict, event: dict) -> str | None:
    if event.get("event") not in _options(entry["event"]):
        return f"type {event.get('event')} is not {entry['event']}"
    if "mode" in entry and event.get("mode") not in _options(entry["mode"]):
        return f"mode {event.get('mode')} is not one of {entry['mode']}"
    wanted = entry.get("evidence_contains")
    if wanted and _norm(wanted) not in _norm(_evidence(event)):
        return f"evidence does not contain {wanted!r}"
    return _roles(entry, event)


def _attribution_ok(wanted: str, got: dict | None) -> bool:
    if not got:
        return False
    m = _OUTLET.match(wanted)
    speaker, outlet = (m["speaker"], m["outlet"]) if m else (wanted, None)
    if _norm(speaker) not in _norm(got.get("speaker")):
        return False
    return outlet is None or _norm(outlet) == _norm(got.get("outlet"))


def _full(entry: dict, event: dict) -> str | None:
    where = entry.get("location")
    if where and where.get("country"):
        got = (event.get("location") or {}).get("country")
        if got != where["country"]:
            return f"location country {got} is not {where['country']}"
    if "factuality" in entry and event.get("factuality") not in _options(entry["factuality"]):
        return f"factuality {event.get('factuality')} is not {entry['factuality']}"
    wanted = entry.get("attribution")
    if wanted and not _attribution_ok(wanted, event.get("attribution")):
        return f"attribution {event.get('attribution')} is not {wanted!r}"
    return None


def mismatch(entry: dict, event: dict, level: str = "basic") -> str | None:
    """Why ``event`` does not satisfy ``entry`` at ``level``; None when it does."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    reason = _basic(entry, event)
    if reason is None and level == "full":
        reason = _full(entry, event)
    return reason


def _assign(candidates: list[list[int]]) -> dict[int, int]:
    """Maximum matching of entries to distinct events (augmenting paths; inputs are tiny)."""
    owner: dict[int, int] = {}  # event index -> entry index

    def place(entry: int, seen: set[int]) -> bool:
        for ev in candidates[entry]:
            if ev not in seen:
                seen.add(ev)
                if ev not in owner or place(owner[ev], seen):
                    owner[ev] = entry
                    return True
        return False

    for entry in range(len(candidates)):
        place(entry, set())
    return {entry: ev for ev, entry in owner.items()}


def describe(event: dict, width: int = 80) -> str:
    """One line for an event: type, mode, actor codes, factuality, evidence."""

    def codes(key: str) -> str:
        return "+".join(a.get("code") or "?" for a in event.get(key) or [])

    evidence = " ".join(_evidence(event).split())
    if len(evidence) > width:
        evidence = evidence[: width - 1] + "…"
    mode = f"/{event['mode']}" if event.get("mode") else ""
    where = (event.get("location") or {}).get("country")
    said = event.get("attribution") or {}
    extras = [f"@{where}" if where else "", event.get("factuality") or ""]
    if said:
        outlet = f" ({said['outlet']})" if said.get("outlet") else ""
        extras.append(f"per {said.get('speaker')}{outlet}")
    return (
        f"{event.get('event')}{mode} {codes('sources') or '-'} -> {codes('targets') or '-'}"
        f" [{' '.join(e for e in extras if e)}] \"{evidence}\""
    )


@dataclass(frozen=True)
class SeedReport:
    level: str
    matched: tuple[tuple[str, dict], ...]  # (required entry name, its event)
    missing: tuple[str, ...]  # names of required entries no event satisfies
    near_misses: dict[str, tuple[str, ...]]  # missing name -> why the closest events fail
    acceptable: tuple[tuple[str, dict], ...]  # extra events an acceptable entry covers
    duplicates: tuple[tuple[str, dict], ...]  # extra events repeating a required one
    false_events: tuple[dict, ...]
    forbidden: tuple[dict, ...]  # events whose evidence is forbidden text (boilerplate)
    max_false_events: int

    @property
    def ok(self) -> bool:
        return (
            not self.missing
            and not self.forbidden
            and len(self.false_events) <= self.max_false_events
        )

    def render(self) -> str:
        n_req = len(self.matched) + len(self.missing)
        lines = [
            f"seed check ({self.level}): {'OK' if self.ok else 'FAILED'}",
            f"required events matched: {len(self.matched)}/{n_req}",
        ]
        lines += [f"  ok      {name}: {describe(ev)}" for name, ev in self.matched]
        for name in self.missing:
            lines.append(f"  MISSING {name}")
            lines += [f"          {why}" for why in self.near_misses.get(name, ())]
        lines.append(f"acceptable extra events: {len(self.acceptable)}")
        lines += [f"  {name}: {describe(ev)}" for name, ev in self.acceptable]
        lines.append(f"repeats of required events: {len(self.duplicates)}")
        lines += [f"  {name}: {describe(ev)}" for name, ev in self.duplicates]
        lines.append(f"false events: {len(self.false_events)} (at most {self.max_false_events})")
        lines += [f"  {describe(ev)}" for ev in self.false_events]
        lines.append(f"events from forbidden text: {len(self.forbidden)}")
        lines += [f"  {describe(ev)}" for ev in self.forbidden]
        return "\n".join(lines)


def _near_misses(entry: dict, events: Sequence[dict], level: str) -> tuple[str, ...]:
    same_type = [e for e in events if e.get("event") in _options(entry["event"])]
    if not same_type:
        return (f"no event of type {entry['event']}",)
    taken = "fits, but another required entry took it"
    reasons = [mismatch(entry, e, level) or taken for e in same_type]
    return tuple(f"{describe(e, 60)}: {why}" for e, why in zip(same_type[:3], reasons))


def _first_name(entries: Sequence[dict], event: dict, level: str) -> str | None:
    for i, entry in enumerate(entries):
        if mismatch(entry, event, level) is None:
            return entry.get("name") or f"entry {i + 1}"
    return None


def check_seed(expected: dict, events: list[dict], level: str = "basic") -> SeedReport:
    """Check event dicts (``event_to_dict`` shape) against an expected-events object."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    banned = [_norm(s) for s in expected.get("forbidden_evidence", [])]
    forbidden = [e for e in events if any(b in _norm(_evidence(e)) for b in banned)]
    usable = [e for e in events if not any(e is f for f in forbidden)]
    required = expected.get("required", [])
    names = [r.get("name") or f"required {i + 1}" for i, r in enumerate(required)]
    candidates = [
        [j for j, ev in enumerate(usable) if mismatch(entry, ev, level) is None]
        for entry in required
    ]
    assigned = _assign(candidates)
    used = set(assigned.values())
    acceptable, duplicates, false_events = [], [], []
    for j, ev in enumerate(usable):
        if j in used:
            continue
        if (name := _first_name(required, ev, level)) is not None:
            duplicates.append((name, ev))
        elif (name := _first_name(expected.get("acceptable", []), ev, level)) is not None:
            acceptable.append((name, ev))
        else:
            false_events.append(ev)
    missing = [i for i in range(len(required)) if i not in assigned]
    return SeedReport(
        level=level,
        matched=tuple((names[i], usable[assigned[i]]) for i in sorted(assigned)),
        missing=tuple(names[i] for i in missing),
        near_misses={names[i]: _near_misses(required[i], usable, level) for i in missing},
        acceptable=tuple(acceptable),
        duplicates=tuple(duplicates),
        false_events=tuple(false_events),
        forbidden=tuple(forbidden),
        max_false_events=int(expected.get("max_false_events", 0)),
    )
