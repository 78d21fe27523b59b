"""Escalation alerts: a dyad whose material conflict or tone departs from its own recent past.

For each period of a dyad's series (zero-filled across the whole store, so a quiet dyad has a
baseline of zeros rather than no baseline) two z-scores are computed against the ``baseline``
periods just before it:

- ``material_conflict``: count of quad-class-4 events; alert when z >= ``threshold``.
- ``goldstein``: mean Goldstein score; alert when z <= -``threshold`` (a drop in tone).

Thresholds (why these values; re-run tests/analysis/test_alerts.py when changing them):

- ``THRESHOLD = 2.0``: about the top 2.5 % of a normal baseline; the usual choice for event-data
  early-warning in the literature (e.g. ICEWS/GDELT escalation dashboards) and loose enough that
  a real flare-up in a quiet dyad fires within one period.
- ``MIN_COUNT = 3``: the guard against noise. A period needs at least 3 material-conflict events
  (count alert) or 3 events in all (tone alert) before it can fire: one stray clash or one angry
  statement is not an escalation, and with sparse news a mean over one or two events swings wildly.
- ``STD_FLOOR = 1.0`` (count) / ``0.5`` (Goldstein): the baseline standard deviation is floored so
  that a perfectly flat baseline (all zeros) does not turn any change into an infinite z.
  With the floor, going from a flat 0 to 3 events is z = 3.
- ``BASELINE = 8`` periods (two months of weeks) with at least ``MIN_BASELINE = 3`` available:
  long enough to average out one busy week, short enough to follow a changing conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import fmean, pstdev

from eventwire.store import Store

from eventwire.analysis.filters import Dyad, EventFilter
from eventwire.analysis.trends import Period, fill_periods, series, store_span, top_dyads

THRESHOLD = 2.0
MIN_COUNT = 3
COUNT_STD_FLOOR = 1.0
GOLDSTEIN_STD_FLOOR = 0.5
BASELINE = 8
MIN_BASELINE = 3


@dataclass(frozen=True)
class Alert:
    a: str  # country set, members joined by "|"
    b: str
    period: str  # ISO date of the period's first day
    metric: str  # material_conflict | goldstein
    value: float
    baseline_mean: float
    baseline_std: float
    z: float
    events: int  # events of the dyad in the period


def _count_alert(cur: Period, base: list[Period]) -> tuple[float, float, float] | None:
    if cur.q4 < MIN_COUNT:
        return None
    values = [p.q4 for p in base]
    mean, std = fmean(values), pstdev(values)
    z = (cur.q4 - mean) / max(std, COUNT_STD_FLOOR)
    return (mean, std, z) if z >= THRESHOLD else None


def _tone_alert(cur: Period, base: list[Period]) -> tuple[float, float, float] | None:
    values = [p.goldstein_mean for p in base if p.goldstein_mean is not None]
    if cur.total < MIN_COUNT or cur.goldstein_mean is None or len(values) < MIN_BASELINE:
        return None
    mean, std = fmean(values), pstdev(values)
    z = (cur.goldstein_mean - mean) / max(std, GOLDSTEIN_STD_FLOOR)
    return (mean, std, z) if z <= -THRESHOLD else None


def dyad_alerts(periods: list[Period], dyad: Dyad, baseline: int = BASELINE) -> list[Alert]:
    """Alerts over one dyad's zero-filled series."""
    a, b = "|".join(dyad.a), "|".join(dyad.b)
    out: list[Alert] = []
    for i in range(MIN_BASELINE, len(periods)):
        cur, base = periods[i], periods[max(0, i - baseline) : i]
        for metric, found, value in (
            ("material_conflict", _count_alert(cur, base), float(cur.q4)),
            ("goldstein", _tone_alert(cur, base), cur.goldstein_mean),
        ):
            if found:
                mean, std, z = found
                out.append(
                    Alert(a, b, cur.period.isoformat(), metric, value, round(mean, 3),
                          round(std, 3), round(z, 2), cur.total)
                )
    return out


def alerts(
    store: Store,
    dyads: list[Dyad] | None = None,
    interval: str = "week",
    filters: EventFilter = EventFilter(factuality="asserted"),
    baseline: int = BASELINE,
    top: int = 30,
) -> list[Alert]:
    """Alerts for ``dyads`` (default: the ``top`` busiest dyads), newest period first."""
    first, last = store_span(store)
    if first is None:
        return []
    if dyads is None:
        dyads = [Dyad((d.a,), (d.b,)) for d in top_dyads(store, filters, limit=top)]
    found: list[Alert] = []
    for dyad in dyads:
        periods = series(store, replace(filters, dyad=dyad), interval, fill=False)
        start, end = filters.since or first, filters.until or last
        found += dyad_alerts(fill_periods(periods, start, end, interval), dyad, baseline)
    return sorted(found, key=lambda al: (al.period, abs(al.z)), reverse=True)
