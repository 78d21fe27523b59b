"""Per-type precision/recall/F1 and the plain-text tables both gold reports print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, 0.0 when there is nothing to divide by."""
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class TypeScore:
    event: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def type_scores(items: Iterable[tuple[set[str], set[str]]]) -> dict[str, TypeScore]:
    """Per-type scores from (gold types, predicted types) of each scored unit.

    A unit is a sentence (one gold type, at most one predicted) or an article (sets of types);
    a type counts once per unit either way.
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, predicted in items:
        tp.update(gold & predicted)
        fp.update(predicted - gold)
        fn.update(gold - predicted)
    names = sorted(set(tp) | set(fp) | set(fn))
    return {n: TypeScore(n, tp[n], fp[n], fn[n]) for n in names}


def macro_f1(scores: dict[str, TypeScore]) -> float:
    """Mean F1 over the types with gold support (types only ever predicted are left out)."""
    supported = [s.f1 for s in scores.values() if s.support]
    return sum(supported) / len(supported) if supported else 0.0


def actor_country(actor: dict) -> str | None:
    """The country an actor stands for, comparable with gold codes.

    Gold lists IGO/NGO for organisations without a country; eventwire gives those actors
    ``country: null`` and a code such as ``IGOUNO``, so the code's first three letters stand in.
    """
    if actor.get("country"):
        return actor["country"]
    prefix = (actor.get("code") or "")[:3]
    return prefix if prefix.isalpha() else None  # "---GOV": a sector without a known country


def countries(actors: Iterable[dict]) -> set[str]:
    return {c for c in (actor_country(a) for a in actors) if c}


def render_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table: left-aligned first column, right-aligned numbers, 3-decimal floats."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]

    def line(values: Sequence[str]) -> str:
        first = values[0].ljust(widths[0])
        rest = [v.rjust(w) for v, w in zip(values[1:], widths[1:])]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(list(headers)), rule, *(line(r) for r in cells)])


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render_type_scores(scores: dict[str, TypeScore]) -> str:
    rows = [
        (s.event, s.support, s.tp, s.fp, s.fn, s.precision, s.recall, s.f1)
        for s in sorted(scores.values(), key=lambda s: (-s.support, s.event))
    ]
    return render_table(("type", "support", "tp", "fp", "fn", "P", "R", "F1"), rows)
