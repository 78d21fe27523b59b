"""`eventwire evaluate`: code a gold file with the real pipeline and print its scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.config import command_settings
from eventwire.cli.options import ActorsOption, PatternsOption
from eventwire.cli.reporting import reported_errors


def evaluate(
    ctx: typer.Context,
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD.jsonl",
            exists=True,
            dir_okay=False,
            help="Sentence gold (one event per record) or article gold (types per article).",
            show_default=False,
        ),
    ],
    news: Annotated[
        list[Path] | None,
        typer.Option(
            "--news",
            exists=True,
            dir_okay=False,
            help="News JSONL holding the article texts of article gold, by id (repeatable; "
            "default: <gold dir>/../news/*.jsonl).",
        ),
    ] = None,
    all_factualities: Annotated[
        bool,
        typer.Option(
            "--all-factualities",
            help="Article gold: count events of every factuality, not only asserted ones.",
        ),
    ] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
) -> None:
    """Per-type precision, recall and F1, confusions and actor accuracy on a gold file."""
    # Imported here, not at the top: they load spaCy, which `eventwire --help` should not wait for.
    from eventwire.coding import Coder
    from eventwire.evaluation import detect_gold_format
    from eventwire.evaluation import evaluate as evaluate_gold

    with reported_errors():
        detect_gold_format(gold)  # a file that is not gold fails before the model loads
        settings = command_settings(ctx, actor_files=actors, pattern_files=patterns)
        coder = Coder.load(settings.actor_files, settings.pattern_files)
        report = evaluate_gold(gold, news or (), coder, asserted_only=not all_factualities)
    if json_out:
        print(json.dumps(report.figures, indent=2, ensure_ascii=False))
    else:
        print(report.render())
