"""`eventwire events` and `eventwire stats`: read what ``ingest`` stored."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import Enum
from typing import Annotated, Any

import typer
from rich.table import Table

from eventwire.cli.config import command_settings
from eventwire.cli.options import DbOption, SinceOption, UntilOption
from eventwire.cli.render import EventWriter, Format
from eventwire.cli.reporting import reported_errors, stdout_console
from eventwire.records import FACTUALITIES
from eventwire.store import Store


class Factuality(str, Enum):
    """The factualities of ``records.FACTUALITIES``, plus ``all`` for no filter."""

    asserted = "asserted"
    future = "future"
    hypothetical = "hypothetical"
    negated = "negated"
    all = "all"


assert {f.value for f in Factuality} == {*FACTUALITIES, "all"}  # keep in step with records


def factuality_filter(value: Factuality) -> str | None:
    """CLI word -> library argument: ``all`` is no filter (None)."""
    return None if value.value == "all" else value.value


def split_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip().upper() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise typer.BadParameter(f"{value!r}: give two codes separated by a comma, e.g. PAK,AFG")
    return parts[0], parts[1]


def events(
    ctx: typer.Context,
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor code or its prefix, as source or target: PAK, PAKGOV.")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="ISO alpha-3 country of a source or target actor.")
    ] = None,
    dyad: Annotated[
        str | None, typer.Option(help="Two countries A,B: events between them, either way.")
    ] = None,
    type: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. CONSULT.")] = None,
    factuality: Annotated[
        Factuality,
        typer.Option(help="Only events of this factuality (default asserted); all for every one."),
    ] = Factuality.asserted,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many events first.")] = 0,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = Format.table,
) -> None:
    """List stored events, filtered (asserted events unless --factuality says otherwise)."""
    with reported_errors():
        settings = command_settings(ctx, db=db)
        with Store.open(settings.db, read_only=True) as store:
            rows = store.events(
                actor=actor.upper() if actor else None,
                country=country.upper() if country else None,
                dyad=split_dyad(dyad),
                type=type.upper() if type else None,
                factuality=factuality_filter(factuality),
                since=since,
                until=until,
                limit=limit,
                offset=offset,
            )
        writer = EventWriter(format, sys.stdout, stdout_console())
        for row in rows:
            writer.write(row)
        writer.close()


def _stat_rows(stats: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for key, value in stats.items():
        if isinstance(value, dict):
            rows.extend(_stat_rows(value, f"{prefix}{key}."))
        else:
            rows.append((f"{prefix}{key}", str(value)))
    return rows


def stats(
    ctx: typer.Context,
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Summarise the database: rows per table and events per type."""
    with reported_errors():
        settings = command_settings(ctx, db=db)
        with Store.open(settings.db, read_only=True) as store:
            figures = dataclasses.asdict(store.stats())
    if json_out:
        print(json.dumps(figures, indent=2, default=str, ensure_ascii=False))
        return
    table = Table(title=str(settings.db), show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in _stat_rows(figures):
        table.add_row(key, value)
    stdout_console().print(table)
