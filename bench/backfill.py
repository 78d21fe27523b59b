"""Backfill throughput with 1 worker and with 2 workers on the same inputs, in one run.

    python bench/backfill.py [INPUT…] [--shard-size N] [--limit N] [--write]

Default input: every file of ../shared/data/news. For each worker count, a LocalCluster of that
many single-threaded processes is started and warmed (knowledge files and spaCy loaded in every
worker, so the figure is coding throughput, not start-up), then ``backfill`` codes all inputs
into a fresh directory. Start-up time is printed separately. The two runs' events must be
identical; the script exits 1 if they are not.

``--write`` replaces the section between the markers in docs/benchmarks.md with this run.
The issue's target: 2 workers >= 1.7x the articles/s of 1 worker on a 2-core machine. The
machine's load average is printed with the figures: other processes on the cores lower it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from eventwire.backfill import backfill, plan_shards, read_shard

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "news"
DOCS = ROOT / "docs" / "benchmarks.md"
BEGIN = "<!-- bench/backfill.py: begin -->"
END = "<!-- bench/backfill.py: end -->"


def _warm() -> int:
    """Load the coder and spaCy in this worker process."""
    from eventwire.backfill.worker import cached_coder
    from eventwire.coding import code_articles
    from eventwire.records import Article

    coder = cached_coder()
    list(code_articles([Article(text="Pakistan and Afghanistan held talks in Doha.")], coder))
    return os.getpid()


def run(inputs: list[str], workers: int, shard_size: int) -> dict:
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        as cluster,
        Client(cluster) as client,
    ):
        client.run(_warm)
        startup = time.perf_counter() - started
        with tempfile.TemporaryDirectory(prefix="bench-backfill-") as out:
            began = time.perf_counter()
            summary = backfill(inputs, out, client=client, shard_size=shard_size)
            seconds = time.perf_counter() - began
            ids = [s.shard_id for s in plan_shards(inputs, shard_size)]
            events = sorted(repr(e) for i in ids for c in read_shard(out, i) for e in c.events)
    if not summary.ok:
        sys.exit(f"{len(summary.failed)} shards failed: {summary.failed[0].error}")
    return {
        "workers": workers,
        "articles": summary.articles,
        "events": len(events),
        "seconds": seconds,
        "rate": summary.articles / seconds,
        "startup": startup,
        "digest": hashlib.sha256("\n".join(events).encode()).hexdigest()[:16],
    }


def _limited(inputs: list[str], limit: int | None, tmp: Path) -> list[str]:
    """The first ``limit`` JSONL records of the inputs, as one file (for quick runs)."""
    if limit is None:
        return inputs
    shards = plan_shards(inputs, shard_size_lines=1_000_000)
    paths = [p.abspath for s in shards for p in s.parts if p.path.endswith(".jsonl")]
    lines = itertools.chain.from_iterable(open(p, "rb") for p in paths)
    target = tmp / "limited.jsonl"
    target.write_bytes(b"".join(itertools.islice(lines, limit)))
    return [str(target)]


def report(runs: list[dict], shard_size: int) -> str:
    one, two = runs
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    rows = [
        f"| {r['workers']} | {r['articles']} | {r['events']} | {r['seconds']:.1f} | "
        f"{r['rate']:.2f} | {r['startup']:.1f} |"
        for r in runs
    ]
    return "\n".join(
        [
            f"Measured {dt.date.today().isoformat()} on {platform.node()} "
            f"({os.cpu_count()} cores, Python {platform.python_version()}), "
            f"shards of {shard_size}, load average before the run {load}.",
            "",
            "| workers | articles | events | coding s | articles/s | start-up s |",
            "|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            f"Speed-up with 2 workers: **{two['rate'] / one['rate']:.2f}x** (target 1.7x); "
            f"events identical in both runs: **{one['digest'] == two['digest']}**.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--shard-size", type=int, default=20)
    parser.add_argument("--limit", type=int, default=None, help="only the first N JSONL records")
    parser.add_argument("--write", action="store_true", help=f"record the figures in {DOCS.name}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _limited(args.inputs, args.limit, Path(tmp))
        runs = [run(inputs, n, args.shard_size) for n in (1, 2)]
    text = report(runs, args.shard_size)
    print(text)
    if args.write:
        doc = DOCS.read_text(encoding="utf-8")
        if BEGIN not in doc:
            doc += f"\n## Backfill scaling (issue 6)\n\n{BEGIN}\n{END}\n"
        head, rest = doc.split(BEGIN, 1)
        DOCS.write_text(f"{head}{BEGIN}\n{text}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")
    if runs[0]["digest"] != runs[1]["digest"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
