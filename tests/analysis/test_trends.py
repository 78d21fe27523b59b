from __future__ import annotations

from datetime import date

import pytest

from eventwire.analysis import (
    EventFilter,
    FilterError,
    actors,
    countries,
    network,
    parse_dyad,
    series,
    top_dyads,
)

PAK_AFG = parse_dyad("PAK,AFG")


def test_weekly_series_fills_quiet_weeks_and_splits_quad_classes(store):
    rows = series(store, EventFilter(dyad=PAK_AFG, factuality="asserted"), "week")
    assert rows[0].period == date(2025, 8, 4)
    assert all(r.period.weekday() == 0 for r in rows)
    by_week = {r.period: r for r in rows}
    assert by_week[date(2025, 9, 29)].q4 == 5  # the future threat is not counted
    assert by_week[date(2025, 10, 13)].total == 0  # a quiet week is present, as zero
    talks_week = by_week[date(2025, 10, 20)]
    assert (talks_week.q1, talks_week.q2, talks_week.q3) == (3, 1, 1)  # Qatar->both is not between the two
    assert talks_week.goldstein_mean == pytest.approx((1 + 1 - 0.1 + 5 - 4) / 5, abs=1e-3)


def test_all_factualities_and_daily_interval(store):
    asserted = series(store, EventFilter(dyad=PAK_AFG, factuality="asserted"), "day")
    every = series(store, EventFilter(dyad=PAK_AFG), "day")
    day = {r.period: r.q4 for r in every}[date(2025, 9, 29)]
    assert day == {r.period: r.q4 for r in asserted}[date(2025, 9, 29)] + 1
    assert sum(r.total for r in asserted) < sum(r.total for r in every)


def test_series_of_a_country_and_unknown_interval(store):
    rows = series(store, EventFilter(country="USA"), "week", fill=False)
    assert sum(r.total for r in rows) == 3
    with pytest.raises(FilterError, match="day or week"):
        series(store, EventFilter(), "month")


def test_top_dyads_are_unordered_pairs(store):
    dyads = top_dyads(store)
    assert (dyads[0].a, dyads[0].b) == ("AFG", "PAK")
    assert dyads[0].material_conflict == 13
    pairs = {(d.a, d.b) for d in dyads}
    assert ("RUS", "USA") in pairs and ("AFG", "QAT") in pairs


def test_network_is_directed_and_weighted(store):
    edges = {(e.source, e.target): e.events for e in network(store)}
    assert edges[("PAK", "AFG")] > edges[("AFG", "PAK")] > 0
    assert edges[("USA", "RUS")] == 1 and edges[("RUS", "USA")] == 1
    assert ("PAK", "PAK") not in edges


def test_actors_and_countries(store):
    found = {a["code"]: a["events"] for a in actors(store)}
    assert found["PAKMIL"] == 13
    assert [a["code"] for a in actors(store, q="qat")] == ["QATGOV"]
    assert {"AFG", "PAK", "QAT", "USA", "RUS", "IND"} <= set(countries(store))
