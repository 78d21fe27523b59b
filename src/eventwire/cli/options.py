"""Options shared by several commands, declared once so their names and help stay the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.reporting import parse_date

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB file (default: setting db, else ./eventwire.duckdb)."),
]
DateOption = Annotated[
    date | None,
    typer.Option(
        "--date",
        parser=parse_date,
        metavar="YYYY-MM-DD",
        help="Publication date for inputs that carry none.",
    ),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Actor file extending the bundled actors (repeatable)."),
]
PatternsOption = Annotated[
    list[Path] | None,
    typer.Option("--patterns", help="Trigger-pattern file extending the bundled ones (repeatable)."),
]
BatchSizeOption = Annotated[
    int | None,
    typer.Option("--batch-size", min=1, help="Articles per parse batch and per transaction."),
]
SinceOption = Annotated[
    date | None,
    typer.Option("--since", parser=parse_date, metavar="YYYY-MM-DD", help="Events on or after."),
]
UntilOption = Annotated[
    date | None,
    typer.Option("--until", parser=parse_date, metavar="YYYY-MM-DD", help="Events on or before."),
]
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH…",
        help="Files (.txt, .jsonl, .html), directories of them, or - for stdin.",
        show_default=False,
    ),
]
SourcesArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="URL|FEED|PATH…",
        help="Web pages and feeds (http/https), files (.txt .jsonl .csv .html .rss .warc[.gz]), "
        "directories of them, or - for stdin.",
        show_default=False,
    ),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Let URLs reach loopback, private and link-local addresses (refused by default).",
    ),
]
