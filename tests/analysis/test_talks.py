from __future__ import annotations

from eventwire.analysis import parse_dyad, talks


def test_doha_round_with_mediator_venue_and_agenda(store):
    rounds = talks(store, parse_dyad("PAK,AFG"))
    assert len(rounds) == 1
    rnd = rounds[0]
    assert rnd.date == "2025-10-25" and rnd.venue["name"] == "Doha"
    assert rnd.modes == ["third-party"] and rnd.host == "QAT"
    assert [m["code"] for m in rnd.mediators] == ["QATGOV"]
    assert {c["article_id"] for c in rnd.consults} == {"doha", "doha2"}
    kinds = {i.kind: i for i in rnd.items}
    assert set(kinds) == {"demand", "ceasefire", "rejection"}
    assert "TTP" in kinds["demand"].evidence["sentence"]
    assert kinds["ceasefire"].evidence["trigger"] == "extend the ceasefire"


def test_negated_talks_are_left_out_unless_asked(store):
    assert talks(store, parse_dyad("PAK,IND")) == []
    rounds = talks(store, parse_dyad("IND,PAK"), include_negated=True)
    assert len(rounds) == 1 and rounds[0].factuality == ["negated"]


def test_order_of_sides_does_not_matter(store):
    a = talks(store, parse_dyad("PAK,AFG"))
    b = talks(store, parse_dyad("AFG,PAK"))
    assert [r.consults for r in a] == [r.consults for r in b]


def test_fighting_and_negated_events_are_not_agenda_items(tmp_path):
    from datetime import date

    from eventwire.store import Store

    from .sample import DOHA, ArticleBuilder

    day = date(2025, 11, 2)
    a = ArticleBuilder("round2", day, "Second Doha round")
    a.event("Pakistan and Afghanistan met in Doha.", "met", "CONSULT", ["PAKGOV"], ["AFGGOV"],
            symmetric=True, mode="third-party", location=DOHA, day=day)
    a.event("Kabul said militants would not use its soil to stage attacks.", "attacks", "ASSAULT",
            ["AFGGOV"], ["PAKGOV"], factuality="negated", day=day)
    a.event("Pakistani jets struck a camp in Khost.", "struck", "ASSAULT", ["PAKMIL"], ["AFG"], day=day)
    a.event("Pakistan demanded guarantees on the TTP.", "demanded", "REQUEST", ["PAKGOV"],
            ["AFGGOV"], day=day)
    a.event("Kabul did not reject the proposal.", "reject", "REJECT", ["AFGGOV"], ["PAKGOV"],
            factuality="negated", day=day)
    with Store.open(tmp_path / "talks.duckdb") as store:
        store.write([a.build()])
        [rnd] = talks(store, parse_dyad("PAK,AFG"))
        assert [i.event for i in rnd.items] == ["REQUEST"]
        [rnd] = talks(store, parse_dyad("PAK,AFG"), include_negated=True)
        assert [i.event for i in rnd.items] == ["REQUEST", "REJECT"]
