"""Counts over time, top dyads, the actor network and the actor list: aggregate SQL over ``events``.

Series are split by quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict) and default to asserted events only: a threat of strikes or denied talks
should not count as strikes or talks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.store import Store

from eventwire.analysis.filters import EventFilter, FilterError, where_sql

INTERVALS = ("day", "week")


@dataclass(frozen=True)
class Period:
    """Events of one day or ISO week (``period`` is its first day)."""

    period: date
    total: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_mean: float | None


@dataclass(frozen=True)
class DyadCount:
    a: str
    b: str
    events: int
    material_conflict: int
    goldstein_mean: float | None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    events: int
    goldstein_mean: float | None


def _check_interval(interval: str) -> None:
    if interval not in INTERVALS:
        raise FilterError(f"interval {interval!r} is unknown; use day or week")


def period_start(day: date, interval: str) -> date:
    return day - timedelta(days=day.weekday()) if interval == "week" else day


def fill_periods(rows: list[Period], start: date, end: date, interval: str) -> list[Period]:
    """Insert zero periods so every day/week from ``start`` to ``end`` appears once, in order."""
    step = timedelta(days=7 if interval == "week" else 1)
    by_period = {r.period: r for r in rows}
    out, cur = [], period_start(start, interval)
    while cur <= end:
        out.append(by_period.get(cur) or Period(cur, 0, 0, 0, 0, 0, None))
        cur += step
    return out


def series(
    store: Store,
    filters: EventFilter = EventFilter(factuality="asserted"),
    interval: str = "week",
    fill: bool = True,
) -> list[Period]:
    """Per period: total, count per quad class and mean Goldstein score of matching events."""
    _check_interval(interval)
    where, params = where_sql(filters)
    where = f"{where} AND e.day IS NOT NULL" if where else "WHERE e.day IS NOT NULL"
    rows = store.sql(
        f"SELECT date_trunc('{interval}', e.day)::DATE AS p, count(*),"
        " count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),"
        " count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),"
        f" avg(goldstein) FROM events e {where} GROUP BY p ORDER BY p",
        params,
    ).fetchall()
    periods = [Period(*r[:6], round(r[6], 3) if r[6] is not None else None) for r in rows]
    if not fill or not periods:
        return periods
    start = filters.since or periods[0].period
    end = filters.until or periods[-1].period
    return fill_periods(periods, start, end, interval)


def _pairs_sql(where: str) -> str:
    """Directed (source country, target country) pairs of matching events, one row per pair.

    Symmetric events list every participant as a source, so each ordered pair of distinct
    participants is a pair, in both directions.
    """
    return (
        "SELECT e.event_id, e.quad_class, e.goldstein, s.c AS src, t.c AS tgt "
        f"FROM (SELECT * FROM events e {where}) e, "
        "unnest(e.source_countries) s(c), unnest(e.target_countries) t(c) "
        "UNION ALL "
        "SELECT e.event_id, e.quad_class, e.goldstein, s.c, t.c "
        f"FROM (SELECT * FROM events e {where}) e, "
        "unnest(e.source_countries) s(c), unnest(e.source_countries) t(c) WHERE e.symmetric"
    )


def network(
    store: Store,
    filters: EventFilter = EventFilter(factuality="asserted"),
    limit: int = 200,
) -> list[Edge]:
    """Who acts on whom: source country -> target country, weighted by event count."""
    where, params = where_sql(filters)
    rows = store.sql(
        f"SELECT src, tgt, count(DISTINCT event_id) AS n, avg(goldstein) FROM ({_pairs_sql(where)}) "
        "WHERE src <> tgt GROUP BY src, tgt ORDER BY n DESC, src, tgt LIMIT ?",
        params + params + [limit],
    ).fetchall()
    return [Edge(s, t, n, round(g, 3) if g is not None else None) for s, t, n, g in rows]


def top_dyads(
    store: Store,
    filters: EventFilter = EventFilter(factuality="asserted"),
    limit: int = 20,
) -> list[DyadCount]:
    """Country pairs (unordered) with the most events between them."""
    where, params = where_sql(filters)
    rows = store.sql(
        "SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, count(DISTINCT event_id) AS n, "
        "count(DISTINCT event_id) FILTER (WHERE quad_class = 4), avg(goldstein) "
        f"FROM ({_pairs_sql(where)}) WHERE src <> tgt GROUP BY a, b "
        "ORDER BY n DESC, a, b LIMIT ?",
        params + params + [limit],
    ).fetchall()
    return [DyadCount(a, b, n, m, round(g, 3) if g is not None else None) for a, b, n, m, g in rows]


def actors(
    store: Store, q: str | None = None, limit: int = 100
) -> list[dict]:
    """Actors by number of events they take part in; ``q`` matches code prefix or name."""
    where, params = "", []
    if q:
        where = "WHERE starts_with(code, ?) OR name ILIKE ?"
        params = [q.upper(), f"%{q}%"]
    rows = store.sql(
        "SELECT code, any_value(name) AS name, any_value(country), any_value(sector), "
        f"count(DISTINCT event_id) AS n FROM event_actors {where} "
        "GROUP BY code ORDER BY n DESC, code LIMIT ?",
        params + [limit],
    ).fetchall()
    keys = ("code", "name", "country", "sector", "events")
    return [dict(zip(keys, r)) for r in rows]


def countries(store: Store) -> list[str]:
    """Every country code that appears on either side of a stored event, sorted."""
    rows = store.sql(
        "SELECT DISTINCT c FROM (SELECT unnest(source_countries) AS c FROM events "
        "UNION SELECT unnest(target_countries) FROM events) WHERE c IS NOT NULL ORDER BY c"
    ).fetchall()
    return [r[0] for r in rows]


def store_span(store: Store) -> tuple[date | None, date | None]:
    """First and last ``day`` in the store: alert baselines count empty periods inside it."""
    return store.sql("SELECT min(day), max(day) FROM events").fetchone()
