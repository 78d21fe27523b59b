"""Event dicts (the public shape of ``records.event_to_dict``) written as table, JSONL, JSON or CSV.

JSONL and CSV are written as events arrive, so ``eventwire code big.jsonl --format jsonl`` streams;
the table and the JSON array wait for the last event.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from enum import Enum
from typing import IO, Any

from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


# Flat CSV columns: nested actors are joined with ";" (codes and names in the same order).
CSV_COLUMNS = (
    "event_id", "article_id", "event", "mode", "contexts", "cameo", "goldstein", "quad_class",
    "source_codes", "source_names", "target_codes", "target_names", "symmetric",
    "location", "location_country", "lat", "lon",
    "date", "date_text", "date_granularity", "date_type", "factuality",
    "attribution", "attribution_speaker", "attribution_outlet",
    "evidence", "evidence_start", "evidence_end", "trigger", "confidence",
)  # fmt: skip

EVIDENCE_WIDTH = 90  # characters of the evidence sentence shown in the table


def _codes(actors: list[dict]) -> str:
    return ";".join(a["code"] for a in actors)


def flat_row(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    attr = ev.get("attribution") or {}
    evidence = ev["evidence"]
    return {
        **{k: ev.get(k) for k in ("event_id", "article_id", "event", "mode", "cameo")},
        **{k: ev.get(k) for k in ("goldstein", "quad_class", "symmetric")},
        "contexts": ";".join(ev.get("contexts") or ()),
        "source_codes": _codes(ev["sources"]),
        "source_names": ";".join(a["name"] for a in ev["sources"]),
        "target_codes": _codes(ev["targets"]),
        "target_names": ";".join(a["name"] for a in ev["targets"]),
        "location": loc.get("name"),
        "location_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        **{k: ev.get(k) for k in ("date", "date_text", "date_granularity", "date_type")},
        "factuality": ev.get("factuality"),
        "attribution": attr.get("text"),
        "attribution_speaker": attr.get("speaker"),
        "attribution_outlet": attr.get("outlet"),
        "evidence": evidence["sentence"],
        "evidence_start": evidence["start"],
        "evidence_end": evidence["end"],
        "trigger": evidence["trigger"],
        "confidence": ev.get("confidence"),
    }


def snippet(sentence: str, trigger: str, width: int = EVIDENCE_WIDTH) -> str:
    """The sentence cut to ``width`` characters around its trigger, so the trigger stays visible."""
    text = " ".join(sentence.split())
    if len(text) <= width:
        return text
    at = max(text.find(" ".join(trigger.split())), 0)
    start = max(0, min(at - width // 3, len(text) - width))
    cut = text[start : start + width]
    return ("…" if start else "") + cut + ("…" if start + width < len(text) else "")


def event_table(events: Iterable[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("type", "mode", "source", "target", "factuality", "location", "trigger"):
        table.add_column(name, no_wrap=True)
    table.add_column("evidence", overflow="fold", min_width=30)
    for ev in events:
        loc = ev.get("location") or {}
        symmetric = "↔ " if ev.get("symmetric") else ""
        table.add_row(
            ev["event"],
            ev.get("mode") or "",
            symmetric + " ".join(a["code"] for a in ev["sources"]),
            " ".join(a["code"] for a in ev["targets"]),
            ev.get("factuality") or "",
            loc.get("name") or "",
            ev["evidence"]["trigger"],
            snippet(ev["evidence"]["sentence"], ev["evidence"]["trigger"]),
        )
    return table


class EventWriter:
    """Writes events in one format to ``out``; call ``close()`` once after the last event."""

    def __init__(self, fmt: Format, out: IO[str], console: Console):
        self.fmt = fmt
        self.out = out
        self.console = console
        self.count = 0
        self._held: list[dict[str, Any]] = []
        self._csv: csv.DictWriter | None = None
        if fmt is Format.csv:
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
            self._csv.writeheader()

    def write(self, ev: dict[str, Any]) -> None:
        self.count += 1
        if self.fmt is Format.jsonl:
            self.out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self._csv.writerow(flat_row(ev))
        else:
            self._held.append(ev)

    def close(self) -> None:
        if self.fmt is Format.json:
            json.dump(self._held, self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
        elif self.fmt is Format.table:
            if self._held:
                self.console.print(event_table(self._held))
            else:
                self.console.print("no events")
        self.out.flush()
