from __future__ import annotations

import csv
import io

import pytest

EVENT_KEYS = {"event_id", "article_id", "event", "mode", "contexts", "cameo", "goldstein",
              "quad_class", "sources", "targets", "location", "date", "factuality",
              "attribution", "evidence", "confidence", "symmetric", "source_outlet",
              "date_text", "date_granularity", "date_type"}  # fmt: skip


def ids(resp):
    assert resp.status_code == 200, resp.text
    return {e["event_id"] for e in resp.json()["events"]}


def assert_error(resp, status, code):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_events_have_the_public_shape(client):
    body = client.get("/events", params={"limit": 1000}).json()
    assert body["count"] == 25 and body["next_cursor"] is None
    assert EVENT_KEYS <= set(body["events"][0])
    assert body["events"][0]["source_outlet"] == "Test Wire"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "QATGOV"}, {"doha-1"}),
        ({"country": "IND"}, {"doha2-1", "indpak-0"}),
        ({"dyad": "IND,PAK", "directed": "true"}, {"indpak-0"}),
        ({"type": "CONCEDE"}, {"doha-3"}),
        ({"mode": "ceasefire"}, {"doha-3"}),
        ({"context": "military", "since": "2025-09-30", "until": "2025-09-30"}, {"flare-1", "flare-4"}),
        ({"factuality": "future"}, {"flare-5"}),
        ({"place": "New York"}, {"usarus-2"}),
    ],
)
def test_each_event_filter(client, params, expected):
    assert ids(client.get("/events", params=params)) == expected


def test_cursor_pagination(client):
    seen, cursor = [], None
    for _ in range(30):
        params = {"limit": 7} | ({"cursor": cursor} if cursor else {})
        body = client.get("/events", params=params).json()
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 25


def test_events_as_csv(client):
    resp = client.get("/events", params={"format": "csv", "limit": 5})
    assert resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == 5 and rows[0]["evidence"] and resp.headers["x-next-cursor"]


def test_one_event_with_article_offsets(client):
    ev = client.get("/events/doha-2").json()
    text, evidence = ev["article"]["text"], ev["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert text[evidence["trigger_start"] : evidence["trigger_end"]] == evidence["trigger"]
    assert_error(client.get("/events/missing"), 404, "not_found")


def test_dyad_series_default_asserted_and_sets(client):
    body = client.get("/dyads/PAK/AFG/series").json()
    weeks = {p["period"]: p for p in body["periods"]}
    assert weeks["2025-09-29"]["q4"] == 5 and body["factuality"] == "asserted"
    every = client.get("/dyads/PAK/AFG/series", params={"factuality": "all", "interval": "day"}).json()
    assert {p["period"]: p["q4"] for p in every["periods"]}["2025-09-29"] == 3
    wide = client.get("/dyads/PAK|USA/AFG|RUS/series").json()
    assert sum(p["total"] for p in wide["periods"]) > sum(p["total"] for p in body["periods"])


def test_series_dyads_network_actors_countries(client):
    assert sum(p["total"] for p in client.get("/series").json()["periods"]) == 25
    top = client.get("/dyads").json()["dyads"][0]
    assert (top["a"], top["b"]) == ("AFG", "PAK")
    edges = client.get("/network", params={"factuality": "asserted"}).json()["edges"]
    assert edges[0]["source"] == "PAK" and edges[0]["target"] == "AFG"
    assert client.get("/actors", params={"q": "QAT"}).json()["actors"][0]["code"] == "QATGOV"
    assert "QAT" in client.get("/countries").json()["countries"]


def test_alerts_default_and_for_a_dyad(client):
    found = client.get("/alerts").json()["alerts"]
    assert found and found[0]["period"] == "2025-09-29" and found[0]["metric"] == "material_conflict"
    assert client.get("/alerts", params={"dyad": "USA,RUS"}).json()["alerts"] == []


def test_talks_tracker(client):
    rounds = client.get("/talks/PAK/AFG").json()["rounds"]
    assert len(rounds) == 1 and rounds[0]["venue"]["name"] == "Doha"
    kinds = {i["kind"] for i in rounds[0]["items"]}
    assert {"demand", "ceasefire", "rejection"} == kinds
    assert all(i["evidence"]["sentence"] for i in rounds[0]["items"])


def test_articles_list_and_one(client):
    listed = client.get("/articles").json()["articles"]
    assert len(listed) == 13
    one = client.get("/articles/doha").json()
    assert len(one["events"]) == 5 and one["text"].startswith("DOHA")
    assert_error(client.get("/articles/nope"), 404, "not_found")


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["events"] == 25 and body["ingest_enabled"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/events", {"limit": 0}),
        ("/events", {"since": "yesterday"}),
        ("/events", {"dyad": "PAK"}),
        ("/events", {"factuality": "maybe"}),
        ("/events", {"cursor": "garbage"}),
        ("/events", {"format": "xml"}),
        ("/dyads/PAK/12/series", {}),
        ("/dyads/PAK/AFG/series", {"interval": "year"}),
        ("/talks/P4K/AFG", {}),
    ],
)
def test_bad_requests_get_the_error_shape(client, path, params):
    resp = client.get(path, params=params)
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] in {"invalid_request", "invalid_filter"}


def test_unknown_route_and_method(client):
    assert_error(client.get("/nowhere"), 404, "not_found")
    assert_error(client.delete("/events"), 405, "method_not_allowed")


def test_post_needs_the_token(client):
    body = {"text": "Pakistan and Afghanistan held talks in Doha."}
    assert_error(client.post("/articles", json=body), 401, "unauthorized")
    wrong = {"Authorization": "Bearer nope"}
    assert_error(client.post("/articles", json=body, headers=wrong), 401, "unauthorized")


def test_post_without_text_or_url_is_invalid(client):
    headers = {"Authorization": "Bearer test-token"}
    assert_error(client.post("/articles", json={}, headers=headers), 422, "invalid_request")


def test_missing_database_is_reported(tmp_path):
    from fastapi.testclient import TestClient

    from eventwire.server import create_app

    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        assert_error(c.get("/events"), 503, "no_database")
        assert_error(c.post("/articles", json={"text": "x"}), 401, "unauthorized")


def test_openapi_lists_every_route(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/events", "/events/{event_id}", "/dyads/{a}/{b}/series", "/alerts", "/actors",
            "/network", "/talks/{a}/{b}", "/articles", "/health"} <= paths  # fmt: skip
    assert client.get("/docs").status_code == 200
