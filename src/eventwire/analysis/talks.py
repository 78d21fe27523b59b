"""The talks tracker: rounds of negotiation between two country sets, and what surrounds each.

A *round* is the set of CONSULT events involving both sides (either direction, symmetric, or
hosted: "Qatar hosted talks between Pakistan and the Taliban" names both sides as targets) that
share a day and a venue. Reports of the same round in several articles merge into one round.

Its *agenda items* are the other events of the same articles that involve either side: demands
(REQUEST), agreements (AGREE), concessions and ceasefires (CONCEDE), rejections (REJECT),
withdrawals (RETREAT), threats, accusations … each with its evidence sentence. An article that
reports two rounds gives each item to the round whose CONSULT sentence is nearest in the text.

The *mediator* is any participant of the round's CONSULT events from neither side (a third
country or an IGO); the *host* is the venue's country when it belongs to neither side.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.analysis.events import EVENT_COLUMNS, fetch_events
from eventwire.analysis.filters import Dyad, has_any
from eventwire.store import Store

ITEM_KINDS = {
    "REQUEST": "demand",
    "AGREE": "agreement",
    "CONCEDE": "concession",
    "REJECT": "rejection",
    "RETREAT": "withdrawal",
    "THREATEN": "threat",
    "ACCUSE": "accusation",
    "SUPPORT": "support",
    "COOPERATE": "cooperation",
    "AID": "aid",
}
_CEASEFIRE_WORDS = ("ceasefire", "cease-fire", "truce", "armistice")


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # demand | agreement | concession | ceasefire | rejection | …
    event: str
    mode: str | None
    factuality: str
    event_id: str
    article_id: str
    sources: list[str]
    targets: list[str]
    evidence: dict


@dataclass
class TalksRound:
    date: str | None
    venue: dict | None  # {"name", "country", "lat", "lon"}
    modes: list[str] = field(default_factory=list)  # third-party, multilateral, visit …
    mediators: list[dict] = field(default_factory=list)  # {"name", "code", "country"}
    host: str | None = None
    factuality: list[str] = field(default_factory=list)
    consults: list[dict] = field(default_factory=list)  # {"event_id", "article_id", "evidence"}
    items: list[AgendaItem] = field(default_factory=list)


def _involves_both(dyad: Dyad) -> tuple[str, list]:
    """Each side appears among the event's participants, in any role."""
    parts, params = [], []
    for side in (dyad.a, dyad.b):
        src, src_params = has_any("e.source_countries", side)
        tgt, tgt_params = has_any("e.target_countries", side)
        parts.append(f"({src} OR {tgt})")
        params += src_params + tgt_params
    return " AND ".join(parts), params


def _kind(ev: dict) -> str:
    text = (ev["evidence"]["trigger"] + " " + (ev["mode"] or "")).lower()
    if any(w in text for w in _CEASEFIRE_WORDS):
        return "ceasefire"
    return ITEM_KINDS.get(ev["event"], ev["event"].lower())


def _countries(ev: dict) -> set[str]:
    return {a["country"] for a in ev["sources"] + ev["targets"] if a["country"]}


def _item(ev: dict) -> AgendaItem:
    return AgendaItem(
        kind=_kind(ev), event=ev["event"], mode=ev["mode"], factuality=ev["factuality"],
        event_id=ev["event_id"], article_id=ev["article_id"],
        sources=[a["code"] for a in ev["sources"]], targets=[a["code"] for a in ev["targets"]],
        evidence=ev["evidence"],
    )  # fmt: skip


def _add_consult(rnd: TalksRound, ev: dict, sides: set[str]) -> None:
    if ev["mode"] and ev["mode"] not in rnd.modes:
        rnd.modes.append(ev["mode"])
    if ev["factuality"] not in rnd.factuality:
        rnd.factuality.append(ev["factuality"])
    for actor in ev["sources"] + ev["targets"]:
        third = actor["country"] not in sides
        if third and all(m["code"] != actor["code"] for m in rnd.mediators):
            rnd.mediators.append({k: actor[k] for k in ("name", "code", "country")})
    loc = ev["location"]
    if loc and loc["country"] and loc["country"] not in sides:
        rnd.host = loc["country"]
    rnd.consults.append(
        {"event_id": ev["event_id"], "article_id": ev["article_id"], "evidence": ev["evidence"]}
    )


def _venue(ev: dict) -> dict | None:
    loc = ev["location"]
    if not loc:
        return None
    return {"name": loc["name"] or loc["text"], "country": loc["country"],
            "lat": loc["lat"], "lon": loc["lon"]}  # fmt: skip


def _rounds(consults: list[dict], sides: set[str]) -> list[TalksRound]:
    rounds: dict[tuple, TalksRound] = {}
    for ev in consults:
        venue = _venue(ev)
        key = (ev["day"], venue["name"] if venue else None)
        rnd = rounds.setdefault(key, TalksRound(date=ev["day"], venue=venue))
        _add_consult(rnd, ev, sides)
    return sorted(rounds.values(), key=lambda r: (r.date or "", (r.venue or {}).get("name") or ""))


def _nearest_round(ev: dict, rounds: list[TalksRound]) -> TalksRound | None:
    best, best_distance = None, None
    for rnd in rounds:
        for c in rnd.consults:
            if c["article_id"] != ev["article_id"]:
                continue
            distance = abs(c["evidence"]["start"] - ev["evidence"]["start"])
            if best_distance is None or distance < best_distance:
                best, best_distance = rnd, distance
    return best


def talks(store: Store, dyad: Dyad, include_negated: bool = False) -> list[TalksRound]:
    """Rounds of talks between the two sides, oldest first, each with its agenda items."""
    cols = ", ".join("e." + c.strip() for c in EVENT_COLUMNS.split(","))
    both, params = _involves_both(dyad)
    negated = "" if include_negated else " AND e.factuality <> 'negated'"
    consults = fetch_events(
        store,
        f"SELECT {cols} FROM events e WHERE e.event = 'CONSULT' AND {both}{negated} "
        "ORDER BY e.day, e.article_id, e.evidence_start",
        params,
    )
    sides = set(dyad.a) | set(dyad.b)
    rounds = _rounds(consults, sides)
    articles = sorted({ev["article_id"] for ev in consults})
    if not articles:
        return rounds
    others = fetch_events(
        store,
        f"SELECT {cols} FROM events e WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) "
        "AND e.event <> 'CONSULT' ORDER BY e.article_id, e.evidence_start",
        [articles],
    )
    for ev in others:
        # Actorless events ("the ceasefire was extended") in a talks article are about the talks.
        involved = _countries(ev)
        rnd = _nearest_round(ev, rounds) if (involved & sides or not involved) else None
        if rnd is not None:
            rnd.items.append(_item(ev))
    return rounds
