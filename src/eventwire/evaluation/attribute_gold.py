"""Attribute agreement with gold: factuality and actor countries on article gold, location on
sentence gold.

Article gold names, per type, one verbatim quote with its factuality, actor and recipient
countries. A predicted event answers that entry when it has the gold type and its evidence
sentence overlaps the quote in the article text (the quote may be a clause of the sentence or
run across two); among several, the one with the largest overlap (then confidence) answers.
Entries no event answers are not scored here (the type scores count them as misses), so these
figures say how right the attributes are of the events found, and ``gold_quotes_matched`` says
how many entries that is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from eventwire.attributes import Gazetteer
from eventwire.attributes.gazetteer import normalise_name
from eventwire.evaluation.attributes import Share
from eventwire.evaluation.gold import GoldArticle, GoldEvent, GoldSentence
from eventwire.evaluation.sentences import sides, top_event


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Character offsets of ``quote`` in ``text``, allowing for differences in whitespace."""
    if not quote.strip():
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    found = re.search(r"\s+".join(re.escape(w) for w in quote.split()), text)
    return found.span() if found else None


def _overlap(event: dict, span: tuple[int, int]) -> int:
    evidence = event.get("evidence") or {}
    start, end = evidence.get("start", 0), evidence.get("end", 0)
    return max(0, min(end, span[1]) - max(start, span[0]))


def answering_event(text: str, entry: GoldEvent, events: Sequence[dict]) -> dict | None:
    """The predicted event of the entry's type whose evidence best overlaps the gold quote."""
    span = quote_span(text, entry.quote)
    if span is None:
        return None
    scored = [(_overlap(ev, span), ev.get("confidence") or 0.0, ev)
              for ev in events if ev.get("event") == entry.event]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def article_agreement(
    gold: Sequence[GoldArticle], events_by_id: Mapping[str, Sequence[dict]]
) -> dict[str, Share]:
    """Factuality and actor/recipient country agreement over gold entries an event answers."""
    entries = matched = 0
    fact: list[bool] = []
    actor: list[bool] = []
    recipient: list[bool] = []
    for g in gold:
        for entry in g.events:
            entries += 1
            ev = answering_event(g.article.text, entry, events_by_id.get(g.article.id, ()))
            if ev is None:
                continue
            matched += 1
            fact.append(ev.get("factuality") == entry.factuality)
            sources, targets = sides(ev)
            if entry.actor:
                actor.append(bool(sources & set(entry.actor)))
            if entry.recipient:
                recipient.append(bool(targets & set(entry.recipient)))
    return {
        "gold_quotes_matched": Share(matched, entries),
        "factuality_agreement": Share(sum(fact), len(fact)),
        "actor_country_agreement": Share(sum(actor), len(actor)),
        "recipient_country_agreement": Share(sum(recipient), len(recipient)),
    }


def gold_place_country(name: str, gazetteer: Gazetteer) -> str | None:
    """Country of a gold ``event_loc``: the whole name, else its longest part the gazetteer knows
    ("province of Herat" -> Herat -> AFG)."""
    words = name.split()
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if not part[:1].isupper():
                continue
            entry = gazetteer.lookup(part)
            if entry is not None and entry.country:
                return entry.country
    return None


def same_place(gold_name: str, location: Mapping | None, gazetteer: Gazetteer) -> bool:
    """The predicted location names the gold place: as written, by canonical name, or both
    resolve to the same gazetteer place ("Khatmandu" and "Kathmandu")."""
    if not location:
        return False
    gold = normalise_name(gold_name)
    for said in (location.get("text"), location.get("name")):
        said = normalise_name(said or "")
        if said and (said in gold or gold in said):
            return True
    entry = gazetteer.lookup(gold_name)
    return entry is not None and entry.name == location.get("name")


def sentence_location_agreement(
    gold: Sequence[GoldSentence], events_by_id: Mapping[str, Sequence[dict]],
    gazetteer: Gazetteer,
) -> dict[str, Share]:
    """Place and country agreement of the top event's location, over records with ``event_loc``."""
    place: list[bool] = []
    country: list[bool] = []
    for g in gold:
        if not g.location:
            continue
        location = (top_event(events_by_id.get(g.id, ())) or {}).get("location")
        place.append(same_place(g.location, location, gazetteer))
        wanted = gold_place_country(g.location, gazetteer)
        if wanted:
            country.append(bool(location) and location.get("country") == wanted)
    return {
        "location_agreement": Share(sum(place), len(place)),
        "location_country_agreement": Share(sum(country), len(country)),
    }
