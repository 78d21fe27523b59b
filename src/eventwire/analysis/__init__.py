"""Analysis: plain SQL over the store returning plain rows and dataclasses.

Counts and Goldstein means over time (``series``), the busiest dyads (``top_dyads``), the actor
network (``network``), escalation ``alerts``, the ``talks`` tracker, and event/article listing
used by the API and the dashboard. Every function takes an open ``Store`` first.
"""

from eventwire.analysis.alerts import Alert, alerts
from eventwire.analysis.events import (
    EventPage,
    get_article,
    get_event,
    list_articles,
    list_events,
)
from eventwire.analysis.filters import (
    Dyad,
    EventFilter,
    FilterError,
    check_factuality,
    parse_country_set,
    parse_dyad,
)
from eventwire.analysis.talks import AgendaItem, TalksRound, talks
from eventwire.analysis.trends import (
    DyadCount,
    Edge,
    Period,
    actors,
    countries,
    network,
    series,
    store_span,
    top_dyads,
)

__all__ = [
    "AgendaItem", "Alert", "Dyad", "DyadCount", "Edge", "EventFilter", "EventPage",
    "FilterError", "Period", "TalksRound", "actors", "alerts", "check_factuality", "countries",
    "get_article", "get_event", "list_articles", "list_events", "network", "parse_country_set",
    "parse_dyad", "series", "store_span", "talks", "top_dyads",
]  # fmt: skip
