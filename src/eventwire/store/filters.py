"""Event filters as one record, turned into a SQL ``WHERE`` clause with bound parameters.

The same filter serves listing, exports and (later) the API and analysis, so "events of PAK
since May" means the same rows everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventwire.errors import ConfigError
from eventwire.records import FACTUALITIES


@dataclass(frozen=True)
class EventFilter:
    """Which events to return. Every field is optional; set fields are combined with AND.

    ``actor`` matches an actor code or its prefix ("PAK" matches PAKGOV, PAKMIL), as source or
    target. ``country`` is an ISO alpha-3 code on either side. ``dyad`` is a pair of countries
    in either direction, or both among the participants of a symmetric event. ``since`` and
    ``until`` (inclusive) compare against the event's date, else its article's publication date.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    mode: str | None = None
    context: str | None = None
    factuality: str | None = None
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.factuality is not None and self.factuality not in FACTUALITIES:
            choices = ", ".join(FACTUALITIES)
            raise ConfigError(f"unknown factuality {self.factuality!r}; use one of {choices}")
        if self.dyad is not None and len(self.dyad) != 2:
            raise ConfigError(f"a dyad is two country codes, got {self.dyad!r}; e.g. PAK,AFG")


_DYAD = (
    "((list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?))"
    " OR (list_contains(e.source_countries, ?) AND list_contains(e.target_countries, ?))"
    " OR (e.\"symmetric\" AND list_contains(e.source_countries, ?)"
    " AND list_contains(e.source_countries, ?)))"
)


def where_clause(flt: EventFilter) -> tuple[str, list]:
    """``WHERE …`` over the ``events`` table aliased ``e`` (empty when no field is set)."""
    parts: list[str] = []
    params: list = []

    def add(sql: str, *values) -> None:
        parts.append(sql)
        params.extend(values)

    if flt.actor:
        add(
            "e.event_id IN (SELECT event_id FROM event_actors WHERE starts_with(code, ?))",
            flt.actor.upper(),
        )
    if flt.country:
        code = flt.country.upper()
        add(
            "(list_contains(e.source_countries, ?) OR list_contains(e.target_countries, ?))",
            code,
            code,
        )
    if flt.dyad:
        a, b = (c.upper() for c in flt.dyad)
        add(_DYAD, a, b, b, a, a, b)
    if flt.type:
        add("e.event = ?", flt.type.upper())
    if flt.mode:
        add("e.mode = ?", flt.mode.lower())
    if flt.context:
        add("list_contains(e.contexts, ?)", flt.context.lower())
    if flt.factuality:
        add("e.factuality = ?", flt.factuality)
    if flt.since:
        add("e.day >= ?", flt.since)
    if flt.until:
        add("e.day <= ?", flt.until)
    return ("WHERE " + " AND ".join(parts) if parts else ""), params
