"""README.md documents every CLI command and option, every setting and every event field.

Adding a command, an option, a settings field or a key to ``records.event_to_dict`` without
documenting it in README.md fails here (STYLE.md habit 2, after datasette's tests/test_docs.py).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
import typer.main

from eventwire.cli.main import app
from eventwire.records import (
    Actor,
    Attribution,
    DateInfo,
    Event,
    Evidence,
    Place,
    event_to_dict,
)
from eventwire.settings import Settings, env_name, field_docs

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict:
    # typer vendors its own click, so commands and options are recognised by their attributes.
    return dict(typer.main.get_command(app).commands)


def _options(command) -> list[str]:
    return [opt for p in command.params if p.param_type_name == "option" for opt in p.opts]


def _full_event() -> Event:
    """An event with every optional part filled, so event_to_dict shows every key."""
    actor = Actor("Pakistan", "Pakistan", "PAKGOV", "PAK", "GOV")
    return Event(
        event_id="e",
        article_id="a",
        event="CONSULT",
        mode="third-party",
        contexts=("diplomatic",),
        cameo="046",
        goldstein=7.0,
        quad_class=1,
        sources=(actor,),
        targets=(actor,),
        location=Place("Doha", "Doha", None, "QAT", 25.29, 51.53),
        date=DateInfo("Friday", date(2026, 1, 2), "day", "exact"),
        factuality="future",
        attribution=Attribution("sources told X", "sources", "X"),
        evidence=Evidence("A sentence.", 0, 11, "sentence"),
        confidence=0.5,
    )


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _mentioned(word: str) -> bool:
    """``word`` appears in README as code: `word` or inside a longer code span."""
    return re.search(r"`[^`\n]*" + re.escape(word) + r"\b[^`\n]*`", README) is not None


def test_every_command_has_a_section() -> None:
    commands = _commands()
    assert {"code", "ingest", "events", "export", "stats"} <= set(commands)
    missing = [name for name in commands if f"### `eventwire {name}" not in README]
    assert not missing, f"README has no '### `eventwire NAME`' section for {missing}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_is_documented_in_its_section(name: str) -> None:
    start = README.index(f"### `eventwire {name}")
    end = README.find("\n## ", start)
    nxt = README.find("\n### ", start + 1)
    section = README[start : min(i for i in (end, nxt, len(README)) if i != -1)]
    undocumented = [
        opt for opt in _options(_commands()[name]) if opt != "--help" and f"`{opt}" not in section
    ]
    # Options shared by several commands may be described once, as "as for `code`".
    undocumented = [opt for opt in undocumented if not _mentioned(opt)]
    assert not undocumented, f"README section of `eventwire {name}` misses {undocumented}"


def test_global_options_are_documented() -> None:
    group = typer.main.get_command(app)
    for opt in _options(group):
        if opt != "--help":
            assert _mentioned(opt), f"global option {opt} is not in README"


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Settings)])
def test_every_setting_is_documented(name: str) -> None:
    assert field_docs()[name], f"settings field {name} has no doc"
    assert f"`{name}`" in README, f"settings field {name} is not in README"
    assert f"`{env_name(name)}`" in README, f"{env_name(name)} is not in README"


def test_every_event_field_is_documented() -> None:
    keys = _keys(event_to_dict(_full_event()))
    assert {"event_id", "evidence", "speaker", "admin1", "trigger"} <= keys
    schema = README[README.index("## Event record") :]
    schema = schema[: schema.find("\n## ", 1)]
    missing = sorted(k for k in keys if not re.search(r"`" + re.escape(k) + r"`", schema))
    assert not missing, f"README 'Event record' does not document {missing}"


def test_the_check_can_fail() -> None:
    # Guard against a vacuous regex: a made-up name must not count as mentioned.
    assert not _mentioned("--no-such-option-anywhere")
