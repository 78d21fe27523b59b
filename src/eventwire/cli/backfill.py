"""`eventwire backfill` and `eventwire merge`: code archives on Dask, then load them into DuckDB.

Dask is the optional extra ``cluster``; without it ``backfill`` stops with one line saying how
to install it (``merge`` needs only pyarrow and DuckDB).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from eventwire.cli.config import command_settings
from eventwire.cli.options import (
    ActorsOption,
    BatchSizeOption,
    DateOption,
    DbOption,
    PatternsOption,
)
from eventwire.cli.reporting import (
    EXIT_FAILED,
    report_line,
    reported_errors,
    stderr,
    stdout_console,
)

if TYPE_CHECKING:
    from eventwire.backfill import BackfillProgress, BackfillSummary, MergeSummary

INSTALL_CLUSTER = "backfill needs Dask distributed: pip install 'eventwire[cluster]'"


def _bar(what: str) -> Progress:
    return Progress(
        TextColumn(what),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("shards"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
    )


def _table(rows: list[tuple[str, object]]) -> Table:
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in rows:
        table.add_row(label, str(value))
    return table


def _require_dask() -> None:
    try:
        import distributed  # noqa: F401 - only checking that the extra is installed
    except ImportError:
        report_line(f"error: {INSTALL_CLUSTER}")
        raise typer.Exit(EXIT_FAILED) from None


def backfill_command(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT…",
            help="Files (.txt .jsonl .csv .html .rss .warc[.gz]) and directories of them.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output directory (resumed if it exists).")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Join a running Dask cluster, e.g. tcp://host:8786."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Start a local cluster of N processes (default: one per core)."),
    ] = None,
    retries: Annotated[int, typer.Option(min=0, help="Retries of a failing shard.")] = 2,
    shard_size: Annotated[
        int | None,
        typer.Option(min=1, help="Articles (JSONL lines, files) per shard; default 500."),
    ] = None,
    date: DateOption = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Code INPUTs on a Dask cluster into one Parquet file per shard under --out.

    Rerun to code only the missing shards. Exit code 2 when a shard failed after its retries.
    """
    _require_dask()
    # Imported here: the backfill modules load the coder, which other commands should not wait for.
    from eventwire.backfill import DEFAULT_SHARD_SIZE, backfill

    with reported_errors():
        settings = command_settings(
            ctx, actor_files=actors, pattern_files=patterns, batch_size=batch_size
        )
        with _bar("coding") as progress:
            task = progress.add_task("backfill", total=None)

            def on_progress(step: BackfillProgress) -> None:
                progress.update(task, total=step.total, completed=step.done)
                if step.failure is not None:
                    report_line(f"failed: {step.failure.where}: {step.failure.error}")

            summary = backfill(
                inputs,
                out,
                workers=workers,
                scheduler=scheduler,
                retries=retries,
                on_progress=on_progress,
                shard_size=shard_size or DEFAULT_SHARD_SIZE,
                actor_files=settings.actor_files,
                pattern_files=settings.pattern_files,
                default_date=date,
                batch_size=settings.batch_size,
            )
    _print_backfill(summary)
    if not summary.ok:
        raise typer.Exit(EXIT_FAILED)


def _print_backfill(summary: BackfillSummary) -> None:
    console = stdout_console()
    console.print(f"backfill into {summary.out_dir} ({summary.seconds:.1f} s)", markup=False)
    console.print(
        _table(
            [
                ("shards planned", summary.shards),
                ("already done", summary.already_done),
                ("coded now", summary.coded),
                ("failed", len(summary.failed)),
                ("articles", summary.articles),
                ("events", summary.events),
                ("input errors (manifest.jsonl)", summary.errors),
            ]
        )
    )
    for failure in summary.failed:
        report_line(f"failed shard {failure.shard_id} ({failure.where}): {failure.error}")
    if summary.failed:
        report_line("rerun the same command to retry the failed shards")
    else:
        console.print(f"next: eventwire merge {summary.out_dir} --db FILE", markup=False)


def merge_command(
    ctx: typer.Context,
    out_dir: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="A backfill --out directory.", show_default=False),
    ],
    db: DbOption = None,
) -> None:
    """Load the complete shards of a backfill directory into the database, in one process.

    Idempotent. Exit code 2 when planned shards have no complete file yet.
    """
    from eventwire.backfill import merge

    with reported_errors():
        settings = command_settings(ctx, db=db)
        with _bar("merging") as progress:
            task = progress.add_task("merge", total=None)
            summary = merge(
                out_dir,
                settings.db,
                on_progress=lambda done, total: progress.update(task, total=total, completed=done),
            )
    _print_merge(summary, out_dir)
    if not summary.complete:
        raise typer.Exit(EXIT_FAILED)


def _print_merge(summary: MergeSummary, out_dir: Path) -> None:
    console = stdout_console()
    console.print(f"merged into {summary.db}", markup=False)
    console.print(
        _table(
            [
                ("shards planned", summary.shards),
                ("shards merged", summary.merged),
                ("shards missing", len(summary.missing)),
                ("articles read", summary.articles),
                ("articles stored", summary.new_articles),
                ("events stored", summary.new_events),
                ("duplicates (stored as reports)", summary.duplicates),
                ("input errors", summary.errors),
            ]
        )
    )
    if summary.missing:
        report_line(
            f"error: {len(summary.missing)} of {summary.shards} shards are missing (failed or "
            f"not coded yet): rerun `eventwire backfill … --out {out_dir}` with the same inputs, "
            "then merge again"
        )
