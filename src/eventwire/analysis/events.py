"""Listing stored events and articles: filters, keyset pagination, one event with its article.

Event dicts have the public shape of ``records.event_to_dict`` (README "Event record") plus
``day`` (the date series and filters use) and ``evidence.trigger_start/trigger_end`` when known.

Pagination is by keyset, not OFFSET: the cursor carries the (day, event_id) of the last row
served, so a page costs the same at the millionth row as at the first and rows ingested meanwhile
never shift a page.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date

from eventwire.store import Store

from eventwire.analysis.filters import EventFilter, FilterError, where_sql

EVENT_COLUMNS = (
    "event_id, article_id, event, mode, contexts, cameo, goldstein, quad_class, "
    "location_text, location_name, location_admin1, location_country, location_lat, location_lon, "
    "date, date_text, date_granularity, date_type, factuality, attribution_text, "
    "attribution_speaker, attribution_outlet, source_outlet, evidence_sentence, evidence_start, evidence_end, "
    "evidence_trigger, evidence_trigger_start, evidence_trigger_end, confidence, symmetric, day"
)
_NAMES = [c.strip() for c in EVENT_COLUMNS.split(",")]
# Rows without any date sort last in the newest-first order; the sentinel keeps the keyset
# comparison total (NULLs would never satisfy "<").
_NO_DAY = date(1, 1, 1)
_SORT_DAY = f"coalesce(e.day, DATE '{_NO_DAY.isoformat()}')"


@dataclass(frozen=True)
class EventPage:
    events: list[dict]
    next_cursor: str | None


def encode_cursor(day: date | None, event_id: str) -> str:
    raw = f"{(day or _NO_DAY).isoformat()}|{event_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, event_id = raw.split("|", 1)
        return date.fromisoformat(day), event_id
    except (binascii.Error, UnicodeDecodeError, ValueError) as err:
        raise FilterError(
            f"cursor {cursor!r} is not one this server issued; start again without a cursor"
        ) from err


def _placeholders(values: list) -> str:
    # An IN list of parameters is an index look-up; IN (SELECT unnest(?)) scanned the whole
    # table and was 3x slower on a million events (bench/api.py).
    return ", ".join("?" * len(values)) or "NULL"


def _actors_by_event(store: Store, ids: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {i: {"source": [], "target": []} for i in ids}
    if not ids:
        return out
    rows = store.sql(
        "SELECT event_id, role, text, name, code, country, sector FROM event_actors "
        f"WHERE event_id IN ({_placeholders(ids)}) ORDER BY event_id, role, position",
        ids,
    ).fetchall()
    for event_id, role, text, name, code, country, sector in rows:
        actor = {"text": text, "name": name, "code": code, "country": country, "sector": sector}
        out[event_id][role].append(actor)
    return out


def _location(r: dict) -> dict | None:
    if r["location_text"] is None and r["location_name"] is None:
        return None
    return {k: r[f"location_{k}"] for k in ("text", "name", "admin1", "country", "lat", "lon")}


def _attribution(r: dict) -> dict | None:
    if r["attribution_text"] is None:
        return None
    return {k: r[f"attribution_{k}"] for k in ("text", "speaker", "outlet")}


def row_to_event(r: dict, actors: dict) -> dict:
    """One ``events`` row (as a column dict) and its actors -> the public event dict."""
    return {
        "event_id": r["event_id"],
        "article_id": r["article_id"],
        "event": r["event"],
        "mode": r["mode"],
        "contexts": list(r["contexts"] or []),
        "cameo": r["cameo"],
        "goldstein": r["goldstein"],
        "quad_class": r["quad_class"],
        "sources": actors["source"],
        "targets": actors["target"],
        "symmetric": r["symmetric"],
        "location": _location(r),
        "date": r["date"].isoformat() if r["date"] else None,
        "date_text": r["date_text"],
        "date_granularity": r["date_granularity"],
        "date_type": r["date_type"],
        "day": r["day"].isoformat() if r["day"] else None,
        "factuality": r["factuality"],
        "attribution": _attribution(r),
        "source_outlet": r["source_outlet"],
        "evidence": {
            "sentence": r["evidence_sentence"],
            "start": r["evidence_start"],
            "end": r["evidence_end"],
            "trigger": r["evidence_trigger"],
            "trigger_start": r["evidence_trigger_start"],
            "trigger_end": r["evidence_trigger_end"],
        },
        "confidence": r["confidence"],
    }


def fetch_events(store: Store, sql: str, params: list) -> list[dict]:
    """Run ``sql`` (selecting EVENT_COLUMNS from ``events e``) and build event dicts."""
    rows = [dict(zip(_NAMES, row)) for row in store.sql(sql, params).fetchall()]
    actors = _actors_by_event(store, [r["event_id"] for r in rows])
    return [row_to_event(r, actors[r["event_id"]]) for r in rows]


def list_events(
    store: Store,
    filters: EventFilter = EventFilter(),
    limit: int = 100,
    cursor: str | None = None,
) -> EventPage:
    """Events matching ``filters``, newest day first (then by id), ``limit`` per page."""
    where, params = where_sql(filters)
    if cursor:
        day, last_id = decode_cursor(cursor)
        keyset = f"({_SORT_DAY} < ? OR ({_SORT_DAY} = ? AND e.event_id > ?))"
        where = f"{where} AND {keyset}" if where else f"WHERE {keyset}"
        params += [day, day, last_id]
    # Two phases: pick the page's ids on narrow columns, then read the wide rows of those ids
    # only; sorting whole rows (evidence sentences included) cost 5x more on a million events
    # (bench/api.py).
    order = f"ORDER BY {_SORT_DAY} DESC, e.event_id"
    page_ids = [
        r[0]
        for r in store.sql(
            f"SELECT e.event_id FROM events e {where} {order} LIMIT ?", params + [limit + 1]
        ).fetchall()
    ]
    events = fetch_events(
        store,
        f"SELECT {', '.join('e.' + n for n in _NAMES)} FROM events e "
        f"WHERE e.event_id IN ({_placeholders(page_ids)}) {order}",
        page_ids,
    )
    next_cursor = None
    if len(events) > limit:
        events = events[:limit]
        last = events[-1]
        last_day = date.fromisoformat(last["day"]) if last["day"] else None
        next_cursor = encode_cursor(last_day, last["event_id"])
    return EventPage(events, next_cursor)


ARTICLE_COLUMNS = ("id", "title", "url", "published", "outlet", "language", "author", "origin")


def _article_dict(row: tuple, names: tuple[str, ...]) -> dict:
    d = dict(zip(names, row))
    if d.get("published"):
        d["published"] = d["published"].isoformat()
    return d


def get_article(store: Store, article_id: str) -> dict | None:
    """One article with its text and all its events (ordered by position in the text)."""
    names = ARTICLE_COLUMNS + ("text",)
    row = store.sql(
        f"SELECT {', '.join(names)} FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    article = _article_dict(row, names)
    article["events"] = fetch_events(
        store,
        f"SELECT {', '.join('e.' + n for n in _NAMES)} FROM events e WHERE e.article_id = ? "
        "ORDER BY e.evidence_start, e.event_id",
        [article_id],
    )
    return article


def get_event(store: Store, event_id: str) -> dict | None:
    """One event with its article (text included) so the evidence can be highlighted in place."""
    found = fetch_events(
        store,
        f"SELECT {', '.join('e.' + n for n in _NAMES)} FROM events e WHERE e.event_id = ?",
        [event_id],
    )
    if not found:
        return None
    event = found[0]
    names = ARTICLE_COLUMNS + ("text",)
    row = store.sql(
        f"SELECT {', '.join(names)} FROM articles WHERE id = ?", [event["article_id"]]
    ).fetchone()
    event["article"] = _article_dict(row, names) if row else None
    return event


def list_articles(
    store: Store, limit: int = 50, offset: int = 0, q: str | None = None
) -> list[dict]:
    """Articles newest first, with their event counts; ``q`` searches titles."""
    where, params = "", []
    if q:
        where, params = "WHERE a.title ILIKE ?", [f"%{q}%"]
    cols = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
    rows = store.sql(
        f"SELECT {cols}, (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n "
        f"FROM articles a {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        params + [limit, offset],
    ).fetchall()
    return [dict(_article_dict(r[:-1], ARTICLE_COLUMNS), events=r[-1]) for r in rows]
