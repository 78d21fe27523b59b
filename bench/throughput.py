"""Throughput and peak memory of eventwire end to end beside a bare spaCy `nlp.pipe`, in one run.

    python bench/throughput.py [--input FILE ...] [--limit N] [--no-wikinews] [--write]

Issue 6 target: eventwire end to end (clean -> code -> DuckDB) at >= 1.5x the articles/s of a
bare ``nlp.pipe`` over the same articles, with a peak RSS <= 500 MB per process.

Each measurement runs in its own fresh process on the same articles, timed from process start
to exit (interpreter start and model load on both sides, so the ratio compares like with like):

(a) bare spaCy: ``spacy.load(model)`` with its default components, ``nlp.pipe`` with its default
    batch size, over the article texts;
(b) eventwire: ``eventwire ingest FILE --db <fresh temp file>`` with its default settings.

Peak RSS is the child's own ``ru_maxrss`` from ``os.wait4``. The machine is shared, so besides
wall time the child's CPU time (user + system, also from ``wait4``) is reported: a busy
neighbour stretches wall time far more than CPU time, and the CPU ratio is the steadier figure.
The pair runs over all inputs, then (as issue 2 asks) over the Wikinews file alone.

``--write`` replaces this script's section of docs/benchmarks.md (between its markers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
WIKINEWS = NEWS / "wikinews_2019_2020.jsonl"
DOCS = ROOT / "docs" / "benchmarks.md"
BEGIN = "<!-- bench/throughput.py: begin -->"
END = "<!-- bench/throughput.py: end -->"
TARGET_RATIO, TARGET_RSS_MB = 1.5, 500

# Runs in the child for (a). The model name comes from eventwire so both sides load the same one.
BARE_SPACY = """
import json, sys, time, spacy
from eventwire.nlp import MODEL_NAME
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
nlp = spacy.load(MODEL_NAME)
n = sum(1 for _ in nlp.pipe(texts))
print(json.dumps({"docs": n, "components": nlp.pipe_names, "batch_size": nlp.batch_size}))
"""


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    output: str


@dataclass(frozen=True)
class Pair:
    """One bare run and one eventwire run over the same articles."""

    label: str
    articles: int
    chars: int
    bare: Run
    ours: Run

    def rate(self, run: Run, cpu: bool = False) -> float:
        return self.articles / (run.cpu_seconds if cpu else run.seconds)

    def ratio(self, cpu: bool = False) -> float:
        return self.rate(self.ours, cpu) / self.rate(self.bare, cpu)


def measure(name: str, argv: list[str]) -> Run:
    """Run ``argv`` as one child; its wall time, CPU time and own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, tell Popen
    cpu = usage.ru_utime + usage.ru_stime
    # Linux reports ru_maxrss in KiB.
    return Run(name, seconds, cpu, usage.ru_maxrss / 1024, proc.returncode, output)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": f"{ram:.0f} GiB",
        "python": platform.python_version(),
        "os": platform.platform(terse=True),
    }


def load_average() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def write_input(sources: list[Path], limit: int | None, path: Path) -> tuple[int, int]:
    """Concatenate the sources (cut to ``limit`` articles) into ``path``: (articles, chars)."""
    lines = [
        line
        for source in sources
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:limit]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), sum(len(json.loads(line)["text"]) for line in lines)


def run_pair(label: str, sources: list[Path], limit: int | None, tmp: Path) -> Pair:
    key = f"pair{len(list(tmp.glob('*.jsonl')))}"
    source = tmp / f"{key}.jsonl"
    articles, chars = write_input(sources, limit, source)
    eventwire = Path(sys.executable).with_name("eventwire")
    db = tmp / f"{key}.duckdb"
    bare = measure("bare spaCy nlp.pipe", [sys.executable, "-c", BARE_SPACY, str(source)])
    ours = measure("eventwire ingest", [str(eventwire), "ingest", str(source), "--db", str(db)])
    for run in (bare, ours):
        if run.returncode not in (0, 2):  # 2: some input failed, the rest was still ingested
            raise SystemExit(f"{run.name} failed (exit {run.returncode}):\n{run.output}")
    return Pair(label, articles, chars, bare, ours)


def table(pair: Pair) -> list[str]:
    lines = [
        f"**{pair.label}**: {pair.articles} articles, {pair.chars:,} characters.",
        "",
        "| run | seconds | CPU seconds | articles/s | articles/CPU-s | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for run in (pair.bare, pair.ours):
        lines.append(
            f"| {run.name} | {run.seconds:.1f} | {run.cpu_seconds:.1f} | "
            f"{pair.rate(run):.2f} | {pair.rate(run, cpu=True):.2f} | {run.peak_rss_mb:.0f} |"
        )
    lines += [
        "",
        f"eventwire / bare: **{pair.ratio():.2f}×** wall-clock, **{pair.ratio(cpu=True):.2f}×** "
        f"CPU time; peak RSS {pair.ours.peak_rss_mb:.0f} MB vs {pair.bare.peak_rss_mb:.0f} MB.",
    ]
    return lines


def report(pairs: list[Pair], loads: tuple[str, str]) -> str:
    info = machine()
    main = pairs[0]
    detail = json.loads(main.bare.output.strip().splitlines()[-1])
    met = main.ratio() >= TARGET_RATIO and main.ours.peak_rss_mb <= TARGET_RSS_MB
    lines = [
        f"### Throughput, {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; "
        f"Python {info['python']}, {info['os']}. Load average (1/5/15 min) {loads[0]} before "
        f"and {loads[1]} after: the machine is shared, so wall-clock figures are upper bounds.",
        f"Bare spaCy: components {', '.join(detail['components'])}; batch size "
        f"{detail['batch_size']} (the default). Both sides include interpreter start and model "
        "load.",
        "",
    ]
    for pair in pairs:
        lines += table(pair) + [""]
    lines.append(
        f"Target (issue 6): >= {TARGET_RATIO}× the bare rate, <= {TARGET_RSS_MB} MB per process: "
        f"**{'met' if met else 'not met'}** on all inputs. "
        "Reproduce: `python bench/throughput.py --write`."
    )
    return "\n".join(lines)


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    block = f"{BEGIN}\n{section}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Throughput (issue 6)\n\n" + block + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, nargs="*", default=sorted(NEWS.glob("*.jsonl")))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument(
        "--no-wikinews", action="store_true", help="Skip the second, Wikinews-only pair."
    )
    parser.add_argument("--write", action="store_true", help="Update docs/benchmarks.md.")
    args = parser.parse_args()
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        names = ", ".join(f"`{p.name}`" for p in args.input)
        pairs = [run_pair(f"All inputs ({names})", args.input, args.limit, Path(tmp))]
        if not args.no_wikinews and WIKINEWS.exists():
            label = f"Wikinews only (`{WIKINEWS.name}`)"
            pairs.append(run_pair(label, [WIKINEWS], args.limit, Path(tmp)))
    section = report(pairs, (before, load_average()))
    print(section)
    print("\n--- eventwire ingest output ---\n" + pairs[0].ours.output.strip()[-1500:])
    if args.write:
        write_docs(section)
        print(f"\nwrote {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
