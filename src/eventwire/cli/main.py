"""The ``eventwire`` command: one thin module per command group, registered here.

Each command parses its options, calls one library function and turns an EventwireError into one
line on stderr and exit code 2 (STYLE.md habit 1). Option names are the library's argument names
(``--since`` is ``export(since=...)``).

Commands that need spaCy, Dask, FastAPI or uvicorn import them inside the command, so
``eventwire --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire import __version__
from eventwire.cli import backfill, code, evaluate, export, ingest, query, serve, watch

app = typer.Typer(
    name="eventwire",
    help="Geopolitical news in, PLOVER/CAMEO events out, with the evidence behind each.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        print(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            exists=True,
            dir_okay=False,
            help="TOML settings file (default: ./eventwire.toml if present).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = {"config": config}


# Coding and storing.
app.command("code")(code.code)
app.command("ingest")(ingest.ingest)
app.command("watch")(watch.watch)
app.command("backfill")(backfill.backfill_command)
app.command("merge")(backfill.merge_command)
# Reading the store.
app.command("events")(query.events)
app.command("stats")(query.stats)
app.command("export")(export.export)
app.command("serve")(serve.serve)
# Measuring the coder.
app.command("evaluate")(evaluate.evaluate)

if __name__ == "__main__":
    app()
