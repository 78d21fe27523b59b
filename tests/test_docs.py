"""README.md documents every CLI command and option, every setting and every event field;
docs/api.md or README.md documents every HTTP route of the server.

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
    assert {"code", "ingest", "events", "export", "stats", "watch", "serve", "backfill", "merge",
            "evaluate"} <= set(commands)  # fmt: skip
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


# -- HTTP routes ----------------------------------------------------------------------------------

API_DOC = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
# Served by FastAPI for /docs itself; nothing to document beyond /docs.
UNDOCUMENTED_ROUTES = {"/docs/oauth2-redirect"}


def _shape(path: str) -> str:
    """``/events/{event_id}`` and ``/events/{id}`` are one route: parameter names may differ."""
    return re.sub(r"\{[^}]*\}", "{}", path.split("?")[0]).rstrip("/") or "/"


def _walk(routes) -> list[tuple[str, str]]:
    """(method, path) of every route, into included routers (FastAPI wraps them lazily)."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            found += _walk(inner.routes)
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                found.append((method, route.path))
    return found


def _app_routes() -> list[tuple[str, str]]:
    from eventwire.server import create_app

    # create_app opens nothing until a request arrives, so a path that does not exist is enough.
    app = create_app(Path("/nonexistent/eventwire-docs-check.duckdb"), token="t")
    routes = set(_walk(app.routes))
    # Whatever the walk misses (a FastAPI change), the OpenAPI description still lists.
    routes |= {(m.upper(), p) for p, ops in app.openapi()["paths"].items() for m in ops}
    return sorted(r for r in routes if r[1] not in UNDOCUMENTED_ROUTES)


def _documented_paths() -> set[str]:
    spans = re.findall(r"`([^`\n]+)`", API_DOC + README)
    return {_shape(tok) for span in spans for tok in re.findall(r"/[\w/{}.?=&|,-]*", span)}


def test_every_http_route_is_documented() -> None:
    routes = _app_routes()
    paths = {p for _, p in routes}
    assert {"/events", "/dyads/{a}/{b}/series", "/talks/{a}/{b}", "/", "/dyad"} <= paths
    documented = _documented_paths()
    missing = sorted({f"{m} {p}" for m, p in routes if _shape(p) not in documented})
    assert not missing, f"docs/api.md and README.md do not document {missing}"


def test_route_check_can_fail() -> None:
    assert _shape("/events/{event_id}") == _shape("/events/{id}") == "/events/{}"
    assert "/no-such-route/{}" not in _documented_paths()
