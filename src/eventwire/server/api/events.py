"""Routes over events and articles: listing (JSON or CSV), one event, articles, ingest."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from eventwire import analysis
from eventwire.server.api.params import FilterDep, StoreDep
from eventwire.server.errors import ApiError

router = APIRouter(tags=["events"])

CSV_COLUMNS = (
    "event_id", "article_id", "day", "date", "event", "mode", "contexts", "cameo", "goldstein",
    "quad_class", "source_codes", "target_codes", "source_countries", "target_countries",
    "symmetric", "location_name", "location_country", "location_lat", "location_lon",
    "factuality", "confidence", "trigger", "evidence",
)  # fmt: skip


def flat_event(ev: dict) -> dict:
    """One event as a CSV row: lists joined with ';', nested records spread into columns."""
    loc = ev["location"] or {}
    joined = lambda items: ";".join(x for x in items if x)  # noqa: E731
    return {
        **{k: ev[k] for k in ("event_id", "article_id", "day", "date", "event", "mode", "cameo",
                              "goldstein", "quad_class", "symmetric", "factuality", "confidence")},
        "contexts": joined(ev["contexts"]),
        "source_codes": joined(a["code"] for a in ev["sources"]),
        "target_codes": joined(a["code"] for a in ev["targets"]),
        "source_countries": joined(a["country"] for a in ev["sources"]),
        "target_countries": joined(a["country"] for a in ev["targets"]),
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "location_lat": loc.get("lat"), "location_lon": loc.get("lon"),
        "trigger": ev["evidence"]["trigger"], "evidence": ev["evidence"]["sentence"],
    }  # fmt: skip


def events_csv(events: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_event(ev) for ev in events)
    return out.getvalue()


@router.get("/events", summary="Events matching the filters, newest first")
def list_events(
    store: StoreDep,
    filters: FilterDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",  # noqa: A002
):
    """Keyset-paginated: pass ``next_cursor`` back as ``cursor`` for the next page (CSV pages
    carry it in the ``X-Next-Cursor`` header)."""
    page = analysis.list_events(store, filters, limit=limit, cursor=cursor)
    if format == "csv":
        headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
        return Response(events_csv(page.events), media_type="text/csv", headers=headers)
    return {"events": page.events, "count": len(page.events), "next_cursor": page.next_cursor}


@router.get("/events/{event_id}", summary="One event with its article, for highlighting")
def get_event(event_id: str, store: StoreDep) -> dict:
    """``evidence.start/end`` (and ``trigger_start/trigger_end``) index ``article.text``."""
    event = analysis.get_event(store, event_id)
    if event is None:
        raise ApiError(404, "not_found", f"no event {event_id!r}; list events with GET /events")
    return event


@router.get("/articles", summary="Stored articles, newest first, with event counts")
def list_articles(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Words in the title")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    return {"articles": analysis.list_articles(store, limit=limit, offset=offset, q=q)}


@router.get("/articles/{article_id}", summary="One article, its text and all its coded events")
def get_article(article_id: str, store: StoreDep) -> dict:
    article = analysis.get_article(store, article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}; list them with GET /articles")
    return article
