"""`eventwire ingest`: read, code and store articles, with a progress bar and a summary.

The summary also tells what was read but not coded: near-duplicates (syndicated copies, stored
as reports of the story they copy) and articles declined with a reason (e.g. not English).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import (
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from eventwire.cli.config import command_settings
from eventwire.cli.options import (
    ActorsOption,
    AllowPrivateOption,
    BatchSizeOption,
    DateOption,
    DbOption,
    PatternsOption,
    SourcesArgument,
)
from eventwire.cli.reporting import (
    EXIT_FAILED,
    report_input_error,
    reported_errors,
    stderr,
    stdout_console,
)
from eventwire.records import IngestSummary

# A summary is read by a person: past this many, not-coded articles are counted, not listed
# (the store keeps every reason in ``articles.skipped_reason``).
NOT_CODED_SHOWN = 20

MapOption = Annotated[
    str | None,
    typer.Option(
        "--map",
        metavar="FIELD=COLUMN,…",
        help="JSONL/CSV columns of article fields, e.g. text=body,published=date.",
    ),
]


def _progress() -> Progress:
    # The number of articles is unknown until the inputs are read (directories, JSONL), so the
    # bar counts up with a rate instead of filling towards a total.
    return Progress(
        SpinnerColumn(),
        TextColumn("coding"),
        MofNCompleteColumn(),
        TextColumn("inputs"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]}"),
        console=stderr,
        transient=True,
    )


def summary_table(summary: IngestSummary) -> Table:
    """The counts of an ingest (or watch) run, one row each."""
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("articles read", summary.read),
        ("skipped", summary.skipped),
        ("  duplicates (stored as reports)", summary.duplicates),
        ("  not coded", len(summary.not_coded)),
        ("failed", summary.failed),
        ("articles stored", summary.stored_articles),
        ("events stored", summary.stored_events),
        ("reports stored", summary.new_reports),
    ):
        table.add_row(label, str(value))
    return table


def not_coded_lines(summary: IngestSummary, shown: int = NOT_CODED_SHOWN) -> list[str]:
    """``not coded: origin: reason`` for the first ``shown`` articles, then how many more."""
    lines = [f"not coded: {origin}: {reason}" for origin, reason in summary.not_coded[:shown]]
    more = len(summary.not_coded) - shown
    if more > 0:
        lines.append(f"not coded: … and {more} more (articles.skipped_reason in the database)")
    return lines


def print_summary(summary: IngestSummary, heading: str) -> None:
    """Errors one line each on stderr; the table and the not-coded articles on stdout."""
    for error in summary.errors:
        report_input_error(error)
    console = stdout_console()
    console.print(heading, markup=False)
    console.print(summary_table(summary))
    for line in not_coded_lines(summary):
        console.print(line, markup=False)


def ingest(
    ctx: typer.Context,
    inputs: SourcesArgument,
    db: DbOption = None,
    date: DateOption = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
    batch_size: BatchSizeOption = None,
    allow_private: AllowPrivateOption = False,
    mapping: MapOption = None,
) -> None:
    """Code articles and store their events in the database (idempotent: re-ingesting is safe).

    Syndicated copies of a stored story are stored as reports of it, not coded again. Exit
    code 2 when any input failed; the others are still stored.
    """
    # Imported here, not at the top: they load spaCy, which `eventwire --help` should not wait for.
    from eventwire.coding import Coder
    from eventwire.ingest import ingest as ingest_inputs
    from eventwire.sources import parse_mapping

    with reported_errors():
        columns = parse_mapping(mapping)  # a bad --map stops before anything is read
        settings = command_settings(
            ctx, db=db, actor_files=actors, pattern_files=patterns, batch_size=batch_size
        )
        coder = Coder.load(settings.actor_files, settings.pattern_files)
        with _progress() as progress:
            summary = ingest_inputs(
                inputs,
                settings.db,
                default_date=date,
                coder=coder,
                batch_size=settings.batch_size,
                on_progress=_progress_callback(progress),
                stdin=sys.stdin,
                allow_private=allow_private,
                mapping=columns,
            )
    print_summary(summary, f"ingested into {settings.db}")
    if summary.failed or summary.errors:
        raise typer.Exit(EXIT_FAILED)


def _progress_callback(progress: Progress):
    task = progress.add_task("ingest", total=None, rate="")

    def on_progress(handled: int) -> None:
        # ingest() reports each batch's count of inputs handled, not a running total.
        progress.advance(task, handled)
        state = progress.tasks[task]
        elapsed = state.elapsed or 0.0
        rate = f"{state.completed / elapsed:.1f}/s" if elapsed > 0 else ""
        progress.update(task, rate=rate)

    return on_progress
