"""Attribute coverage of any coded corpus: factuality, location, date and attribution shares.

Issue 3 asks that every event has a factuality, that every event whose sentence names a place
has a location, and that the share of events with a resolved date is reported. The place check
is made independently of ``attributes/places.py``: the evidence sentences are run through the
model's NER on their own, and a sentence names a place when it holds a GPE/LOC entity (or a
proper-noun run the gazetteer knows as a country or capital) that is not only the text of one of
the event's actors ("Pakistan accused India" names two actors, no place). The attribution check
is a plain cue match ("said", "according to", "told", "sources").

``attribute_report(events_by_id, articles)`` parses; ``score_attributes(...)`` takes the place
names per sentence ready-made, so it is testable without the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from eventwire.attributes import Gazetteer
from eventwire.attributes.gazetteer import default_gazetteer
from eventwire.evaluation.scores import ratio, render_table
from eventwire.records import Article

# Words that name a reported source of an event; "sources" covers "security sources said".
ATTRIBUTION_CUE = re.compile(
    r"\b(said|says|say|saying|according to|told|tells|sources?)\b", re.IGNORECASE
)
PLACE_LABELS = frozenset({"GPE", "LOC"})
# NER tags these as LOC, but no event can be put at them on a map of the Earth.
_NOT_PLACES = frozenset({"north", "south", "east", "west", "the west", "the east", "world",
                         "the world", "earth", "the north", "the south", "mars", "the moon",
                         "moon", "space"})  # fmt: skip
# Prepositions that put something somewhere: an unknown entity after one is an unknown place
# ("in Magnitigorsk"); after others ("on Modi", "from Github") it is as often a mislabelled name.
_LOCATIVE = frozenset({"in", "at", "near", "across", "outside", "inside", "throughout", "around",
                       "within", "along", "into", "over", "off"})  # fmt: skip
# Pipes the NER check does not need (tok2vec, tagger and ner stay): a third of the parse cost.
_UNNEEDED_PIPES = ("parser", "lemmatizer", "attribute_ruler")


@dataclass(frozen=True)
class Share:
    hit: int
    total: int

    @property
    def value(self) -> float:
        return ratio(self.hit, self.total)

    def __str__(self) -> str:
        if not self.total:
            return "n/a (nothing to count)"
        return f"{self.value:.3f} ({self.hit}/{self.total})"


@dataclass(frozen=True)
class Missing:
    """An event whose sentence names a place but that has no location."""

    article_id: str
    event: str
    places: tuple[str, ...]
    sentence: str


@dataclass(frozen=True)
class AttributeReport:
    events: int
    factuality: Share  # events with a factuality / all events
    location: Share  # events with a location / events whose sentence names a place
    date_published: Share  # events with a date / events of articles with a publication date
    date_expression: Share  # events with a date / events with a date expression, dated articles
    attribution: Share  # events with an attribution / events whose sentence has a cue
    missing_locations: tuple[Missing, ...] = ()
    agreement: dict[str, Share] | None = None  # gold agreement figures, when scored on gold

    def shares(self) -> dict[str, Share]:
        return {
            "factuality_share": self.factuality,
            "location_coverage": self.location,
            "date_share_published": self.date_published,
            "date_share_expression": self.date_expression,
            "attribution_share": self.attribution,
            **(self.agreement or {}),
        }

    @property
    def figures(self) -> dict[str, float | int]:
        """Each share and how many events it counts over (``<name>_checked``). A share of
        nothing (no dated articles in sentence gold) is left out rather than reported as 0, so a
        floor on it reads "not computed" instead of failing or passing on a made-up figure."""
        figures: dict[str, float | int] = {"attribute_events": self.events}
        for name, share in self.shares().items():
            figures[f"{name}_checked"] = share.total
            if share.total:
                figures[name] = share.value
        return figures

    def render(self, examples: int = 10) -> str:
        rows = [
            ("factuality", "every event", str(self.factuality)),
            ("location", "sentence names a place", str(self.location)),
            ("date", "article has a publication date", str(self.date_published)),
            ("date", "… and the event a date expression", str(self.date_expression)),
            ("attribution", "sentence has an attribution cue", str(self.attribution)),
        ]
        lines = [f"attributes over {self.events} events (all factualities)",
                 render_table(("attribute", "counted over events where", "share"), rows)]
        if self.agreement:
            gold = [(name, str(share)) for name, share in self.agreement.items()]
            lines += ["", "attribute agreement with gold", render_table(("figure", "share"), gold)]
        if self.missing_locations:
            lines += ["", "events whose sentence names a place but that have no location"]
            for m in self.missing_locations[:examples]:
                lines.append(f"  {m.article_id} {m.event} {list(m.places)}: {_clip(m.sentence)}")
        return "\n".join(lines)


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _sentence(event: dict) -> str:
    return (event.get("evidence") or {}).get("sentence") or ""


def _free_places(event: dict, places: Sequence[str]) -> tuple[str, ...]:
    """The place names of the sentence that are not only (part of) an actor's words."""
    actors = [a.get("text") or "" for a in (*event.get("sources", ()), *event.get("targets", ()))]
    return tuple(p for p in places if not any(p.casefold() in a.casefold() for a in actors))


