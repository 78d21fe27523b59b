"""The dashboard in a real browser: Playwright drives Debian's chromium against uvicorn on loopback.

The main store is the demo database: the bundled demo articles ingested by the real pipeline (so
the spaCy model loads). Every page must load without any request leaving 127.0.0.1 (plotly.js
and the map outlines are served by eventwire) and without a JS error, fit 1280x800 without a
horizontal scrollbar, and show data points in each chart. Expectations (evidence sentences,
events per article) are read from the DuckDB file itself, not from the API the pages use.
Screenshots of the demo pages go to docs/screenshots/<page>.png.

The demo spans five weeks, too short for an escalation alert, so the hand-made store of
tests/analysis/sample.py (eight quiet weeks, then a flare-up) covers the alert lists.
"""

from __future__ import annotations

import importlib.resources
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest
import uvicorn

CI = os.environ.get("CI") == "true"
if not CI:  # on CI a missing Playwright is an error, like a missing chromium
    pytest.importorskip("playwright.sync_api")
from playwright.sync_api import sync_playwright  # noqa: E402

# tests/ on the path so the hand-made store of tests/analysis/sample.py can be shared.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.sample import build_store  # noqa: E402
from eventwire.ingest import ingest  # noqa: E402
from eventwire.server import create_app  # noqa: E402

