"""Issue 5 acceptance: the seed article, ingested alone, gives a Pakistan–Afghanistan talks entry.

Runs the real pipeline (``eventwire.ingest.ingest``, spaCy model included) into a fresh store and
reads the talks tracker: one round in Doha, third-party mediation, and the agenda topics the
article names (ceasefire extension, TTP/counter-terrorism assurances, recognition), each with
evidence sentences taken from the article.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire import analysis
from eventwire.analysis import parse_dyad
from eventwire.ingest import ingest
from eventwire.store import Store

pytestmark = pytest.mark.slow

SEED = Path(os.environ["EVENTWIRE_SHARED_DATA"]) / "seed" / "doha_talks.txt"

if not SEED.is_file():
    pytest.skip(f"seed article not found at {SEED}", allow_module_level=True)


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    db = tmp_path_factory.mktemp("talks_seed") / "seed.duckdb"
    result = ingest([str(SEED)], db)
    assert result.stored_articles == 1, result
    with Store.open(db, read_only=True) as store:
        rounds = analysis.talks(store, parse_dyad("PAK,AFG"))
    for rnd in rounds:  # shown with -s: what the coder gives today
        print(rnd.date, rnd.venue, rnd.modes, rnd.mediation and rnd.mediation["mode"])
        for entry in rnd.agenda:
            print("  ", entry["topic"], [e["sentence"][:70] for e in entry["evidence"]])
    assert len(rounds) == 1, rounds
    return rounds[0]


def test_round_is_in_doha(round_):
    assert round_.venue and round_.venue["name"] == "Doha"
    assert round_.host == "QAT"


def test_round_is_mediated_by_a_third_party(round_):
    assert round_.mediation is not None and round_.mediation["mode"] == "third-party"
    sentence = round_.mediation["evidence"][0]["sentence"]
    assert "mediat" in sentence or "brokered" in sentence


def _topic(round_, name: str) -> dict:
    found = {entry["topic"]: entry for entry in round_.agenda}
    assert name in found, f"no {name!r} on the agenda; topics: {sorted(found)}"
    return found[name]


def test_agenda_has_the_ceasefire_extension(round_):
    sentences = [e["sentence"] for e in _topic(round_, "ceasefire")["evidence"]]
    assert any("extension" in s and "ceasefire" in s for s in sentences), sentences


def test_agenda_has_ttp_and_counter_terrorism_assurances(round_):
    entry = _topic(round_, "counter-terrorism")
    sentences = [e["sentence"] for e in entry["evidence"]]
    assert any("TTP" in s and "assurances" in s for s in sentences), sentences
    assert any("counterterrorism" in s for s in sentences), sentences
    demands = [i for i in round_.items if i.kind == "demand" and "counter-terrorism" in i.topics]
    assert demands, "the TTP demand is not a coded agenda item"


def test_agenda_has_recognition(round_):
    sentences = [e["sentence"] for e in _topic(round_, "recognition")["evidence"]]
    assert any("recognition" in s for s in sentences), sentences


def test_evidence_offsets_point_into_the_article(round_):
    text = SEED.read_text(encoding="utf-8")
    for entry in round_.agenda:
        for e in entry["evidence"]:
            assert text[e["start"]:e["end"]] == e["sentence"]