def score_attributes(
    events_by_id: Mapping[str, Sequence[dict]],
    articles: Mapping[str, Article],
    places_by_sentence: Mapping[str, Sequence[str]],
) -> AttributeReport:
    """Shares over event dicts (``event_to_dict`` shape) keyed by article id; ``articles`` give
    publication dates, ``places_by_sentence`` the place names each evidence sentence holds."""
    events = [(aid, ev) for aid, evs in events_by_id.items() for ev in evs]
    published = [ev for aid, ev in events if aid in articles and articles[aid].published]
    # Without a publication date a relative expression ("Friday") must stay unresolved, so the
    # expression share counts only events that could be resolved.
    expressed = [ev for ev in published if ev.get("date_text")]
    cued = [ev for _, ev in events if ATTRIBUTION_CUE.search(_sentence(ev))]
    placed, missing = 0, []
    for aid, ev in events:
        names = _free_places(ev, places_by_sentence.get(_sentence(ev), ()))
        if not names:
            continue
        if ev.get("location"):
            placed += 1
        else:
            missing.append(Missing(aid, ev["event"], names, _sentence(ev)))
    return AttributeReport(
        events=len(events),
        factuality=Share(sum(bool(ev.get("factuality")) for _, ev in events), len(events)),
        location=Share(placed, placed + len(missing)),
        date_published=Share(sum(bool(ev.get("date")) for ev in published), len(published)),
        date_expression=Share(sum(bool(ev.get("date")) for ev in expressed), len(expressed)),
        attribution=Share(sum(bool(ev.get("attribution")) for ev in cued), len(cued)),
        missing_locations=tuple(missing),
    )


def _proper_runs(doc) -> list[str]:
    """Proper-noun runs outside entities (tags, not POS: the attribute ruler is off)."""
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    runs, run = [], []
    for tok in [*doc, None]:
        if tok is not None and tok.tag_ in ("NNP", "NNPS") and tok.i not in covered:
            run.append(tok.text)
        elif run:
            runs.append(" ".join(run))
            run = []
    return runs


def _after_locative(ent) -> bool:
    """"in Soroti", "near the Europe Bridge": the entity is the object of a locative preposition."""
    before = list(ent.doc[max(0, ent.start - 2) : ent.start])
    if before and before[-1].tag_ == "DT":
        before = before[:-1]
    return bool(before) and before[-1].lower_ in _LOCATIVE


def sentence_places(sentences: Iterable[str], gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Place names of each distinct sentence.

    A GPE/LOC entity counts when the gazetteer knows it, or when it stands after a locative
    preposition (an unknown place "in Soroti" is a gazetteer gap the report should show); an
    unknown entity elsewhere is more often a group or organisation the small model mislabels
    ("Yoruba leaders"). Proper-noun runs outside entities count when the gazetteer knows them as a
    country or capital (the model misses some of those).
    """
    from eventwire.nlp import get_nlp  # the model loads only when a report is made

    distinct = list(dict.fromkeys(s for s in sentences if s))
    found: dict[str, tuple[str, ...]] = {}
    for text, doc in zip(distinct, get_nlp().pipe(distinct, disable=list(_UNNEEDED_PIPES))):
        names = [e.text for e in doc.ents if e.label_ in PLACE_LABELS
                 and (gazetteer.lookup(e.text) is not None or _after_locative(e))]
        for run in _proper_runs(doc):
            entry = gazetteer.lookup(run)
            if entry is not None and entry.kind in ("country", "capital"):
                names.append(run)
        found[text] = tuple(dict.fromkeys(n for n in names if n.casefold() not in _NOT_PLACES))
    return found


def attribute_report(
    events_by_id: Mapping[str, Sequence[dict]],
    articles: Mapping[str, Article],
    gazetteer: Gazetteer | None = None,
) -> AttributeReport:
    """Attribute shares of a coded corpus (parses the evidence sentences for place names)."""
    gazetteer = gazetteer or default_gazetteer()
    sentences = (_sentence(ev) for evs in events_by_id.values() for ev in evs)
    return score_attributes(events_by_id, articles, sentence_places(sentences, gazetteer))
