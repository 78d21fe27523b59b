"""GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header row.

The layout is ``data/export/gdelt_columns.txt``. What eventwire fills, and from what:

- ``GLOBALEVENTID``: a stable integer, the first 15 hex digits of the SHA-256 of ``event_id``
  (below 2**60, so it fits GDELT's signed 64-bit column and never changes between exports).
- Dates from the event's ``day``; ``DATEADDED`` is when the article was stored (UTC).
- ``Actor1``/``Actor2``: the first source and the first target (a symmetric event's second
  participant stands in for the target). Codes are eventwire's CAMEO-style codes ("PAKGOV"),
  ``CountryCode`` the ISO alpha-3 code CAMEO also uses, ``Type1Code`` the sector, and
  ``KnownGroupCode`` the group of IGO/NGO codes ("IGOUNO" -> "UNO"). Names are upper-cased as
  GDELT prints them.
- CAMEO codes as strings with their leading zeros; base and root codes are the first three and
  two digits.
- ``NumMentions``/``NumArticles``: stored reports of the article (1 without a ``reports``
  table); ``NumSources``: their distinct outlets. ``AvgTone`` is empty: eventwire measures no tone.
- ``ActionGeo_*`` from the event location; geo country codes are FIPS 10-4 as in GDELT. Actor
  geography is left empty (eventwire does not locate actors).

Cells are never quoted: tabs and line breaks inside text are replaced by spaces, as GDELT does,
so read the file with quoting disabled (pandas: ``quoting=csv.QUOTE_NONE``).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from eventwire.store.formats.source import pair
from eventwire.store.formats.tables import countries, place_kind

_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "ISM", "MNC")
# ActionGeo_Type as GDELT numbers it: 1 country, 2 US state, 3 US city, 4 world city, 5 world
# state (ADM1).
_GEO_TYPES = {("country", False): 1, ("country", True): 1, ("admin1", True): 2,
              ("city", True): 3, ("city", False): 4, ("admin1", False): 5}  # fmt: skip


def global_event_id(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _dates(day: date | None) -> list:
    if day is None:
        return ["", "", "", ""]
    fraction = round(day.year + (day.month * 30 + day.day) / 365, 4)  # GDELT's own formula
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor(actor: dict | None) -> list:
    """Actor{n}Code … Actor{n}Type3Code (10 cells)."""
    if actor is None:
        return [""] * 10
    code = actor["code"] or ""
    group = code[3:6] if code[:3] in _GROUP_PREFIXES else ""
    return [code, (actor["name"] or "").upper(), actor["country"] or "", group,
            "", "", "", actor["sector"] or "", "", ""]  # fmt: skip


def _cameo(code: str | None) -> list:
    if not code:
        return ["", "", ""]
    return [code, code[:3], code[:2]]


def _action_geo(row: dict) -> list:
    """ActionGeo_Type … ActionGeo_FeatureID (8 cells)."""
    name, admin1, iso3 = row["location_name"], row["location_admin1"], row["location_country"]
    kind = place_kind(name, admin1, iso3)
    if kind is None:
        return [""] * 8
    country = countries().get(iso3 or "")
    fips = country.fips if country else ""
    geo_type = _GEO_TYPES[(kind, iso3 == "USA")]
    parts = [name] if kind == "country" else [name, admin1 if admin1 != name else None]
    parts.append(country.name if country and kind != "country" else None)
    full = ", ".join(p for p in parts if p)
    lat, lon = row["location_lat"], row["location_lon"]
    # For a country GDELT's ADM1 and feature id are the FIPS country code itself.
    adm1 = fips if kind == "country" else ""
    return [geo_type, full, fips, adm1, "", _num(lat), _num(lon), adm1]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _stamp(value: datetime | None) -> str:
    return value.strftime("%Y%m%d%H%M%S") if value else ""


def gdelt_row(row: dict) -> list:
    """One export row (``source.start_rows``) as GDELT's 61 cells."""
    actor1, actor2 = pair(row)
    reports = row["n_reports"]
    goldstein = row["goldstein"]
    return [
        global_event_id(row["event_id"]), *_dates(row["day"]),
        *_actor(actor1), *_actor(actor2),
        1 if row["is_lead"] else 0, *_cameo(row["cameo"]),
        row["quad_class"] if row["quad_class"] is not None else "",
        "" if goldstein is None else f"{goldstein:.1f}",
        reports, row["n_outlets"], reports, "",
        *([""] * 16),  # Actor1Geo_* and Actor2Geo_*
        *_action_geo(row),
        _stamp(row["article_ingested_at"]), row["article_url"] or row["article_outlet"] or "",
    ]  # fmt: skip

