"""`eventwire export`: write stored events to a file for other tools."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.config import command_settings
from eventwire.cli.options import DbOption, SinceOption, UntilOption
from eventwire.cli.query import Factuality, factuality_filter
from eventwire.cli.reporting import report_line, reported_errors
from eventwire.store import Store
from eventwire.store.export import export as export_events


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"
    polecat = "polecat"


def export(
    ctx: typer.Context,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.", case_sensitive=False)
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (replaced if it exists).")],
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    factuality: Annotated[
        Factuality,
        typer.Option(help="Only events of this factuality (default asserted); all for every one."),
    ] = Factuality.asserted,
) -> None:
    """Export stored events as Parquet, CSV, JSONL, PLOVER JSONL, GDELT 2.0 or POLECAT TSV.

    Asserted events only unless --factuality says otherwise (all for every event).
    """
    with reported_errors():
        settings = command_settings(ctx, db=db)
        with Store.open(settings.db, read_only=True) as store:
            count = export_events(
                store,
                format.value,
                out,
                since=since,
                until=until,
                factuality=factuality_filter(factuality),
            )
    report_line(f"wrote {count} events to {out}")
