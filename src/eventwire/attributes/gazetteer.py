"""The offline gazetteer: place names -> country, admin1, coordinates.

Shipped as ``data/places/gazetteer.tsv`` (GeoNames countries, capitals, admin1 regions and cities
of 15,000+ people, built by ``tools/build_gazetteer.py``) plus the hand-made
``data/places/additions.tsv`` (Waziristan, Gaza Strip, Donbas …). Users add their own TSV files of
the same columns; rows of later files win over earlier rows of the same name.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import ConfigError

BASE_FILES = ("gazetteer.tsv", "additions.tsv")
_LEADING = re.compile(r"^(the|in|at)\s+")
_TRAILING = re.compile(r"(\s*['’]s|['’])$")
_SPACES = re.compile(r"\s+")
# Capitals are what news means by a bare city name far more often than a same-named place of
# similar size ("Victoria" the Australian state still outweighs the capital of Seychelles).
CAPITAL_WEIGHT = 5


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    kind: str  # country | capital | admin1 | city | region
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    layer: int  # 0 for the GeoNames build, higher for additions and user files (they win)


def normalise_name(text: str) -> str:
    """Lookup key: accents folded, lowercased, "the"/possessive stripped, spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text.replace("\u2019", "'")).encode("ascii", "ignore").decode()
    folded = _SPACES.sub(" ", folded.lower()).strip(" ,;:()\"")
    folded = _TRAILING.sub("", _LEADING.sub("", folded))
    return folded.strip()


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


class Gazetteer:
    """Fast lookup of a place name (main or alternate, any case, accents folded)."""

    def __init__(self, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]], demonyms: dict[str, str],
                 version: str):
        self.version = version
        self._by_name: dict[str, list[tuple[GazetteerEntry, bool]]] = {}
        self._countries: dict[str, GazetteerEntry] = {}
        self._demonyms = demonyms
        for entry, alternates in entries:
            self._add(normalise_name(entry.name), entry, True)
            for alt in alternates:
                self._add(normalise_name(alt), entry, False)
            if entry.kind == "country" and entry.country:
                self._countries.setdefault(entry.country, entry)

    def _add(self, key: str, entry: GazetteerEntry, main: bool) -> None:
        if key:
            self._by_name.setdefault(key, []).append((entry, main))

    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> Gazetteer:
        """The shipped gazetteer and additions, then the user's TSV files (same columns)."""
        package = resources.files("eventwire.data") / "places"
        sources = [(package.joinpath(n).read_text(encoding="utf-8"), n) for n in BASE_FILES]
        for path in extra_files:
            try:
                sources.append((Path(path).read_text(encoding="utf-8"), str(path)))
            except OSError as err:
                raise ConfigError(f"cannot read gazetteer file {path}: {err}") from err
        entries: list[tuple[GazetteerEntry, list[str]]] = []
        demonyms: dict[str, tuple[int, int, str]] = {}
        versions = []
        for layer, (text, origin) in enumerate(sources):
            versions.append(_version(text, origin))
            for entry, alternates, dem in _parse(text, origin, layer):
                entries.append((entry, alternates))
                for word in dem:
                    # "American" is also the demonym of American Samoa: the later file, then the
                    # more populous country, wins.
                    rank = (layer, entry.population, entry.country or "")
                    demonyms[word.lower()] = max(demonyms.get(word.lower(), rank), rank)
        return cls(entries, {w: r[2] for w, r in demonyms.items()}, "+".join(versions))

    def candidates(self, text: str) -> list[GazetteerEntry]:
        """Every entry the name may denote, best first without context."""
        found = self._by_name.get(normalise_name(text), [])
        return [e for e, _ in sorted(found, key=lambda pair: _rank(pair, frozenset()), reverse=True)]

    def lookup(self, text: str, prefer_countries: frozenset[str] = frozenset()) -> GazetteerEntry | None:
        """The entry a name most likely denotes. ``prefer_countries`` are countries the article
        already places things in below country level ("Atlanta" makes "Georgia" the US state)."""
        found = self._by_name.get(normalise_name(text))
        if not found:
            return None
        return max(found, key=lambda pair: _rank(pair, prefer_countries))[0]

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-3 of a nationality word ("Afghan" -> AFG), else None."""
        return self._demonyms.get(word.lower()) or None

    def __len__(self) -> int:
        return len(self._by_name)


def _rank(pair: tuple[GazetteerEntry, bool], prefer: frozenset[str]) -> tuple:
    """Hand-made rows first; then a country named by the context; then countries over everything
    else; then main names over alternates (an alternate such as "Victoria" for Hong Kong is a
    fallback); then population, capitals weighted up."""
    entry, main = pair
    weight = entry.population * (CAPITAL_WEIGHT if entry.kind == "capital" else 1)
    return (entry.layer, entry.country in prefer, entry.kind == "country", main, weight)


def _version(text: str, origin: str) -> str:
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.lower().startswith("# version:"):
            return line.split(":", 1)[1].strip()
    raise ConfigError(f"gazetteer file {origin} lacks a '# version: …' header line")


def _parse(text: str, origin: str, layer: int):
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
    for n, row in enumerate(rows, start=2):
        try:
            entry = GazetteerEntry(
                name=row["name"], kind=row["kind"] or "city", country=row["country"] or None,
                admin1=row.get("admin1") or None, lat=_float(row["lat"]), lon=_float(row["lon"]),
                population=int(row.get("population") or 0), layer=layer,
            )
        except (KeyError, ValueError, TypeError) as err:
            raise ConfigError(f"gazetteer file {origin}, row {n}: {err}; expected columns "
                              "name, kind, country, admin1, lat, lon, population, alternates, demonyms") from err
        yield entry, _split(row.get("alternates")), _split(row.get("demonyms"))


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()
