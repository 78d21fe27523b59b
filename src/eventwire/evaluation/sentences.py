"""Scoring against sentence gold: one gold event per record, eventwire's top event per record.

Each record's text is coded as an Article whose id is the record id; the event with the highest
confidence stands for the record (the first one on a tie, i.e. the earliest in the text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eventwire.evaluation.attributes import AttributeReport
from eventwire.evaluation.gold import GoldSentence
from eventwire.evaluation.scores import (
    TypeScore,
    countries,
    macro_f1,
    ratio,
    render_table,
    render_type_scores,
    type_scores,
)

NO_EVENT = "(none)"


@dataclass(frozen=True)
class SentenceOutcome:
    """How one record fared; ``source_ok``/``target_ok`` are None when gold has no such actor."""

    id: str
    gold: str
    predicted: str  # NO_EVENT when eventwire coded nothing
    type_ok: bool
    strict_ok: bool
    source_ok: bool | None
    target_ok: bool | None


@dataclass(frozen=True)
class SentenceReport:
    outcomes: tuple[SentenceOutcome, ...]
    scores: dict[str, TypeScore] = field(default_factory=dict)
    confusions: tuple[tuple[str, str, int], ...] = ()  # (gold, predicted, count), most first
    name: str = "sentence gold"
    attributes: AttributeReport | None = None  # coverage and gold agreement of the attributes

    def _share(self, attr: str) -> tuple[int, int]:
        values = [getattr(o, attr) for o in self.outcomes if getattr(o, attr) is not None]
        return sum(values), len(values)

    @property
    def figures(self) -> dict[str, float | int]:
        n = len(self.outcomes)
        covered = sum(o.predicted != NO_EVENT for o in self.outcomes)
        src_ok, src_n = self._share("source_ok")
        tgt_ok, tgt_n = self._share("target_ok")
        return {
            "records": n,
            "coverage": ratio(covered, n),
            "type_accuracy": ratio(sum(o.type_ok for o in self.outcomes), n),
            "strict_type_accuracy": ratio(sum(o.strict_ok for o in self.outcomes), n),
            "source_country_accuracy": ratio(src_ok, src_n),
            "source_records": src_n,
            "target_country_accuracy": ratio(tgt_ok, tgt_n),
            "target_records": tgt_n,
            "macro_f1": macro_f1(self.scores),
            **(self.attributes.figures if self.attributes is not None else {}),
        }

    def render(self, confusions: int = 15) -> str:
        f = self.figures
        head = [
            f"{self.name}: {f['records']} records, coverage {f['coverage']:.3f}",
            f"top-event type accuracy   {f['type_accuracy']:.3f} (acceptable labels)",
            f"strict type accuracy      {f['strict_type_accuracy']:.3f}",
            f"source-country accuracy   {f['source_country_accuracy']:.3f}"
            f" over {f['source_records']} records with a gold source",
            f"target-country accuracy   {f['target_country_accuracy']:.3f}"
            f" over {f['target_records']} records with a gold target",
            f"macro F1 (top event)      {f['macro_f1']:.3f}",
        ]
        pairs = render_table(("gold", "predicted", "count"), self.confusions[:confusions])
        attributes = ["", self.attributes.render()] if self.attributes is not None else []
        return "\n".join(
            [*head, "", render_type_scores(self.scores), "", "confusion pairs", pairs, *attributes]
        )


def top_event(events: Sequence[dict]) -> dict | None:
    """The highest-confidence event; ``max`` keeps the first of equals (earliest in the text)."""
    if not events:
        return None
    return max(events, key=lambda e: e.get("confidence") or 0.0)


def sides(event: dict | None) -> tuple[set[str], set[str]]:
    """Source and target countries of a predicted event.

    A reciprocal event ("X and Y met") is coded with the first participant as source and the
    others as targets, while the gold lists every participant as a source; so for a symmetric
    event all its participants stand on either side, and the order of the two sides in the
    text does not decide the score.
    """
    if event is None:
        return set(), set()
    sources = countries(event.get("sources", ()))
    targets = countries(event.get("targets", ()))
    if event.get("symmetric"):
        return sources | targets, sources | targets
    return sources, targets


def _outcome(gold: GoldSentence, events: Sequence[dict]) -> SentenceOutcome:
    top = top_event(events)
    predicted = top["event"] if top else NO_EVENT
    sources, targets = sides(top)
    source_ok = target_ok = None
    if gold.sources:
        source_ok = bool(sources & set(gold.sources))
    if gold.targets:
        target_ok = bool(targets & set(gold.targets))
    return SentenceOutcome(
        id=gold.id,
        gold=gold.event,
        predicted=predicted,
        type_ok=predicted in gold.event_acceptable,
        strict_ok=predicted == gold.event,
        source_ok=source_ok,
        target_ok=target_ok,
    )


def score_sentences(
    gold: Sequence[GoldSentence], events_by_id: Mapping[str, Sequence[dict]]
) -> SentenceReport:
    """Score event dicts (``event_to_dict`` shape) keyed by record id against sentence gold."""
    outcomes = tuple(_outcome(g, events_by_id.get(g.id, ())) for g in gold)
    # An acceptable alternative counts as the gold label for P/R/F1, as it does for accuracy.
    units = [
        ({o.predicted if o.type_ok else o.gold}, {o.predicted} - {NO_EVENT}) for o in outcomes
    ]
    confused = Counter((o.gold, o.predicted) for o in outcomes if not o.type_ok)
    return SentenceReport(
        outcomes=outcomes,
        scores=type_scores(units),
        confusions=tuple((g, p, n) for (g, p), n in confused.most_common()),
    )
