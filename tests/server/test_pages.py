from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("path", ["/", "/dyad?a=PAK&b=AFG", "/talks", "/graph", "/library"])
def test_pages_render_with_local_assets_only(client, path):
    resp = client.get(path)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    sources = re.findall(r'(?:src|href)="([^"]+)"', resp.text)
    assert sources and all(s.startswith(("/", "#")) for s in sources), sources


def test_article_page_highlights_every_event(client):
    html = client.get("/article/doha").text
    marked = set()
    for ids in re.findall(r'<mark tabindex="0" data-events="([^"]+)"', html):
        marked |= set(ids.split())
    assert marked == {f"doha-{i}" for i in range(5)}
    assert "Subscribe to our newsletter." in html and 'id="ev-doha-3"' in html
    assert client.get("/article/nope").status_code == 404


def test_plotly_and_map_outlines_are_served(client):
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    geo = client.get("/geo/world_110m.json").json()
    assert geo["type"] == "Topology" and "countries" in geo["objects"]
    assert client.get("/geo/../app.py").status_code == 404
    assert client.get("/static/app.js").status_code == 200
