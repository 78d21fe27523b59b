"""POLECAT TSV: the 40 columns of the Dataverse releases, in order, with a header row.

The layout is ``data/export/polecat_columns.txt``. Several values in a cell are joined with
``;`` as POLECAT does. What eventwire fills:

- Actor/Recipient: every source / target (a symmetric event lists all participants as actors and
  no recipient, as PLOVER prescribes); ``Name`` the canonical name, ``Country`` ISO alpha-3,
  sectors from the actor codes, ``Name Raw`` the words in the article.
- ``Intensity``: the event's Goldstein score (POLECAT's own intensity scale is not computed).
- Location columns from the event location; ``Feature Type`` is the GeoNames class of the
  resolved place (``PCLI`` country, ``ADM1`` province, ``PPL`` populated place).
- ``Source`` the outlet, ``Publication Date`` and ``Language`` from the article,
  ``Version`` ``eventwire-<version>``.

Left empty because eventwire does not produce them: ``Actor COW``/``Recipient COW``,
``Actor Title``/``Recipient Title``, the Wikipedia ids, ``District``, ``GeoNames ID`` and the
story-level people, organisation and location lists. Cells are never quoted (tabs and line
breaks inside text become spaces); read with quoting disabled.
"""

from __future__ import annotations

from eventwire.store.formats.source import side
from eventwire.store.formats.tables import coder_version, place_kind

_FEATURES = {"country": "PCLI", "admin1": "ADM1", "city": "PPL"}


def _joined(values) -> str:
    return ";".join(v for v in values if v)


def _party(actors: list[dict]) -> list:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID (8 cells)."""
    sectors = _joined(dict.fromkeys(a["sector"] for a in actors))
    primary = next((a["sector"] for a in actors if a["sector"]), "")
    return [
        _joined(a["name"] for a in actors), _joined(a["country"] for a in actors), "",
        primary, sectors, "", _joined(a["text"] for a in actors), "",
    ]  # fmt: skip


def _place(row: dict) -> list:
    """Placename … Feature Type (10 cells)."""
    name, admin1 = row["location_name"], row["location_admin1"]
    kind = place_kind(name, admin1, row["location_country"])
    if kind is None:
        return [""] * 10
    lat, lon = row["location_lat"], row["location_lon"]
    return [
        name, name if kind == "city" else "", "", admin1 or "", row["location_country"] or "",
        "" if lat is None else lat, "" if lon is None else lon, "",
        row["location_text"] or "", _FEATURES[kind],
    ]  # fmt: skip


def polecat_row(row: dict) -> list:
    """One export row (``source.start_rows``) as POLECAT's 40 cells."""
    day, published = row["day"], row["article_published"]
    goldstein = row["goldstein"]
    return [
        row["event_id"], day.isoformat() if day else "", row["event"], row["mode"] or "",
        "" if goldstein is None else goldstein,
        row["quad_class"] if row["quad_class"] is not None else "",
        _joined(row["contexts"] or []),
        *_party(side(row, "source")), *_party(side(row, "target")),
        *_place(row),
        row["article_outlet"] or "", published.isoformat() if published else "",
        "", "", "", row["article_language"] or "", coder_version(),
    ]  # fmt: skip
