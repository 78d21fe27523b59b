"""Throughput and peak memory of `eventwire ingest` beside a bare spaCy `nlp.pipe`, in one run.

    python bench/ingest.py [--input FILE] [--limit N] [--batch-size N] [--write]

Both measurements run in their own fresh process on the same texts, timed from process start to
exit (interpreter start and model load included on both sides, so the ratio compares like with
like). Peak RSS is the child's ``ru_maxrss`` as returned by ``os.wait4`` for that one child
(RUSAGE_CHILDREN would give the maximum over every child waited for so far).

(a) bare spaCy: ``spacy.load(model)`` with its default components, ``nlp.pipe`` over the texts.
(b) eventwire: ``eventwire ingest FILE --db <fresh temp file>``, the whole pipeline and the store.

``--write`` replaces the section between the markers in docs/benchmarks.md with this run.
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
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "news" / "wikinews_2019_2020.jsonl"
DOCS = ROOT / "docs" / "benchmarks.md"
BEGIN = "<!-- bench/ingest.py: begin -->"
END = "<!-- bench/ingest.py: end -->"

# Runs in the child for (a). The model name comes from eventwire so both sides load the same one.
BARE_SPACY = """
import json, sys, time, spacy
from eventwire.nlp import MODEL_NAME
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
t0 = time.perf_counter()
nlp = spacy.load(MODEL_NAME)
t1 = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])))
t2 = time.perf_counter()
print(json.dumps({"docs": n, "load_s": t1 - t0, "pipe_s": t2 - t1, "components": nlp.pipe_names}))
"""


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str


def measure(name: str, argv: list[str]) -> Run:
    """Run ``argv`` as one child; wall time and that child's own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, tell Popen
    # Linux reports ru_maxrss in KiB.
    return Run(name, seconds, usage.ru_maxrss / 1024, proc.returncode, output)


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


def prepare_input(source: Path, limit: int | None, workdir: Path) -> tuple[Path, int, int]:
    """The input file (cut to ``limit`` articles if asked), its article count and characters."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is not None:
        lines = lines[:limit]
        source = workdir / "input.jsonl"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chars = sum(len(json.loads(line)["text"]) for line in lines)
    return source, len(lines), chars


def report(runs: list[Run], articles: int, chars: int, source: Path, batch: int) -> str:
    info = machine()
    bare, ours = runs
    rate = {r.name: articles / r.seconds for r in runs}
    lines = [
        f"### Ingest throughput, {dt.date.today().isoformat()}",
        "",
        f"Input: `{source.name}`, {articles} articles, {chars:,} characters; batch size {batch}.",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; "
        f"Python {info['python']}, {info['os']}.",
        "Shared machine: other work was running, so treat the figures as ±20%.",
        "",
        "| run | seconds | articles/s | peak RSS (MB) |",
        "|---|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run.name} | {run.seconds:.1f} | {rate[run.name]:.2f} | {run.peak_rss_mb:.0f} |"
        )
    detail = json.loads(bare.output.strip().splitlines()[-1])
    lines += [
        "",
        f"Bare spaCy components: {', '.join(detail['components'])}; of its "
        f"{bare.seconds:.1f} s, model load took {detail['load_s']:.1f} s and `nlp.pipe` "
        f"{detail['pipe_s']:.1f} s ({articles / detail['pipe_s']:.2f} articles/s).",
        "",
        f"eventwire runs at **{rate[ours.name] / rate[bare.name]:.2f}×** the bare spaCy rate "
        f"(peak memory {ours.peak_rss_mb / bare.peak_rss_mb:.2f}×). Both times include "
        "interpreter start and model load. Reproduce: `python bench/ingest.py --write`.",
    ]
    return "\n".join(lines)


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    block = f"{BEGIN}\n{section}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Ingest\n\n" + block + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--write", action="store_true", help="Update docs/benchmarks.md.")
    args = parser.parse_args()
    eventwire = Path(sys.executable).with_name("eventwire")
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        source, articles, chars = prepare_input(args.input, args.limit, Path(tmp))
        bare_argv = [sys.executable, "-c", BARE_SPACY, str(source), str(args.batch_size)]
        ingest_argv = [str(eventwire), "ingest", str(source), "--db", str(Path(tmp) / "b.duckdb")]
        ingest_argv += ["--batch-size", str(args.batch_size)]
        runs = [measure("bare spaCy nlp.pipe", bare_argv), measure("eventwire ingest", ingest_argv)]
    for run in runs:
        if run.returncode not in (0, 2):  # 2: some input failed, the rest was still ingested
            print(f"{run.name} failed (exit {run.returncode}):\n{run.output}", file=sys.stderr)
            return 1
    section = report(runs, articles, chars, args.input, args.batch_size)
    print(section)
    print("\n--- eventwire ingest output ---\n" + runs[1].output.strip()[-2000:])
    if args.write:
        write_docs(section)
        print(f"\nwrote {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
