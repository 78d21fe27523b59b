"""Output formats of `code` and `events`, on event dicts shaped like records.event_to_dict."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from rich.console import Console

from eventwire.cli.render import CSV_COLUMNS, EventWriter, Format, flat_row, snippet
from eventwire.records import (
    Actor,
    Attribution,
    DateInfo,
    Event,
    Evidence,
    Place,
    event_to_dict,
)


def _event(n: int) -> dict:
    pak = Actor("Pakistan", "Pakistan", "PAKGOV", "PAK", "GOV")
    afg = Actor("the Taliban", "Taliban", "AFGGOV", "AFG", "GOV")
    ev = Event(
        event_id=f"e{n}",
        article_id="a",
        event="CONSULT",
        mode="third-party",
        contexts=("diplomatic",),
        cameo="046",
        goldstein=7.0,
        quad_class=1,
        sources=(pak, afg),
        targets=(),
        location=Place("Doha", "Doha", None, "QAT", 25.29, 51.53),
        date=DateInfo("Friday", date(2026, 2, 6), "day", "exact"),
        factuality="future",
        attribution=Attribution("sources confirmed to CNN-News18", "sources", "CNN-News18"),
        evidence=Evidence("Talks between Pakistan and the Taliban, a long sentence.", 0, 55, "Talks"),
        confidence=0.8,
        symmetric=True,
    )
    return event_to_dict(ev)


def _write(fmt: Format, events: list[dict]) -> str:
    out = io.StringIO()
    writer = EventWriter(fmt, out, Console(file=out, width=200))
    for ev in events:
        writer.write(ev)
    writer.close()
    return out.getvalue()


def test_jsonl_is_the_public_record_one_per_line() -> None:
    events = [_event(1), _event(2)]
    lines = _write(Format.jsonl, events).splitlines()
    assert [json.loads(line) for line in lines] == events


def test_json_is_one_array() -> None:
    assert json.loads(_write(Format.json, [_event(1)])) == [_event(1)]
    assert json.loads(_write(Format.json, [])) == []


def test_csv_flattens_actors_and_nested_fields() -> None:
    rows = list(csv.DictReader(io.StringIO(_write(Format.csv, [_event(1)]))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["source_codes"] == "PAKGOV;AFGGOV"
    assert rows[0]["location_country"] == "QAT"
    assert rows[0]["attribution_outlet"] == "CNN-News18"
    assert rows[0]["symmetric"] == "True"


def test_csv_row_handles_missing_location_and_attribution() -> None:
    ev = _event(1) | {"location": None, "attribution": None}
    row = flat_row(ev)
    assert row["location"] is None and row["attribution_speaker"] is None


def test_table_shows_type_codes_and_evidence() -> None:
    text = _write(Format.table, [_event(1)])
    for word in ("CONSULT", "third-party", "PAKGOV", "future", "Doha", "Talks between"):
        assert word in text
    assert "no events" in _write(Format.table, [])


def test_snippet_keeps_the_trigger_in_view() -> None:
    sentence = "A long opening clause about many other things, " * 4 + "then the army attacked."
    short = snippet(sentence, "attacked", width=60)
    assert "attacked" in short and short.startswith("…") and len(short) <= 62
    assert snippet("Short one.", "one") == "Short one."
