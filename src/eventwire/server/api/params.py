"""Query parameters shared by the routes, turned into analysis filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from eventwire.analysis import EventFilter, check_factuality, parse_dyad
from eventwire.store import Store


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store for the duration of one request (see server/access.py)."""
    with request.app.state.access.read() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]

Since = Annotated[date | None, Query(description="First day included (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="Last day included (YYYY-MM-DD).")]
Factuality = Annotated[
    str, Query(description="asserted, future, hypothetical, negated, or all.")
]


def event_filter(
    actor: Annotated[str | None, Query(description="Actor code prefix (PAK, PAKGOV) or name.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 on either side.")] = None,
    dyad: Annotated[
        str | None, Query(description="Two country sets, comma-separated: PAK,AFG or PAK|IND,AFG.")
    ] = None,
    directed: Annotated[bool, Query(description="With dyad: first set acts on the second only.")] = False,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT.")] = None,  # noqa: A002
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. third-party.")] = None,
    context: Annotated[str | None, Query(description="PLOVER context, e.g. military.")] = None,
    factuality: Factuality = "all",
    place: Annotated[str | None, Query(description="Location name (substring) or country code.")] = None,
    since: Since = None,
    until: Until = None,
) -> EventFilter:
    return EventFilter(
        actor=actor, country=country, dyad=parse_dyad(dyad) if dyad else None, directed=directed,
        type=type, mode=mode, context=context, factuality=check_factuality(factuality),
        place=place, since=since, until=until,
    )  # fmt: skip


FilterDep = Annotated[EventFilter, Depends(event_filter)]
