from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from eventwire.analysis import EventFilter, alerts, parse_dyad, series
from eventwire.analysis.alerts import MIN_COUNT, dyad_alerts
from eventwire.analysis.trends import Period

START = date(2025, 1, 6)


def test_flare_up_fires_a_material_conflict_alert(store):
    found = alerts(store, [parse_dyad("PAK,AFG")])
    conflict = [a for a in found if a.metric == "material_conflict"]
    assert [a.period for a in conflict] == ["2025-09-29"]
    alert = conflict[0]
    assert alert.value == 5 and alert.baseline_mean == 1.0 and alert.z >= 2


def test_default_dyads_are_the_busiest_and_quiet_dyads_do_not_fire(store):
    found = alerts(store)
    assert {(a.a, a.b) for a in found} == {("AFG", "PAK")}
    assert alerts(store, [parse_dyad("USA,RUS")]) == []


def test_minimum_count_guard_silences_small_jumps():
    quiet = [Period(START + timedelta(weeks=i), 0, 0, 0, 0, 0, None) for i in range(4)]
    small = Period(START + timedelta(weeks=4), MIN_COUNT - 1, 0, 0, 0, MIN_COUNT - 1, -9.0)
    big = replace(small, total=MIN_COUNT, q4=MIN_COUNT)
    dyad = parse_dyad("PAK,AFG")
    assert dyad_alerts(quiet + [small], dyad) == []
    assert [a.metric for a in dyad_alerts(quiet + [big], dyad)] == ["material_conflict"]


def test_tone_drop_fires_a_goldstein_alert():
    start = START
    calm = [Period(start + timedelta(weeks=i), 3, 3, 0, 0, 0, 2.0 + (i % 2)) for i in range(5)]
    drop = Period(start + timedelta(weeks=5), 3, 0, 0, 3, 0, -4.0)
    found = dyad_alerts(calm + [drop], parse_dyad("USA,RUS"))
    assert [(a.metric, a.period) for a in found] == [("goldstein", "2025-02-10")]
    assert found[0].z < -2


def test_series_used_by_alerts_is_asserted_only(store):
    rows = series(store, EventFilter(dyad=parse_dyad("PAK,AFG"), factuality="asserted"), "week")
    assert max(r.q4 for r in rows) == 5
