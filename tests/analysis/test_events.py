from __future__ import annotations

from datetime import date

import pytest

from eventwire.analysis import (
    Dyad,
    EventFilter,
    FilterError,
    get_article,
    get_event,
    list_articles,
    list_events,
    parse_dyad,
)


def ids(page):
    return {e["event_id"] for e in page.events}


def test_filters_each_narrow_the_list(store):
    everything = ids(list_events(store, limit=1000))
    assert len(everything) == 25
    cases = {
        EventFilter(type="consult"): {"doha-0", "doha-1", "doha2-0", "doha2-1"},
        EventFilter(mode="ceasefire"): {"doha-3"},
        EventFilter(factuality="negated"): {"doha2-1"},
        EventFilter(actor="IND"): {"doha2-1", "indpak-0"},
        EventFilter(actor="Qatar"): {"doha-1"},
        EventFilter(country="RUS"): {"usarus-0", "usarus-1", "usarus-2"},
        EventFilter(place="new york"): {"usarus-2"},
        EventFilter(context="military", since=date(2025, 9, 29), until=date(2025, 9, 29)):
            {"flare-0", "flare-3"},
        EventFilter(dyad=parse_dyad("IND,PAK")): {"doha2-1", "indpak-0"},
        EventFilter(dyad=parse_dyad("IND,PAK"), directed=True): {"indpak-0"},
        EventFilter(article_id="doha"): {f"doha-{i}" for i in range(5)},
    }
    for flt, expected in cases.items():
        assert ids(list_events(store, flt, limit=1000)) == expected, flt


def test_symmetric_event_matches_dyad_both_ways(store):
    found = ids(list_events(store, EventFilter(dyad=Dyad(("AFG",), ("PAK",)), directed=True)))
    assert {"doha-0", "doha-3", "doha2-0"} <= found
    assert "clash0" not in {i.split("-")[0] for i in found}  # PAK->AFG only, not AFG->PAK


def test_country_sets_widen_the_dyad(store):
    one = ids(list_events(store, EventFilter(dyad=parse_dyad("IND,PAK")), limit=100))
    two = ids(list_events(store, EventFilter(dyad=parse_dyad("IND|USA,PAK|RUS")), limit=100))
    assert two == one | {"usarus-0", "usarus-1"}


def test_cursor_pages_cover_everything_once_newest_first(store):
    seen, cursor, days = [], None, []
    while True:
        page = list_events(store, limit=4, cursor=cursor)
        seen += [e["event_id"] for e in page.events]
        days += [e["day"] for e in page.events]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 25
    assert days == sorted(days, reverse=True)


def test_bad_filters_say_what_to_give():
    with pytest.raises(FilterError, match="PAK,AFG"):
        parse_dyad("PAK")
    with pytest.raises(FilterError, match="alpha-3"):
        parse_dyad("PAK,12")


def test_bad_cursor_and_factuality_are_errors(store):
    with pytest.raises(FilterError, match="cursor"):
        list_events(store, cursor="!!!")
    with pytest.raises(FilterError, match="factuality"):
        list_events(store, EventFilter(factuality="rumoured"))


def test_event_has_public_shape_and_its_article(store):
    ev = get_event(store, "doha-2")
    assert ev["sources"][0]["code"] == "PAKGOV" and ev["targets"][0]["country"] == "AFG"
    text = ev["article"]["text"]
    evidence = ev["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert text[evidence["trigger_start"] : evidence["trigger_end"]] == "demanded"
    assert get_event(store, "nope") is None


def test_article_lists_its_events_in_text_order(store):
    art = get_article(store, "doha")
    starts = [e["evidence"]["start"] for e in art["events"]]
    assert len(starts) == 5 and starts == sorted(starts)
    assert get_article(store, "nope") is None
    listed = list_articles(store, limit=100)
    assert {a["id"]: a["events"] for a in listed}["doha"] == 5
    assert [a["id"] for a in list_articles(store, q="doha round")] == ["doha2"]
