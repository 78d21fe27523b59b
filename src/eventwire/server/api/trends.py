"""Routes over aggregates: series, dyads, alerts, network, actors, talks, health."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from eventwire import analysis
from eventwire.analysis import Dyad, EventFilter, check_factuality
from eventwire.server.api.params import Factuality, FilterDep, Since, StoreDep, Until

router = APIRouter(tags=["analysis"])
Interval = Annotated[Literal["day", "week"], Query(description="Period length.")]


def _periods(rows) -> list[dict]:
    return [dict(asdict(r), period=r.period.isoformat()) for r in rows]


@router.get("/series", summary="Events per period by quad class, for any filter")
def series(
    store: StoreDep, filters: FilterDep, interval: Interval = "week",
) -> dict:
    """``factuality`` defaults to all here; pass ``factuality=asserted`` to count facts only."""
    return {"interval": interval, "periods": _periods(analysis.series(store, filters, interval))}


@router.get("/dyads/{a}/{b}/series", summary="Events between two country sets over time")
def dyad_series(
    a: str, b: str, store: StoreDep, interval: Interval = "week",
    factuality: Factuality = "asserted", since: Since = None, until: Until = None,
    directed: Annotated[bool, Query(description="Only a acting on b.")] = False,
) -> dict:
    """``a`` and ``b`` are ISO alpha-3 codes or sets joined by ``|`` (``PAK|IND``)."""
    dyad = Dyad.parse(a, b)
    flt = EventFilter(dyad=dyad, directed=directed, factuality=check_factuality(factuality),
                      since=since, until=until)  # fmt: skip
    return {
        "dyad": {"a": list(dyad.a), "b": list(dyad.b)},
        "interval": interval,
        "factuality": factuality,
        "periods": _periods(analysis.series(store, flt, interval)),
    }


@router.get("/dyads", summary="Busiest country pairs")
def dyads(
    store: StoreDep, filters: FilterDep, limit: Annotated[int, Query(ge=1, le=500)] = 20
) -> dict:
    return {"dyads": [asdict(d) for d in analysis.top_dyads(store, filters, limit)]}


@router.get("/alerts", summary="Escalation alerts (z-score against a trailing baseline)")
def alerts(
    store: StoreDep,
    dyad: Annotated[list[str] | None, Query(description="PAK,AFG; repeat for more. Default: busiest.")] = None,
    interval: Interval = "week",
    since: Since = None,
    until: Until = None,
) -> dict:
    dyads = [analysis.parse_dyad(d) for d in dyad] if dyad else None
    flt = EventFilter(factuality="asserted", since=since, until=until)
    found = analysis.alerts(store, dyads, interval, flt)
    return {"alerts": [asdict(a) for a in found]}


@router.get("/network", summary="Who acts on whom: source country -> target country")
def network(
    store: StoreDep, filters: FilterDep, limit: Annotated[int, Query(ge=1, le=2000)] = 200
) -> dict:
    return {"edges": [asdict(e) for e in analysis.network(store, filters, limit)]}


@router.get("/actors", summary="Actors by number of events")
def actors(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Code prefix or words of the name")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict:
    return {"actors": analysis.actors(store, q, limit)}


@router.get("/countries", summary="Country codes present in the store")
def countries(store: StoreDep) -> dict:
    return {"countries": analysis.countries(store)}


@router.get("/talks/{a}/{b}", summary="Rounds of talks between two sides, with agenda items")
def talks(
    a: str, b: str, store: StoreDep,
    include_negated: Annotated[bool, Query(description="Also talks reported as not held.")] = False,
) -> dict:
    dyad = Dyad.parse(a, b)
    rounds = analysis.talks(store, dyad, include_negated)
    return {"dyad": {"a": list(dyad.a), "b": list(dyad.b)}, "rounds": [asdict(r) for r in rounds]}


@router.get("/health", summary="Liveness and what the store holds")
def health(request: Request, store: StoreDep) -> dict:
    first, last = analysis.store_span(store)
    events = store.sql("SELECT count(*) FROM events").fetchone()[0]
    return {
        "status": "ok",
        "db": str(request.app.state.access.path),
        "events": events,
        "first_day": first.isoformat() if first else None,
        "last_day": last.isoformat() if last else None,
        "ingest_enabled": request.app.state.token is not None,
    }
