"""`eventwire code`: read articles, code them, print their events. Nothing is stored."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Annotated

import typer

from eventwire.cli.config import command_settings
from eventwire.cli.options import (
    ActorsOption,
    BatchSizeOption,
    DateOption,
    InputsArgument,
    PatternsOption,
)
from eventwire.cli.render import EventWriter, Format
from eventwire.cli.reporting import (
    EXIT_FAILED,
    report_input_error,
    reported_errors,
    stdout_console,
)
from eventwire.records import Article, InputError, event_to_dict

FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]


class _Failures:
    """Passes articles through and reports bad inputs as they are met, counting them."""

    def __init__(self) -> None:
        self.count = 0

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.count += 1
                report_input_error(item)
            else:
                yield item


def code(
    ctx: typer.Context,
    inputs: InputsArgument,
    format: FormatOption = Format.table,
    date: DateOption = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Code the events of articles and print them, without storing anything.

    Exit code 2 when any input could not be read (each gets one line on stderr).
    """
    # Imported here, not at the top: they load spaCy, which `eventwire --help` should not wait for.
    from eventwire.coding import Coder, code_articles
    from eventwire.sources import read_inputs

    with reported_errors():
        settings = command_settings(
            ctx, actor_files=actors, pattern_files=patterns, batch_size=batch_size
        )
        coder = Coder.load(settings.actor_files, settings.pattern_files)
        failures = _Failures()
        items = read_inputs(inputs, default_date=date, stdin=sys.stdin)
        writer = EventWriter(format, sys.stdout, stdout_console())
        coded = code_articles(failures.articles(items), coder, batch_size=settings.batch_size)
        for article in coded:
            for event in article.events:
                writer.write(event_to_dict(event))
        writer.close()
    if failures.count:
        raise typer.Exit(EXIT_FAILED)
