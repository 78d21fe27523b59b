"""Standard exports (PLOVER, GDELT, POLECAT): exact columns, read back by pandas, values mapped."""

from __future__ import annotations

import os
import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from eventwire.records import Event, Place
from eventwire.store import Store
from eventwire.store.export import export
from eventwire.store.formats import columns, global_event_id

REFERENCE = Path(os.environ["EVENTWIRE_SHARED"]) / "reference"
KHOST = Place("Khost", "Khost", "Khost Province", "AFG", 33.34, 69.92)
AFGHANISTAN = Place("Afghanistan", "Afghanistan", None, "AFG", 33.0, 65.0)


def later(event: Event) -> Event:
    """The event with its evidence further into the article: not the lead event."""
    return replace(event, evidence=replace(event.evidence, start=40, end=80))


@pytest.fixture
def store(tmp_path, factory):
    a = factory.actors

    def events(aid: str) -> list:
        return [
            factory.event(aid, 0, sources=(a["PAK"], a["AFG"]), targets=(), symmetric=True),
            later(factory.event(aid, 1, "ASSAULT", location=KHOST, day=date(2025, 9, 29))),
            factory.event(aid, 2, "REQUEST", sources=(a["UN"],), location=None),
            factory.event(aid, 3, "ACCUSE", targets=(a["QAT"], a["UN"]), location=AFGHANISTAN),
        ]

    batch = [
        factory.coded(f"article\twith a tab {i}", date(2025, 10, 1 + i), events,
                      url=f"https://example.org/{i}", outlet="Test Wire", language="en")
        for i in range(3)
    ]  # fmt: skip
    batch.append(factory.coded("undated article", None, lambda aid: [factory.event(aid, 0)]))
    with Store.open(tmp_path / "x.duckdb") as st:
        st.write(batch)
        yield st


def _reference_columns(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(
    ("fmt", "reference", "count"),
    [("gdelt", "gdelt/gdelt_2.0_event_columns.txt", 61), ("polecat", "polecat_columns.txt", 40)],
)
def test_column_lists_match_the_references(fmt, reference, count):
    if not (REFERENCE / reference).is_file():
        pytest.skip("reference column lists not available")
    assert list(columns(fmt)) == _reference_columns(REFERENCE / reference)
    assert len(columns(fmt)) == count


def _read_tsv(path: Path, header: bool) -> pd.DataFrame:
    names = None if header else list(columns("gdelt"))
    return pd.read_csv(path, sep="\t", header=0 if header else None, names=names, dtype=str,
                       quoting=csv.QUOTE_NONE, keep_default_na=False)  # fmt: skip


def test_gdelt_export(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    total = store.stats().tables["events"]
    assert export(store, "gdelt", out) == total
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in lines)  # exactly 61 cells, no header
    frame = _read_tsv(out, header=False)
    assert len(frame) == total
    assert list(frame.columns) == list(columns("gdelt"))
    by_code = frame.set_index("GLOBALEVENTID")
    row = by_code.loc[str(global_event_id(store.events(type="ASSAULT")[0]["event_id"]))]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20250929", "202509", "2025")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("046", "046", "04")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("PAKGOV", "PAK", "GOV")
    assert (row["Actor2Code"], row["Actor2Name"]) == ("AFGGOV", "TALIBAN")
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == ("4", "AF")
    assert row["ActionGeo_FullName"] == "Khost, Khost Province, Afghanistan"
    assert row["SOURCEURL"].startswith("https://example.org/")
    assert len(row["DATEADDED"]) == 14 and row["NumArticles"] == "1"


def test_gdelt_symmetric_and_international_actors(store, tmp_path):
    out = tmp_path / "events.tsv"
    export(store, "gdelt", out)
    frame = _read_tsv(out, header=False)
    symmetric = frame[frame["Actor1Code"].eq("PAKGOV") & frame["Actor2Code"].eq("AFGGOV")]
    assert len(symmetric) >= 3  # second participant stands in for the target
    un = frame[frame["Actor1Code"] == "IGOUNO"].iloc[0]
    assert (un["Actor1KnownGroupCode"], un["Actor1CountryCode"]) == ("UNO", "")
    country = frame[frame["ActionGeo_FullName"] == "Afghanistan"].iloc[0]
    assert (country["ActionGeo_Type"], country["ActionGeo_ADM1Code"]) == ("1", "AF")
    undated = frame[frame["SQLDATE"] == ""]
    assert len(undated) == 1  # no event date, no publication date: still exported
    assault = frame["EventRootCode"].eq("04") & frame["SQLDATE"].eq("20250929")
    assert set(frame[assault]["IsRootEvent"]) == {"0"}
    assert set(frame[~assault]["IsRootEvent"]) == {"1"}


def test_polecat_export(store, tmp_path):
    out = tmp_path / "events.polecat.tsv"
    total = store.stats().tables["events"]
    assert export(store, "polecat", out) == total
    frame = _read_tsv(out, header=True)
    assert list(frame.columns) == list(columns("polecat"))
    assert len(frame) == total
    accuse = frame[frame["Event Type"] == "ACCUSE"].iloc[0]
    assert accuse["Recipient Name"] == "Qatar;United Nations"
    assert accuse["Recipient Country"] == "QAT"
    assert accuse["Primary Actor Sector"] == "GOV"
    assert (accuse["Feature Type"], accuse["Country"]) == ("PCLI", "AFG")
    assert accuse["Source"] == "Test Wire" and accuse["Version"].startswith("eventwire")
    symmetric = frame[frame["Actor Name"] == "Pakistan;Taliban"]
    assert len(symmetric) == 3 and set(symmetric["Recipient Name"]) == {""}


def test_plover_export(store, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    total = store.stats().tables["events"]
    assert export(store, "plover", out, since=date(2025, 9, 1)) == total - 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == total - 1 == len(pd.read_json(out, lines=True))
    assert all({"id", "date", "actor", "event"} <= set(r) for r in records)  # required fields
    un = next(r for r in records if r["event"] == ["REQUEST"])
    assert un["actor"][0]["code"] == "UNO" and un["event_loc"] is None
    assault = next(r for r in records if r["event"] == ["ASSAULT"])
    assert assault["date"] == "2025-09-29"
    assert assault["actor"][0] == {"code": "PAK", "sector": "GOV", "entity_text": "Pakistan",
                                   "identifier_text": "Pakistan"}  # fmt: skip
    assert assault["event_loc"]["resolved_place"] == "Khost"
    assert assault["text"] == "Pakistan met the Taliban in Doha (1)."
    assert assault["cite_info"]["codebook"].startswith("plover")
