"""GET /export: streamed files in every format, with the filters of /events."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from eventwire.store.formats import columns


def _events(client, **params) -> set[str]:
    body = client.get("/events", params={"limit": 1000, **params}).json()
    return {e["event_id"] for e in body["events"]}


@pytest.mark.parametrize(
    "params",
    [{}, {"dyad": "PAK,AFG"}, {"type": "ASSAULT", "factuality": "asserted"},
     {"place": "Doha"}, {"actor": "Pakistan", "since": "2025-10-01"}],
)  # fmt: skip
def test_export_matches_the_event_listing(client, params):
    expected = _events(client, **params)
    resp = client.get("/export", params={"format": "plover", **params})
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in resp.headers["content-disposition"]
    records = [json.loads(line) for line in resp.text.splitlines()]
    assert {r["id"] for r in records} == expected


def test_gdelt_and_polecat_columns(client):
    total = len(_events(client))
    gdelt = client.get("/export", params={"format": "gdelt"})
    frame = pd.read_csv(io.StringIO(gdelt.text), sep="\t", header=None, dtype=str,
                        quoting=csv.QUOTE_NONE)  # fmt: skip
    assert frame.shape == (total, len(columns("gdelt")))
    polecat = client.get("/export", params={"format": "polecat", "country": "USA"})
    frame = pd.read_csv(io.StringIO(polecat.text), sep="\t", dtype=str, quoting=csv.QUOTE_NONE)
    assert list(frame.columns) == list(columns("polecat"))
    assert set(frame["Event ID"]) == _events(client, country="USA")


def test_jsonl_and_csv_are_the_listing_shapes(client):
    listed = client.get("/events", params={"dyad": "PAK,AFG", "limit": 1000}).json()["events"]
    lines = client.get("/export", params={"format": "jsonl", "dyad": "PAK,AFG"}).text.splitlines()
    exported = {r["event_id"]: r for r in map(json.loads, lines)}
    assert set(exported) == {ev["event_id"] for ev in listed}
    for ev in listed:
        mine = exported[ev["event_id"]]
        assert [mine[k] for k in ("day", "sources", "targets")] == [
            ev[k] for k in ("day", "sources", "targets")
        ]
        assert mine["evidence"]["sentence"] == ev["evidence"]["sentence"]
    text = client.get("/export", params={"format": "csv", "dyad": "PAK,AFG"}).text
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(listed)


def test_export_errors_have_the_error_shape(client):
    for params, code in [({"format": "xml"}, "invalid_request"), ({}, "invalid_request"),
                         ({"format": "gdelt", "dyad": "PAK"}, "invalid_filter")]:  # fmt: skip
        resp = client.get("/export", params=params)
        assert resp.status_code == 422, resp.text
        assert resp.json()["error"]["code"] == code
