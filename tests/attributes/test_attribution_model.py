"""attribution() on parsed sentences (loads the spaCy model)."""

from __future__ import annotations

from eventwire.attributes import attribution
from eventwire.records import Attribution


def test_seed_sources_confirmed_to_outlet(seed_doc, candidate):
    found = attribution(seed_doc, candidate(seed_doc, "negotiations"))
    assert found == Attribution(text="sources confirmed to CNN-News18", speaker="sources", outlet="CNN-News18")


def test_seed_according_to(seed_doc, candidate):
    found = attribution(seed_doc, candidate(seed_doc, "meet"))
    assert found.speaker == "senior diplomatic sources"
    assert found.text == "According to senior diplomatic sources" and found.outlet is None


def test_seed_unattributed_sentence(seed_doc, candidate):
    assert attribution(seed_doc, candidate(seed_doc, "violence", event="ASSAULT")) is None


def test_sources_told_reuters(nlp, candidate):
    doc = nlp("Militants attacked a convoy near Kabul, two security sources told Reuters.")
    found = attribution(doc, candidate(doc, "attacked", event="ASSAULT"))
    assert (found.speaker, found.outlet) == ("two security sources", "Reuters")


def test_speaker_said_that(nlp, candidate):
    doc = nlp("Pakistan's foreign ministry said that Afghan forces shelled a border post.")
    found = attribution(doc, candidate(doc, "shelled", event="ASSAULT"))
    assert found.speaker == "Pakistan's foreign ministry" and found.outlet is None
    assert found.text.startswith("Pakistan's foreign ministry") and found.text.endswith("said")


def test_claim_after_the_clause(nlp, candidate):
    doc = nlp("The army killed five insurgents in the raid, the military said in a statement.")
    found = attribution(doc, candidate(doc, "killed", event="ASSAULT"))
    assert found.speaker == "the military"


def test_the_speech_act_itself_is_not_attributed(nlp, candidate):
    doc = nlp("The minister accused Kabul of harbouring militants.")
    assert attribution(doc, candidate(doc, "accused", event="ACCUSE")) is None


def test_a_speaker_outside_the_event_clause_does_not_attribute(nlp, candidate):
    doc = nlp("Troops stormed the compound while the spokesman, who said nothing, watched.")
    assert attribution(doc, candidate(doc, "stormed", event="ASSAULT")) is None


def test_an_outlet_as_speaker(nlp, candidate):
    doc = nlp("According to Al Jazeera, the two sides agreed to a truce.")
    found = attribution(doc, candidate(doc, "agreed", event="AGREE"))
    assert (found.speaker, found.outlet) == ("Al Jazeera", "Al Jazeera")
