"""Latency of the dyad series and event list routes on a generated store of N events.

    .venv/bin/python bench/api.py [--events 1000000] [--requests 50] [--db /tmp/bench_api.duckdb]
                                  [--reuse] [--write]

Rows are synthetic and inserted by SQL (seconds, no model): 30 countries, random dyads with a
skew towards a few busy pairs, two years of days, all 16 PLOVER types. The app is served by
uvicorn on 127.0.0.1 and hit with a bounded number of sequential requests; p50/p95 go to stdout
as a Markdown table; ``--write`` also puts it, with the date, the machine (CPU model, cores,
RAM) and the load average around the run, into the "API latency" section of docs/benchmarks.md
(only between this script's markers: other sections belong to other benchmarks).
The issue's target: p95 <= 300 ms. The machine is shared, so note the load average: figures
taken under load are upper bounds.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import socket
import statistics
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from eventwire.server import create_app
from eventwire.store import Store

COUNTRIES = ["PAK", "AFG", "IND", "CHN", "USA", "RUS", "UKR", "ISR", "PSE", "IRN", "IRQ", "SYR",
             "TUR", "SAU", "QAT", "EGY", "ETH", "SDN", "SOM", "KEN", "NGA", "MLI", "FRA", "GBR",
             "DEU", "JPN", "KOR", "PRK", "VEN", "COL"]  # fmt: skip
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip
QUADS = [1, 1, 2, 2, 2, 2, 2, 1, 3, 3, 3, 3, 4, 4, 4, 4]


def generate(db: Path, n: int) -> None:
    """Fill ``db`` with ``n`` events, ``n // 5`` articles and two actors per event."""
    db.unlink(missing_ok=True)
    with Store.open(db) as store:
        store.sql(
            "INSERT INTO articles SELECT 'a' || i, 'Article ' || i, NULL, "
            "DATE '2024-01-01' + (i % 730)::INTEGER, 'Bench Wire', 'en', NULL, NULL, "
            "'Text of article ' || i || '.', NULL, now() FROM range(?) t(i)",
            [max(n // 5, 1)],
        )
        # Skew: the square of a uniform draw favours low indexes, so a few dyads are busy.
        k = len(COUNTRIES)
        store.sql(
            f"""INSERT INTO events (event_id, article_id, event, mode, contexts, cameo, goldstein,
            quad_class, location_name, location_country, location_lat, location_lon, date,
            date_type, day, factuality, evidence_sentence, evidence_start, evidence_end,
            evidence_trigger, confidence, "symmetric", source_codes, target_codes,
            source_countries, target_countries)
            SELECT 'e' || i, 'a' || (i // 5), types[ty + 1], NULL, ['diplomatic'], '040',
              (random() * 20 - 10)::DOUBLE, quads[ty + 1], 'Place', src, 0.0, 0.0, d, 'exact', d,
              CASE WHEN i % 10 = 0 THEN 'future' ELSE 'asserted' END,
              'Sentence ' || i || '.', 0, 10, 'trigger', 0.8, false,
              [src || 'GOV'], [tgt || 'GOV'], [src], [tgt]
            FROM (SELECT i, d, ty, types, quads, countries[si + 1] AS src,
                    countries[(si + 1 + ti) % {k} + 1] AS tgt
                  FROM (SELECT i, DATE '2024-01-01' + (i % 730)::INTEGER AS d,
                          least((pow(random(), 2) * {k})::INTEGER, {k - 1}) AS si,
                          least((pow(random(), 2) * {k - 1})::INTEGER, {k - 2}) AS ti,
                          least((random() * 16)::INTEGER, 15) AS ty,
                          ?::VARCHAR[] AS countries, ?::VARCHAR[] AS types, ?::INTEGER[] AS quads
                        FROM range(?) r(i)))""",
            [COUNTRIES, TYPES, QUADS, n],
        )
        store.sql(
            "INSERT INTO event_actors SELECT event_id, 'source', 0, source_codes[1], source_codes[1], "
            "source_codes[1], source_countries[1], 'GOV', NULL, NULL FROM events UNION ALL "
            "SELECT event_id, 'target', 0, target_codes[1], target_codes[1], target_codes[1], "
            "target_countries[1], 'GOV', NULL, NULL FROM events"
        )
        print(store.stats().tables)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timings(client: httpx.Client, url: str, requests: int) -> list[float]:
    client.get(url).raise_for_status()  # warm-up
    out = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url).raise_for_status()
        out.append((time.perf_counter() - start) * 1000)
    return out


DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench/api.py: begin -->", "<!-- bench/api.py: end -->"


def machine() -> str:
    """CPU model, cores and RAM, read from /proc where available."""
    cpu = platform.processor() or platform.machine()
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", info).group(1).strip()
    except (OSError, AttributeError):
        pass
    ram = ""
    try:
        kb = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{ram}"


def write_section(table: str, before: tuple, after: tuple, args: argparse.Namespace) -> None:
    """Replace this script's section of docs/benchmarks.md (appended the first time)."""
    load = lambda la: "/".join(f"{x:.1f}" for x in la)  # noqa: E731
    body = (
        f"{BEGIN}\n## API latency (bench/api.py)\n\n"
        f"`bench/api.py --events {args.events} --requests {args.requests}`: a generated store of "
        f"{args.events:,} events (synthetic rows, 30 countries, two years), served by uvicorn on "
        "127.0.0.1 (one worker, the shared read connection of `server/access.py`), requests sent "
        "one after another after a warm-up request. Target: p95 <= 300 ms.\n\n"
        f"Measured {datetime.date.today().isoformat()} on {machine()}; load average "
        f"(1/5/15 min) {load(before)} before and {load(after)} after the run "
        "(the machine is shared by several engineers, so these are upper bounds).\n\n"
        f"{table}\n{END}"
    )
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + body + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench_api.duckdb"))
    parser.add_argument("--reuse", action="store_true", help="keep an existing --db")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        t0 = time.perf_counter()
        generate(args.db, args.events)
        print(f"generated {args.events} events in {time.perf_counter() - t0:.1f} s")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    routes = {
        "dyad series (week)": "/dyads/PAK/AFG/series",
        "dyad series (day, 3-country set)": "/dyads/PAK|IND|CHN/AFG/series?interval=day",
        "event list (dyad, 100)": "/events?dyad=PAK,AFG&limit=100",
        "event list (no filter, 100)": "/events?limit=100",
        "event list (type+since, 100)": "/events?type=ASSAULT&since=2025-06-01&limit=100",
    }
    print(f"\n{args.events:,} events, {args.requests} sequential requests per route\n")
    before = os.getloadavg()
    lines = ["| route | p50 ms | p95 ms |", "|---|---|---|"]
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, url in routes.items():
                ms = sorted(timings(client, url, args.requests))
                p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
                cell = url.replace("|", "\\|")  # a bare | would split the Markdown cell
                lines.append(f"| {name} `{cell}` | {statistics.median(ms):.0f} | {p95:.0f} |")
                print(lines[-1] if len(lines) > 3 else "\n".join(lines))
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    if args.write:
        write_section("\n".join(lines), before, os.getloadavg(), args)
        print(f"wrote {DOCS}")


if __name__ == "__main__":
    main()
