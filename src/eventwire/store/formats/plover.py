"""PLOVER JSON records (the manual's "Data Fields" chapter), one JSON object per line (JSONL).

The manual suggests newline-delimited JSON, so that is the layout. Field by field:

- ``id`` the event id; ``has_event`` true; ``date`` the event's day (YYYY-MM-DD).
- ``actor`` / ``recipient``: entity objects ``{code, sector, entity_text, identifier_text}``:
  ``code`` is the 3-character country code, or for international actors the manual's table
  (``UNO``, ``EUR``, ``IGO``, ``NGO`` …); Kosovo is ``KOS`` as the manual prescribes.
  ``identifier_text`` is eventwire's canonical name. A symmetric event lists every participant
  as actor and no recipient.
- ``event`` ``[type]``, ``mode`` and ``context`` lists, ``quad_code``, ``event_scale`` (the
  Goldstein score), ``event_text`` ``[trigger words]``.
- ``event_loc`` a location object (``extracted_place``, ``resolved_place``, ``lat``, ``lon``,
  ``province``, ``country_code``, ``resolution``).
- ``text`` the evidence sentence (only the sentence, never the article), ``text_info``
  ``{start, end}`` its offsets in the article, ``cite_info`` the article's ``url``, ``title``,
  ``publication``, ``language``, ``coder`` and ``codebook``; ``coder`` and ``coded_date``.
- Beyond the manual (it invites extra named fields): ``cameo``, ``factuality``, ``confidence``,
  ``article_id``.
"""

from __future__ import annotations

from eventwire.store.formats.source import side
from eventwire.store.formats.tables import coder_version, place_kind

# The manual's codes for international non-state entities, keyed by eventwire's code prefix and
# the group that follows it ("IGOUNO" -> UNO).
_GROUPS = {"UNO": "UNO", "EUR": "EUR", "EEC": "EUR"}
_INTERNATIONAL = ("IGO", "NGO", "ISM", "IMG", "MNC")
_RESOLUTION = {"country": 1, "admin1": 2, "city": 4}
CODEBOOK = "plover-base-1.3.1"


def plover_code(actor: dict) -> str | None:
    code = actor["code"] or ""
    if actor["country"]:
        return "KOS" if actor["country"] == "XKX" else actor["country"]
    if code[:3] in _INTERNATIONAL:
        return _GROUPS.get(code[3:6], code[:3])
    return code[:3] or None


def _entity(actor: dict) -> dict:
    return {
        "code": plover_code(actor),
        "sector": actor["sector"],
        "entity_text": actor["text"],
        "identifier_text": actor["name"],
    }


def _location(row: dict) -> dict | None:
    kind = place_kind(row["location_name"], row["location_admin1"], row["location_country"])
    if kind is None:
        return None
    return {
        "extracted_place": row["location_text"],
        "resolved_place": row["location_name"],
        "lat": row["location_lat"],
        "lon": row["location_lon"],
        "province": row["location_admin1"],
        "country_code": row["location_country"],
        "resolution": _RESOLUTION[kind],
    }


def plover_record(row: dict) -> dict:
    """One export row (``source.start_rows``) as a PLOVER JSON record."""
    day, added = row["day"], row["article_ingested_at"]
    return {
        "id": row["event_id"],
        "has_event": True,
        "date": day.isoformat() if day else None,
        "actor": [_entity(a) for a in side(row, "source")],
        "recipient": [_entity(a) for a in side(row, "target")],
        "event": [row["event"]],
        "event_loc": _location(row),
        "event_text": [row["evidence_trigger"]],
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": list(row["contexts"] or []),
        "text": row["evidence_sentence"],
        "text_info": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cite_info": {
            "url": row["article_url"],
            "title": row["article_title"],
            "publication": row["article_outlet"],
            "language": row["article_language"],
            "coder": coder_version(),
            "codebook": CODEBOOK,
        },
        "coder": coder_version(),
        "coded_date": added.date().isoformat() if added else None,
        "cameo": row["cameo"],
        "factuality": row["factuality"],
        "confidence": round(row["confidence"], 3),
        "article_id": row["article_id"],
    }
