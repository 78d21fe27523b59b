"""Event filters and stats on a small hand-built store."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import ConfigError
from eventwire.store import Store


@pytest.fixture
def store(tmp_path, factory):
    a = factory.actors
    batch = [
        # PAK -> AFG consult, dated by the event (Oct 24), published Oct 20.
        factory.coded("one", date(2025, 10, 20), lambda i: [
            factory.event(i, 0, day=date(2025, 10, 24))]),
        # AFG -> PAK assault without an event date: falls back to publication (Oct 10).
        factory.coded("two", date(2025, 10, 10), lambda i: [
            factory.event(i, 0, "ASSAULT", (a["AFG"],), (a["PAK"],), factuality="negated")]),
        # PAK and AFG in a symmetric event (no targets), no date anywhere.
        factory.coded("three", None, lambda i: [
            factory.event(i, 0, "CONSULT", (a["PAK"], a["AFG"]), (), symmetric=True)]),
        # QAT -> UN, unrelated to the dyad.
        factory.coded("four", date(2025, 11, 1), lambda i: [
            factory.event(i, 0, "AID", (a["QAT"],), (a["UN"],), day=date(2025, 11, 2))]),
    ]  # fmt: skip
    with Store.open(tmp_path / "q.duckdb") as st:
        st.write(batch)
        yield st


def kinds(events: list[dict]) -> list[tuple]:
    return [(e["event"], tuple(s["country"] for s in e["sources"])) for e in events]


def test_all_events_ordered_by_date_then_id(store):
    # Oct 10 (published), Oct 24 (event date), Nov 2, then the undated event last.
    assert kinds(store.events()) == [
        ("ASSAULT", ("AFG",)),
        ("CONSULT", ("PAK",)),
        ("AID", ("QAT",)),
        ("CONSULT", ("PAK", "AFG")),
    ]


def test_actor_matches_code_prefix_on_either_side(store):
    assert len(store.events(actor="PAK")) == 3
    assert len(store.events(actor="pakgov")) == 3
    assert len(store.events(actor="PAKMIL")) == 0
    assert kinds(store.events(actor="IGO")) == [("AID", ("QAT",))]


def test_country_and_dyad_in_either_direction(store):
    assert len(store.events(country="QAT")) == 1
    dyad = kinds(store.events(dyad=("PAK", "AFG")))
    assert dyad == kinds(store.events(dyad=("AFG", "PAK")))
    assert len(dyad) == 3  # both directions plus the symmetric event
    assert store.events(dyad=("PAK", "QAT")) == []


def test_type_factuality_mode_context(store):
    assert kinds(store.events(type="assault")) == [("ASSAULT", ("AFG",))]
    assert kinds(store.events(factuality="negated")) == [("ASSAULT", ("AFG",))]
    assert len(store.events(mode="third-party")) == 2
    assert len(store.events(context="diplomatic")) == 4
    with pytest.raises(ConfigError, match="factuality"):
        store.events(factuality="maybe")


def test_date_range_uses_event_date_else_published(store):
    in_october = store.events(since=date(2025, 10, 1), until=date(2025, 10, 31))
    assert kinds(in_october) == [("ASSAULT", ("AFG",)), ("CONSULT", ("PAK",))]
    # The consult was published Oct 20 but happened Oct 24: the event date wins.
    assert kinds(store.events(until=date(2025, 10, 21))) == [("ASSAULT", ("AFG",))]
    assert kinds(store.events(since=date(2025, 11, 2))) == [("AID", ("QAT",))]


def test_limit_and_offset_page_through_the_order(store):
    everything = store.events()
    assert store.events(limit=2) == everything[:2]
    assert store.events(limit=2, offset=2) == everything[2:]
    assert store.events(offset=3) == everything[3:]


def test_stats_counts_tables_and_types(store):
    stats = store.stats()
    assert stats.tables["articles"] == 4 and stats.tables["events"] == 4
    assert stats.tables["event_actors"] == 8  # 2 + 2 + 2 (symmetric, no target) + 2
    assert stats.event_types == {"CONSULT": 2, "AID": 1, "ASSAULT": 1}
