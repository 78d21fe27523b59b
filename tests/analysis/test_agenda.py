from __future__ import annotations

from eventwire.analysis import parse_dyad, talks
from eventwire.analysis.agenda import agenda_topics, load_cues, mediation_evidence, shipped_cues

TEXT = (
    "Talks between the two governments, brokered by Norway, opened on Monday. "
    "Oslo mediated a similar dispute in 2019. "
    "Rebels attacked a convoy near the border. "
    "A key item on the agenda is an extension of the truce. "
    "The Front wants guarantees that the Lions will be disarmed."
)


def test_sample_round_has_mediation_and_topics(store):
    (rnd,) = talks(store, parse_dyad("PAK,AFG"))
    assert rnd.mediation["mode"] == "third-party" and rnd.mediation["mediators"] == ["Qatar"]
    topics = {entry["topic"]: entry for entry in rnd.agenda}
    assert {"ceasefire", "recognition"} <= set(topics)
    ceasefire = topics["ceasefire"]
    assert ceasefire["event_ids"] == ["doha-3"]
    assert ceasefire["evidence"][0]["sentence"] == "The two sides agreed to extend the ceasefire."
    assert "recognition" in next(i for i in rnd.items if i.event_id == "doha-4").topics


def test_mediation_needs_a_sentence_about_the_talks():
    found = mediation_evidence(TEXT, shipped_cues(), ["talks"])
    assert found["mode"] == "third-party" and found["evidence"]["cue"] == "broker"
    assert mediation_evidence("Oslo mediated a dispute in 2019.", shipped_cues(), []) is None


def test_topics_come_from_agenda_sentences_and_armed_groups_only():
    found = agenda_topics(TEXT, shipped_cues(), [], armed_names=["the Lions"])
    assert set(found) == {"ceasefire", "counter-terrorism"}
    assert found["ceasefire"][0]["sentence"].startswith("A key item on the agenda")
    start, end = found["counter-terrorism"][0]["start"], found["counter-terrorism"][0]["end"]
    assert TEXT[start:end].startswith("The Front wants guarantees")
    # the attack sentence names no agenda cue, so its "border" is not a topic
    assert "territory" not in found


def test_user_cue_file_adds_a_topic(tmp_path):
    extra = tmp_path / "cues.toml"
    extra.write_text('version = 1\n[topics]\ndisarmament = ["disarm"]\n', encoding="utf-8")
    found = agenda_topics(TEXT, load_cues([extra]), [], armed_names=[])
    assert "disarmament" in found and "ceasefire" in found
