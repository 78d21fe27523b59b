"""`eventwire watch`: poll feeds and ingest their new items, until Ctrl-C or ``--iterations``.

Each poll prints one line on stderr. Ctrl-C stops between two statements of the library, which
commits each batch in one transaction, so nothing is half stored; the summary then counts what
this run added to the database (the library's own summary is lost with the interrupted call).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.config import command_settings
from eventwire.cli.ingest import print_summary
from eventwire.cli.options import (
    ActorsOption,
    AllowPrivateOption,
    BatchSizeOption,
    DbOption,
    PatternsOption,
)
from eventwire.cli.reporting import EXIT_FAILED, report_line, reported_errors, stdout_console
from eventwire.store import Store

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_duration(value: str) -> float:
    """``30s``, ``15m``, ``1h``, ``1h30m``, ``2d`` or bare seconds (``90``) -> seconds."""
    text = value.strip().lower()
    try:
        seconds = float(text)
    except ValueError:
        parts = _DURATION.findall(text)
        if not parts or "".join(n + u for n, u in parts) != text:
            raise typer.BadParameter(
                f"{value!r} is not a duration; use e.g. 30s, 15m, 1h"
            ) from None
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise typer.BadParameter(f"{value!r}: the interval must be more than zero")
    return seconds


@dataclass
class _Tally:
    """What the polls reported, kept here because an interrupted ``watch()`` returns nothing."""

    polls: int = 0
    new_items: int = 0
    feed_errors: int = 0

    def on_poll(self, polled) -> None:
        self.polls += 1
        stamp = time.strftime("%H:%M:%S")
        if polled.error is not None:
            self.feed_errors += 1
            report_line(f"{stamp} error: {polled.error}")
        else:
            self.new_items += polled.new_items
            report_line(f"{stamp} {polled.feed}: {polled.new_items} new items")


def _stored(db: Path) -> tuple[int, int]:
    """Articles and events in the database (0, 0 when it does not exist yet)."""
    if not db.is_file():
        return 0, 0
    with Store.open(db, read_only=True) as store:
        tables = store.stats().tables
    return tables.get("articles", 0), tables.get("events", 0)


def watch(
    ctx: typer.Context,
    feeds: Annotated[
        list[str],
        typer.Argument(metavar="FEED…", help="RSS or Atom feed URLs.", show_default=False),
    ],
    every: Annotated[
        float,
        typer.Option(
            parser=parse_duration, metavar="DURATION", help="Poll interval: 30s, 15m, 1h, 1h30m."
        ),
    ] = "15m",  # type: ignore[assignment] - click passes the default through parse_duration
    db: DbOption = None,
    allow_private: AllowPrivateOption = False,
    iterations: Annotated[
        int | None,
        typer.Option(min=1, help="Stop after this many polling rounds (default: until Ctrl-C)."),
    ] = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Poll feeds and ingest the items never seen before; remembers them across restarts.

    A failing feed is retried later with a growing delay. Exit code 2 when anything failed.
    """
    # Imported here, not at the top: they load spaCy, which `eventwire --help` should not wait for.
    from eventwire.coding import Coder
    from eventwire.watch import watch as watch_feeds

    tally = _Tally()
    with reported_errors():
        settings = command_settings(
            ctx, db=db, actor_files=actors, pattern_files=patterns, batch_size=batch_size
        )
        before = _stored(settings.db)
        try:
            coder = Coder.load(settings.actor_files, settings.pattern_files)
            result = watch_feeds(
                feeds,
                settings.db,
                every,
                iterations=iterations,
                allow_private=allow_private,
                coder=coder,
                batch_size=settings.batch_size,
                on_poll=tally.on_poll,
            )
        except KeyboardInterrupt:
            _print_interrupted(settings.db, before, tally)
            raise typer.Exit(EXIT_FAILED if tally.feed_errors else 0) from None
    print_summary(result.summary, f"watched {len(feeds)} feeds for {result.polls} rounds")
    if result.summary.failed or result.summary.errors:
        raise typer.Exit(EXIT_FAILED)


def _print_interrupted(db: Path, before: tuple[int, int], tally: _Tally) -> None:
    articles, events = _stored(db)
    stdout_console().print(
        f"stopped after {tally.polls} feed polls: {tally.new_items} new items, "
        f"{articles - before[0]} articles and {events - before[1]} events stored in {db}, "
        f"{tally.feed_errors} feed errors",
        markup=False,
    )
