"""Exports read back with pandas: same rows, flat columns, CAMEO codes kept as strings."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from eventwire.errors import ConfigError
from eventwire.store import Store
from eventwire.store.export import export


@pytest.fixture
def store(tmp_path, factory):
    a = factory.actors
    batch = [
        factory.coded(f"article {i}", date(2025, 10, 1 + i), lambda aid: [
            factory.event(aid, 0, sources=(a["PAK"], a["QAT"])),
            factory.event(aid, 1, "ASSAULT", factuality="future"),
        ])
        for i in range(5)
    ]  # fmt: skip
    with Store.open(tmp_path / "x.duckdb") as st:
        st.write(batch)
        yield st


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_flat_exports(store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert export(store, fmt, out) == 10
    frame = pd.read_parquet(out) if fmt == "parquet" else pd.read_csv(out, dtype=str)
    assert len(frame) == 10
    first = frame.iloc[0]
    assert first["cameo"] == "046"  # leading zero kept
    assert first["source_codes"] == "PAKGOV;QATGOV"
    assert first["source_names"] == "Pakistan;Qatar"
    assert first["target_countries"] == "AFG"
    assert first["article_title"] is None or pd.isna(first["article_title"])
    assert not list(tmp_path.glob("*.partial"))


def test_jsonl_export_is_the_public_record(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", out, factuality="future") == 5
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == store.events(factuality="future")


def test_export_filters_by_date(store, tmp_path):
    out = tmp_path / "recent.csv"
    assert export(store, "csv", out, since=date(2025, 10, 4)) == 4
    assert export(store, "csv", out, since=date(2025, 10, 4), until=date(2025, 10, 4)) == 2


def test_bad_format_or_folder_is_a_clear_error(store, tmp_path):
    with pytest.raises(ConfigError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "e.xlsx")
    with pytest.raises(ConfigError, match="does not exist"):
        export(store, "csv", tmp_path / "missing" / "e.csv")
