"""Records to column batches (for writing) and rows back to the public event shape (for reading).

The column lists here are the single description of each table's layout on the Python side;
``schema.py`` holds the same columns as DDL. A test round-trips an Event through both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyarrow as pa

from eventwire.records import Actor, CodedArticle, Event

_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())

ARTICLE_COLUMNS = pa.schema(
    [
        ("id", _TEXT), ("title", _TEXT), ("url", _TEXT), ("published", pa.date32()),
        ("outlet", _TEXT), ("language", _TEXT), ("author", _TEXT), ("origin", _TEXT),
        ("text", _TEXT), ("skipped_reason", _TEXT), ("ingested_at", pa.timestamp("us")),
    ]
)  # fmt: skip

EVENT_COLUMNS = pa.schema(
    [
        ("event_id", _TEXT), ("article_id", _TEXT), ("event", _TEXT), ("mode", _TEXT),
        ("contexts", _TEXTS), ("cameo", _TEXT), ("goldstein", pa.float64()),
        ("quad_class", pa.int32()),
        ("location_text", _TEXT), ("location_name", _TEXT), ("location_admin1", _TEXT),
        ("location_country", _TEXT), ("location_lat", pa.float64()),
        ("location_lon", pa.float64()), ("location_start", pa.int32()),
        ("location_end", pa.int32()),
        ("date", pa.date32()), ("date_text", _TEXT), ("date_granularity", _TEXT),
        ("date_type", _TEXT), ("day", pa.date32()), ("factuality", _TEXT),
        ("attribution_text", _TEXT), ("attribution_speaker", _TEXT),
        ("attribution_outlet", _TEXT), ("source_outlet", _TEXT),
        ("evidence_sentence", _TEXT), ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()), ("evidence_trigger", _TEXT),
        ("evidence_trigger_start", pa.int32()), ("evidence_trigger_end", pa.int32()),
        ("confidence", pa.float64()), ("symmetric", pa.bool_()),
        ("source_codes", _TEXTS), ("target_codes", _TEXTS),
        ("source_countries", _TEXTS), ("target_countries", _TEXTS),
    ]
)  # fmt: skip

ACTOR_COLUMNS = pa.schema(
    [
        ("event_id", _TEXT), ("role", _TEXT), ("position", pa.int32()), ("text", _TEXT),
        ("name", _TEXT), ("code", _TEXT), ("country", _TEXT), ("sector", _TEXT),
        ("start_char", pa.int32()), ("end_char", pa.int32()),
    ]
)  # fmt: skip


def article_rows(batch: Sequence[CodedArticle], now: datetime) -> pa.Table:
    rows = [
        {
            "id": c.article.id, "title": c.article.title, "url": c.article.url,
            "published": c.article.published, "outlet": c.article.outlet,
            "language": c.article.language, "author": c.article.author,
            "origin": c.article.origin, "text": c.article.text,
            "skipped_reason": c.skipped_reason, "ingested_at": now,
        }
        for c in batch
    ]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=ARTICLE_COLUMNS)


def _countries(actors: Sequence[Actor]) -> list[str]:
    # Distinct, in mention order: these lists only answer "is X among them".
    return list(dict.fromkeys(a.country for a in actors if a.country))


def _event_row(ev: Event, published) -> dict:
    loc, att, evi = ev.location, ev.attribution, ev.evidence
    return {
        "event_id": ev.event_id, "article_id": ev.article_id, "event": ev.event,
        "mode": ev.mode, "contexts": list(ev.contexts), "cameo": ev.cameo,
        "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        "location_text": loc and loc.text, "location_name": loc and loc.name,
        "location_admin1": loc and loc.admin1, "location_country": loc and loc.country,
        "location_lat": loc and loc.lat, "location_lon": loc and loc.lon,
        "location_start": loc and loc.start, "location_end": loc and loc.end,
        "date": ev.date.date, "date_text": ev.date.text,
        "date_granularity": ev.date.granularity, "date_type": ev.date.type,
        "day": ev.date.date or published, "factuality": ev.factuality,
        "attribution_text": att and att.text, "attribution_speaker": att and att.speaker,
        "attribution_outlet": att and att.outlet, "source_outlet": ev.source_outlet,
        "evidence_sentence": evi.sentence, "evidence_start": evi.start,
        "evidence_end": evi.end, "evidence_trigger": evi.trigger,
        "evidence_trigger_start": evi.trigger_start, "evidence_trigger_end": evi.trigger_end,
        "confidence": ev.confidence, "symmetric": ev.symmetric,
        "source_codes": [a.code for a in ev.sources],
        "target_codes": [a.code for a in ev.targets],
        "source_countries": _countries(ev.sources),
        "target_countries": _countries(ev.targets),
    }  # fmt: skip


def _actor_rows(ev: Event) -> list[dict]:
    roles = [("source", ev.sources), ("target", ev.targets)]
    return [
        {
            "event_id": ev.event_id, "role": role, "position": i, "text": a.text,
            "name": a.name, "code": a.code, "country": a.country, "sector": a.sector,
            "start_char": a.start, "end_char": a.end,
        }
        for role, actors in roles
        for i, a in enumerate(actors)
    ]  # fmt: skip


def event_rows(batch: Sequence[CodedArticle]) -> tuple[pa.Table, pa.Table]:
    """The ``events`` and ``event_actors`` rows of a batch."""
    events: list[dict] = []
    actors: list[dict] = []
    for coded in batch:
        for ev in coded.events:
            events.append(_event_row(ev, coded.article.published))
            actors.extend(_actor_rows(ev))
    return (
        pa.Table.from_pylist(events, schema=EVENT_COLUMNS),
        pa.Table.from_pylist(actors, schema=ACTOR_COLUMNS),
    )


def _nullable(obj: dict, key: str) -> dict | None:
    return obj if obj.get(key) is not None else None


def event_dict(row: dict, actors: Sequence[dict]) -> dict:
    """The public JSON shape of ``records.event_to_dict``, rebuilt from a row and its actors."""
    def people(role: str) -> list[dict]:
        chosen = sorted((a for a in actors if a["role"] == role), key=lambda a: a["position"])
        return [{k: a[k] for k in ("text", "name", "code", "country", "sector")} for a in chosen]

    location = {
        "text": row["location_text"], "name": row["location_name"],
        "admin1": row["location_admin1"], "country": row["location_country"],
        "lat": row["location_lat"], "lon": row["location_lon"],
    }  # fmt: skip
    attribution = {
        "text": row["attribution_text"], "speaker": row["attribution_speaker"],
        "outlet": row["attribution_outlet"],
    }  # fmt: skip
    return {
        "event_id": row["event_id"], "article_id": row["article_id"], "event": row["event"],
        "mode": row["mode"], "contexts": list(row["contexts"]), "cameo": row["cameo"],
        "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "sources": people("source"), "targets": people("target"),
        "symmetric": row["symmetric"], "location": _nullable(location, "text"),
        "date": row["date"].isoformat() if row["date"] else None,
        "date_text": row["date_text"], "date_granularity": row["date_granularity"],
        "date_type": row["date_type"], "factuality": row["factuality"],
        "attribution": _nullable(attribution, "text"),
        "source_outlet": row["source_outlet"],
        "evidence": {
            "sentence": row["evidence_sentence"], "start": row["evidence_start"],
            "end": row["evidence_end"], "trigger": row["evidence_trigger"],
        },
        "confidence": round(row["confidence"], 3),
    }  # fmt: skip
