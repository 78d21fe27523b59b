"""The data files the standard exports read: column lists and the country table.

Files live in ``eventwire/data/export/`` with ``# version:`` headers. The column lists define the
output layout (tests check each export against them), so there is no user override: a GDELT file
with other columns would no longer be a GDELT file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version


def _lines(name: str) -> list[str]:
    text = resources.files("eventwire.data").joinpath(f"export/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def columns(fmt: str) -> tuple[str, ...]:
    """The column names of ``fmt`` (``gdelt`` or ``polecat``), in order."""
    return tuple(line.strip() for line in _lines(f"{fmt}_columns.txt"))


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str  # FIPS 10-4, as GDELT's geo fields use
    name: str


@cache
def countries() -> dict[str, Country]:
    """Countries by ISO alpha-3 code."""
    rows = [line.split("\t") for line in _lines("countries.tsv")]
    return {r[0]: Country(*r[:4]) for r in rows[1:]}  # rows[0] is the header


def place_kind(name: str | None, admin1: str | None, country: str | None) -> str | None:
    """``country``, ``admin1`` or ``city`` for a stored event location (None without one).

    The store keeps the resolved place's name, admin1 and country, not its gazetteer kind; a
    place named like its country is the country, one named like its admin1 is a province.
    """
    if not name:
        return None
    known = countries().get(country or "")
    if known and name.casefold() in (known.name.casefold(), known.iso3.casefold()):
        return "country"
    if admin1 and name.casefold() == admin1.casefold():
        return "admin1"
    return "city"


@cache
def coder_version() -> str:
    """``eventwire-<version>``: the coder named in PLOVER's and POLECAT's version fields."""
    try:
        return f"eventwire-{version('eventwire')}"
    except PackageNotFoundError:
        return "eventwire"
