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

Articles say more than their coded events (analysis/agenda.py): ``mediation`` says whether the
round is brokered by a third party (a coded third-party mode or mediator, else a sentence of
its articles such as "talks brokered through a third-party mediator"), and ``agenda`` lists the
topics under negotiation (ceasefire, counter-terrorism, recognition …), each with the sentences
that raise it and the coded agenda items that touch it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.analysis.agenda import (
    ARMED_SECTORS,
    TalksCues,
    agenda_topics,
    mediation_evidence,
    shipped_cues,
    topics_of,
)
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
    topics: list[str] = field(default_factory=list)  # agenda topics its sentence names


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
    # {"mode": "third-party", "mediators": [names], "evidence": [{"sentence", "start", "end", …}]}
    mediation: dict | None = None
    # [{"topic", "evidence": [{"article_id", "sentence", "start", "end", "cue"}], "event_ids"}]
    agenda: list[dict] = field(default_factory=list)


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


def talks(
    store: Store, dyad: Dyad, include_negated: bool = False, cues: TalksCues | None = None
) -> list[TalksRound]:
    """Rounds of talks between the two sides, oldest first, each with its agenda items.

    ``cues`` are the mediation and agenda words (default: ``data/analysis/talks.toml``; see
    ``agenda.load_cues`` to add a user file).
    """
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
        # Only what is put on the table (ITEM_KINDS) becomes an item: fighting is the backdrop of
        # talks (its armed groups still mark counter-terrorism topics below), and a negated
        # event ("would not use its territory to stage attacks") did not happen.
        if ev["event"] not in ITEM_KINDS or (ev["factuality"] == "negated" and not include_negated):
            continue
        # Actorless events ("the ceasefire was extended") in a talks article are about the talks.
        involved = _countries(ev)
        rnd = _nearest_round(ev, rounds) if (involved & sides or not involved) else None
        if rnd is not None:
            rnd.items.append(_item(ev))
    _read_articles(store, rounds, consults + others, cues or shipped_cues())
    return rounds


def _armed_names(events: list[dict]) -> set[str]:
    return {
        word
        for ev in events
        for a in ev["sources"] + ev["targets"]
        if a["sector"] in ARMED_SECTORS
        for word in (a["text"], a["name"])
    }


def _read_articles(store: Store, rounds: list[TalksRound], events: list[dict], cues: TalksCues) -> None:
    """Fill each round's ``mediation``, ``agenda`` and item ``topics`` from its articles."""
    by_article: dict[str, list[dict]] = {}
    for ev in events:
        by_article.setdefault(ev["article_id"], []).append(ev)
    texts = dict(
        store.sql(
            "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(by_article)],
        ).fetchall()
    )
    armed = _armed_names(events)
    for rnd in rounds:
        for item in rnd.items:
            item.topics.extend(topics_of(item.evidence["sentence"], cues, armed))
        articles = list(dict.fromkeys(c["article_id"] for c in rnd.consults))
        _mediation(rnd, articles, texts, cues)
        _agenda(rnd, articles, texts, by_article, cues, armed)


def _mediation(rnd: TalksRound, articles: list[str], texts: dict, cues: TalksCues) -> None:
    names = [m["name"] for m in rnd.mediators]
    if "third-party" in rnd.modes or names:
        evidence = [{**c["evidence"], "article_id": c["article_id"]} for c in rnd.consults]
        rnd.mediation = {"mode": "third-party", "mediators": names, "evidence": evidence}
        return
    triggers = [c["evidence"]["trigger"] for c in rnd.consults]
    for article_id in articles:
        found = mediation_evidence(texts.get(article_id, ""), cues, triggers)
        if found:
            evidence = [{**found["evidence"], "article_id": article_id}]
            rnd.mediation = {"mode": found["mode"], "mediators": [], "evidence": evidence}
            return


def _agenda(rnd: TalksRound, articles: list[str], texts: dict, by_article: dict,
            cues: TalksCues, armed: set[str]) -> None:  # fmt: skip
    topics: dict[str, dict] = {}
    for article_id in articles:
        # Sentences of coded agenda-like events count even without a cue word; fighting
        # (ASSAULT …) is the backdrop of talks, not something on their table.
        spans = [(e["evidence"]["start"], e["evidence"]["end"])
                 for e in by_article.get(article_id, []) if e["event"] in ITEM_KINDS]  # fmt: skip
        found = agenda_topics(texts.get(article_id, ""), cues, spans, armed)
        for topic, evidence in found.items():
            entry = topics.setdefault(topic, {"topic": topic, "evidence": [], "event_ids": []})
            entry["evidence"] += [{**e, "article_id": article_id} for e in evidence]
    for item in (i for i in rnd.items if i.event in ITEM_KINDS):
        for topic in item.topics:
            entry = topics.setdefault(topic, {"topic": topic, "evidence": [], "event_ids": []})
            entry["event_ids"].append(item.event_id)
    rnd.agenda = list(topics.values())
