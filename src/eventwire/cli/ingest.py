"""`eventwire ingest`: read, code and store articles, with a progress bar and a summary."""

from __future__ import annotations

import sys

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
    BatchSizeOption,
    DateOption,
    DbOption,
    InputsArgument,
    PatternsOption,
)
from eventwire.cli.reporting import (
    EXIT_FAILED,
    report_input_error,
    reported_errors,
    stderr,
    stdout_console,
)
from eventwire.records import IngestSummary


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


def _summary_table(summary: IngestSummary) -> Table:
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("articles read", summary.read),
        ("skipped", summary.skipped),
        ("failed", summary.failed),
        ("articles stored", summary.stored_articles),
        ("events stored", summary.stored_events),
    ):
        table.add_row(label, str(value))
    return table


def ingest(
    ctx: typer.Context,
    inputs: InputsArgument,
    db: DbOption = None,
    date: DateOption = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Code articles and store their events in the database (idempotent: re-ingesting is safe).

    Exit code 2 when any input failed; the others are still stored.
    """
    # Imported here, not at the top: they load spaCy, which `eventwire --help` should not wait for.
    from eventwire.coding import Coder
    from eventwire.ingest import ingest as ingest_inputs

    with reported_errors():
        settings = command_settings(
            ctx, db=db, actor_files=actors, pattern_files=patterns, batch_size=batch_size
        )
        coder = Coder.load(settings.actor_files, settings.pattern_files)
        with _progress() as progress:
            task = progress.add_task("ingest", total=None, rate="")

            def on_progress(handled: int) -> None:
                # ingest() reports each batch's count of inputs handled, not a running total.
                progress.advance(task, handled)
                state = progress.tasks[task]
                elapsed = state.elapsed or 0.0
                rate = f"{state.completed / elapsed:.1f}/s" if elapsed > 0 else ""
                progress.update(task, rate=rate)

            summary = ingest_inputs(
                inputs,
                settings.db,
                default_date=date,
                coder=coder,
                batch_size=settings.batch_size,
                on_progress=on_progress,
                stdin=sys.stdin,
            )
    for error in summary.errors:
        report_input_error(error)
    console = stdout_console()
    console.print(f"ingested into {settings.db}", markup=False)
    console.print(_summary_table(summary))
    if summary.failed or summary.errors:
        raise typer.Exit(EXIT_FAILED)
