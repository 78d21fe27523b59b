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