pytestmark = pytest.mark.slow
# Debian's chromium, which `make test` installs on CI; the variable points elsewhere for a try.
CHROMIUM = Path(os.environ.get("EVENTWIRE_TEST_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTH, HEIGHT = 1280, 800


# ---------------------------------------------------------------------------------------------
# Stores and servers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    # Checked before the demo is built, so a machine without chromium skips in a second.
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} missing: apt-get install -y chromium"
        if CI:
            pytest.fail(f"{message} (CI installs it in `make test`; it must not be skipped)")
        pytest.skip(message)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def demo_db(browser, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    articles = importlib.resources.files("eventwire") / "data" / "demo" / "articles.jsonl"
    with importlib.resources.as_file(articles) as path:
        summary = ingest([str(path)], db)
    assert summary.failed == 0 and summary.stored_events > 0, summary
    return db


@pytest.fixture(scope="module")
def stored(demo_db) -> dict:
    """What the demo store holds, read straight from DuckDB before any server opens it."""
    with duckdb.connect(str(demo_db), read_only=True) as con:
        events = con.execute(
            "SELECT event_id, article_id, evidence_sentence, evidence_trigger FROM events"
        ).fetchall()
        articles = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    by_article: dict[str, list[str]] = {a: [] for a in articles}
    for event_id, article_id, _, _ in events:
        by_article[article_id].append(event_id)
    return {
        "sentence": {e[0]: e[2] for e in events},
        "trigger": {e[0]: e[3] for e in events},
        "by_article": by_article,
    }


@pytest.fixture(scope="module")
def demo_url(demo_db, stored) -> Iterator[str]:
    with serve(demo_db) as url:
        yield url


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def on_request(request) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob") and url.hostname != "127.0.0.1":
            outside.append(request.url)

    pg.on("request", on_request)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield pg
    context.close()
    # Checked after every test, whichever page it visited.
    assert outside == [], f"requests left loopback: {outside}"
    assert errors == [], f"JS errors: {errors}"


# ---------------------------------------------------------------------------------------------
# Helpers


def points(page, div: str) -> int:
    """Number of data points plotted in the plotly chart ``div``."""
    page.wait_for_function(f"document.getElementById('{div}').data !== undefined", timeout=15000)
    return page.evaluate(
        f"""() => document.getElementById('{div}').data.reduce((n, t) =>
            n + ((t.x || t.lat || t.z || []).filter(v => v !== null).length), 0)"""
    )


def series_data(page) -> str:
    """The dyad series as plotted (x and y of every trace), to compare before and after."""
    return page.evaluate(
        "() => JSON.stringify(document.getElementById('series').data.map(t => [t.x, t.y]))"
    )


def fits(page) -> None:
    """Readable at 1280x800: nothing forces a horizontal scrollbar."""
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    client = page.evaluate("() => document.scrollingElement.clientWidth")
    assert width <= client <= WIDTH, f"page is {width}px wide in a {client}px viewport"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def tab_to(page, element_id: str, limit: int = 30) -> int:
    """Press Tab from the top of the page until ``element_id`` has focus; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} not reached with {limit} Tab presses")


# ---------------------------------------------------------------------------------------------
# The demo database


def test_overview(page, demo_url):
    page.goto(demo_url + "/")
    assert points(page, "series") > 0
    page.wait_for_selector("#dyads tbody tr")
    assert "AFG–PAK" in page.inner_text("#dyads tbody tr >> nth=0")
    page.wait_for_selector("#alerts li")  # the demo is too short for alerts: "No alerts."
    fits(page)
    shot(page, "overview")


def type_dyad(page, a: str, b: str) -> None:
    """With the focus on side A, type both sides as a keyboard user does and press Enter."""
    page.keyboard.press("Control+A")
    page.keyboard.type(a)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "side-b"
    page.keyboard.press("Control+A")
    page.keyboard.type(b)
    page.keyboard.press("Enter")


def test_dyad_picked_with_keyboard_or_mouse_changes_the_series(page, demo_url):
    page.goto(demo_url + "/dyad")  # no dyad given: the busiest one is shown
    page.wait_for_selector("#events .event-button")
    assert {page.input_value("#side-a"), page.input_value("#side-b")} == {"AFG", "PAK"}
    assert points(page, "series") > 0 and points(page, "map") > 0
    before, first_events = series_data(page), page.inner_text("#events")

    tab_to(page, "side-a")  # from the top of the page: skip link, navigation, then the form
    type_dyad(page, "CHN", "PAK")
    page.wait_for_function("() => document.getElementById('dyad-status').textContent.startsWith('CHN–PAK')")
    assert points(page, "series") > 0
    assert series_data(page) != before and page.inner_text("#events") != first_events
    assert page.url.endswith("/dyad?a=CHN&b=PAK")

    page.fill("#side-a", "PAK")  # a mouse user goes back with the Show button
    page.fill("#side-b", "AFG")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_function("() => document.getElementById('dyad-status').textContent.startsWith('PAK–AFG')")
    assert series_data(page) == before  # undirected: PAK–AFG is AFG–PAK


def test_dyad_events_show_their_stored_evidence(page, demo_url, stored):
    page.goto(demo_url + "/dyad?a=PAK&b=AFG")
    page.wait_for_selector("#events .event-button")
    buttons = page.locator("#events .event-button")
    assert buttons.count() >= 5
    marked = 0
    for i in range(buttons.count()):
        button = buttons.nth(i)
        event_id = button.get_attribute("data-event")
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        assert page.inner_text("#evidence blockquote") == stored["sentence"][event_id]
        if page.locator("#evidence blockquote mark").count():
            assert page.inner_text("#evidence blockquote mark") == stored["trigger"][event_id]
            marked += 1
    assert marked == buttons.count()  # every trigger lies inside its sentence
    # The one to keep on screen: a demand (its trigger marked), else the first event.
    demand = page.locator("#events .event-button", has_text="REQUEST")
    (demand.first if demand.count() else buttons.first).click()
    fits(page)
    page.evaluate("() => window.scrollTo(0, 0)")  # selecting scrolled the list into view
    page.wait_for_timeout(300)  # plotly's resize transition
    shot(page, "dyad")


def test_talks_view(page, demo_url):
    page.goto(demo_url + "/talks?a=PAK&b=AFG")
    page.wait_for_selector(".round")
    text = page.inner_text("#rounds")
    assert "Doha" in text and "third-party" in text and "Qatar" in text
    assert "ceasefire" in text and "counter-terrorism" in text
    assert points(page, "timeline") > 0
    # Enter in the form shows another dyad's talks (none here).
    page.focus("#side-a")
    type_dyad(page, "PAK", "CHN")
    page.wait_for_function("() => document.getElementById('talks-status').textContent.startsWith('PAK–CHN')")
    page.goto(demo_url + "/talks?a=PAK&b=AFG")
    page.wait_for_selector(".round")
    fits(page)
    shot(page, "talks")


def test_network_view(page, demo_url):
    page.goto(demo_url + "/graph")
    assert points(page, "matrix") > 0
    page.wait_for_selector("#edges tbody tr")
    fits(page)
    shot(page, "network")


def test_library_lists_every_article_and_opens_one(page, demo_url, stored):
    page.goto(demo_url + "/library")
    rows = page.locator("main tbody tr")
    assert rows.count() == len(stored["by_article"])
    fits(page)
    shot(page, "articles")
    page.locator("main tbody a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/article/*")
    assert page.locator("#article-text").count() == 1


def test_every_article_highlights_each_of_its_events(page, demo_url, stored):
    for article_id, events in stored["by_article"].items():
        page.goto(f"{demo_url}/article/{article_id}")
        marks = page.locator("#article-text mark")
        # Events sharing a sentence share one mark, so count events covered, not marks.
        covered = set(" ".join(marks.evaluate_all("ms => ms.map(m => m.dataset.events)")).split())
        assert covered == set(events), article_id
        for event_id in events:
            text = page.evaluate(
                "id => [...document.querySelectorAll('#article-text mark')]"
                ".filter(m => m.dataset.events.split(' ').includes(id)).map(m => m.textContent).join('')",
                event_id,
            )  # fmt: skip
            assert text == stored["sentence"][event_id], (article_id, event_id)
        assert page.locator("#article-events li[data-event]").count() == len(events)
        fits(page)


def test_article_view_links_events_and_highlights(page, demo_url, stored):
    # The busiest article (the latest of ties: the demo's Doha talks) makes the screenshot.
    article_id = max(stored["by_article"], key=lambda a: (len(stored["by_article"][a]), a))
    page.goto(f"{demo_url}/article/{article_id}")
    buttons = page.locator("#article-events .event-button")
    buttons.nth(1).click()
    event_id = page.locator("#article-events li[data-event] >> nth=1").get_attribute("data-event")
    active = page.locator("#article-text mark.active").all_inner_texts()
    assert "".join(active) == stored["sentence"][event_id]
    # Keyboard: Tab reaches a highlight, Enter selects its event.
    page.focus("#article-text mark >> nth=0")
    first = page.locator("#article-text mark >> nth=0").get_attribute("data-events").split()[0]
    page.keyboard.press("Enter")
    assert page.get_attribute(f"#ev-{first} .event-button", "aria-pressed") == "true"
    fits(page)
    shot(page, "article")


# ---------------------------------------------------------------------------------------------
# The hand-made store: alerts, which the five-week demo cannot raise


@pytest.fixture(scope="module")
def sample_url(browser, tmp_path_factory) -> Iterator[str]:
    with serve(build_store(tmp_path_factory.mktemp("sample") / "sample.duckdb")) as url:
        yield url


def test_alerts_on_overview_lead_to_the_dyad(page, sample_url):
    page.goto(sample_url + "/")
    page.wait_for_selector("#alerts li.alert-item")
    assert "material-conflict" in page.inner_text("#alerts")
    page.click("#alerts li.alert-item a >> nth=0")
    page.wait_for_url("**/dyad?*")
    page.wait_for_selector("#alerts li.alert-item")
    assert points(page, "series") > 0
    fits(page)
