"""`eventwire serve`: the HTTP API and dashboard over a database, until Ctrl-C."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.config import command_settings
from eventwire.cli.options import DbOption
from eventwire.cli.reporting import EXIT_FAILED, report_line, reported_errors


def serve(
    ctx: typer.Context,
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. The default keeps the server on this machine; "
            "0.0.0.0 exposes it to the network."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Bearer token for POST /articles (default: setting api_token; unset = off).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the dashboard until interrupted."""
    # Imported here: FastAPI, uvicorn and plotly are not needed by the other commands.
    from eventwire.server import serve as serve_app

    with reported_errors():
        settings = command_settings(ctx, db=db, api_token=token)
        if not settings.db.is_file() and settings.api_token is None:
            # Nothing could ever be shown: no file to read and no way to ingest over HTTP.
            report_line(
                f"error: {settings.db}: no database; create it with `eventwire ingest … --db "
                f"{settings.db}`, or give a token to ingest through POST /articles"
            )
            raise typer.Exit(EXIT_FAILED)
        shown = f"[{host}]" if ":" in host else host
        report_line(f"serving {settings.db} at http://{shown}:{port} (Ctrl-C stops)")
        if settings.api_token is None:
            report_line("POST /articles is off: set api_token (EVENTWIRE_API_TOKEN) or --token")
        try:
            serve_app(settings.db, host, port, token=settings.api_token)
        except KeyboardInterrupt:
            pass  # uvicorn normally handles Ctrl-C itself; this only keeps a traceback away
