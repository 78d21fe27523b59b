"""How commands talk to the terminal: results on stdout, problems on stderr, one line each.

Every command runs its library call inside ``reported_errors()``: an EventwireError becomes one
line on stderr and exit code 2 (the same code click uses for a usage error), never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import typer
from rich.console import Console

from eventwire.errors import EventwireError
from eventwire.records import InputError

EXIT_FAILED = 2


def stdout_console() -> Console:
    """Console for results. Piped output gets a wide fixed width so tables are not squeezed to 80."""
    return Console(width=None if sys.stdout.isatty() else 160, highlight=False)


# Problems go to stderr unstyled and unwrapped, so each stays one greppable line.
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


def report_line(message: str) -> None:
    stderr.print(message, markup=False, highlight=False)


def report_input_error(error: InputError) -> None:
    report_line(f"error: {error}")


@contextmanager
def reported_errors() -> Iterator[None]:
    try:
        yield
    except EventwireError as err:
        report_line(f"error: {err}")
        raise typer.Exit(EXIT_FAILED) from None


def parse_date(value: str | None) -> date | None:
    """Typer callback for YYYY-MM-DD options."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
