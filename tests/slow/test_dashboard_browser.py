"""The dashboard in a real browser: Playwright drives Debian's chromium against uvicorn on loopback.

Runs on the hand-made store of tests/analysis/sample.py (no model needed). Every page must load
without any request leaving 127.0.0.1 (plotly.js and the map outlines are served by eventwire),
every chart must hold data points, picking another dyad must change the series, and selecting an
event must show its evidence. Screenshots at 1280x800 go to docs/screenshots/.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

# tests/ on the path so the hand-made store of tests/analysis/sample.py can be shared.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.sample import build_store  # noqa: E402
from eventwire.server import create_app  # noqa: E402

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("browser") / "sample.duckdb")
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url):
    if not CHROMIUM.exists():
        pytest.skip("chromium missing: apt-get install -y chromium")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 800})
        outside: list[str] = []
        pg.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else outside.append(r.url))
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.outside, pg.errors = outside, errors
        yield pg
        browser.close()


def points(page, div: str) -> int:
    """Number of data points plotted in the plotly chart ``div``."""
    page.wait_for_function(f"document.getElementById('{div}').data !== undefined", timeout=15000)
    return page.evaluate(
        f"""() => document.getElementById('{div}').data.reduce((n, t) =>
            n + ((t.x || t.lat || t.z || []).filter(v => v !== null).length), 0)"""
    )


def series_sum(page) -> float:
    return page.evaluate(
        "() => document.getElementById('series').data.filter(t => t.type === 'bar')"
        ".reduce((n, t) => n + t.y.reduce((a, b) => a + b, 0), 0)"
    )


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def clean(page) -> None:
    assert page.outside == [], f"requests left loopback: {page.outside}"
    assert page.errors == [], page.errors


def test_overview(page, base_url):
    page.goto(base_url + "/")
    assert points(page, "series") > 0
    page.wait_for_selector("#dyads tbody tr")
    page.wait_for_selector("#alerts li.alert-item")
    shot(page, "overview")
    clean(page)


def test_dyad_view_series_changes_and_evidence_shows(page, base_url):
    page.goto(base_url + "/dyad?a=PAK&b=AFG")
    page.wait_for_selector("#events .event-button")
    assert points(page, "series") > 0 and points(page, "map") > 0
    before = series_sum(page)
    page.fill("#side-a", "USA")
    page.fill("#side-b", "RUS")
    page.press("#side-b", "Enter")  # keyboard submits the picker
    page.wait_for_function(f"""() => document.getElementById('series').data.filter(t => t.type === 'bar')
        .reduce((n, t) => n + t.y.reduce((a, b) => a + b, 0), 0) !== {before}""", timeout=15000)
    assert series_sum(page) != before
    page.fill("#side-a", "PAK")
    page.fill("#side-b", "AFG")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_selector("#events .event-button >> text=REQUEST")
    page.click("#events .event-button >> text=REQUEST")
    evidence = page.inner_text("#evidence")
    assert "Pakistan demanded assurances that the TTP would not use Afghan soil." in evidence
    assert page.inner_text("#evidence mark") == "demanded"
    page.wait_for_timeout(300)
    shot(page, "dyad")
    clean(page)


def test_talks_view(page, base_url):
    page.goto(base_url + "/talks?a=PAK&b=AFG")
    page.wait_for_selector(".round")
    text = page.inner_text("#rounds")
    assert "Doha" in text and "third-party" in text and "Qatar" in text
    assert "extend the ceasefire" in text and "ceasefire" in text
    assert points(page, "timeline") > 0
    shot(page, "talks")
    clean(page)


def test_network_view(page, base_url):
    page.goto(base_url + "/graph")
    assert points(page, "matrix") > 0
    page.wait_for_selector("#edges tbody tr")
    shot(page, "network")
    clean(page)


def test_article_view_highlights_and_selects(page, base_url):
    page.goto(base_url + "/article/doha")
    assert page.locator("#article-text mark").count() == 5
    page.click("#ev-doha-3 .event-button")
    assert page.inner_text("#article-text mark.active") == "The two sides agreed to extend the ceasefire."
    page.focus("#article-text mark >> nth=0")
    page.keyboard.press("Enter")
    assert page.get_attribute("#ev-doha-0 .event-button", "aria-pressed") == "true"
    shot(page, "article")
    clean(page)
