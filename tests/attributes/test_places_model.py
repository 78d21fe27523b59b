"""ArticlePlaces.locate on parsed text (loads the spaCy model)."""

from __future__ import annotations

import pytest

from eventwire.attributes import ArticlePlaces


def test_seed_talks_are_in_doha(seed_doc, gazetteer, candidate):
    cand = candidate(seed_doc, "negotiations", sources=("Pakistan and the Taliban",))
    place = ArticlePlaces(gazetteer, seed_doc).locate(seed_doc, cand)
    assert (place.name, place.country) == ("Doha", "QAT")
    assert place.lat == pytest.approx(25.29, abs=0.05) and place.lon == pytest.approx(51.53, abs=0.05)
    assert seed_doc.text[place.start : place.end] == "Doha"


def test_seed_ttp_violence_is_in_khyber_pakhtunkhwa(seed_doc, gazetteer, candidate):
    cand = candidate(seed_doc, "violence", event="ASSAULT", sources=("TTP",))
    place = ArticlePlaces(gazetteer, seed_doc).locate(seed_doc, cand)
    assert place.country == "PAK" and place.name in ("Khyber Pakhtunkhwa", "Waziristan")


def test_seed_ttp_attacks_without_a_place_stay_in_pakistan(seed_doc, gazetteer, candidate):
    # The sentence names no place; the article's main place (Doha) is abroad, and an attack
    # happens where its actors are, so the main Pakistani place is taken.
    cand = candidate(seed_doc, "attacks", event="ASSAULT", sources=("Tehreek-e-Taliban Pakistan (TTP)",))
    place = ArticlePlaces(gazetteer, seed_doc).locate(seed_doc, cand)
    assert place.country == "PAK"


def test_seed_meeting_without_a_place_takes_the_dominant_place(seed_doc, gazetteer, candidate):
    places = ArticlePlaces(gazetteer, seed_doc)
    assert places.dominant.entry.name == "Doha"
    cand = candidate(seed_doc, "meet", sources=("Asim Malik",), targets=("Mullah Yaqoob",))
    assert places.locate(seed_doc, cand).country == "QAT"


def test_places_used_as_actors_are_not_the_location(nlp, gazetteer, candidate):
    doc = nlp("Islamabad accused Kabul of sheltering militants during talks in Istanbul.")
    cand = candidate(doc, "accused", event="ACCUSE", sources=("Islamabad",), targets=("Kabul",))
    place = ArticlePlaces(gazetteer, doc).locate(doc, cand)
    assert (place.name, place.country) == ("Istanbul", "TUR")
    roles = {m.text: m.role for m in ArticlePlaces(gazetteer, doc).mentions}
    assert roles["Islamabad"] == "actor" and roles["Istanbul"] == "locative"


def test_the_place_nearest_the_trigger_wins(nlp, gazetteer, candidate):
    doc = nlp("After a summit in Nairobi, soldiers attacked a village near Mogadishu.")
    cand = candidate(doc, "attacked", event="ASSAULT", sources=("soldiers",), targets=("a village",))
    assert ArticlePlaces(gazetteer, doc).locate(doc, cand).name == "Mogadishu"


def test_an_unknown_place_does_not_hide_a_known_one(nlp, gazetteer, candidate):
    doc = nlp("Protesters gathered in Zzyzxville and later marched across Lagos.")
    cand = candidate(doc, "gathered", event="PROTEST", sources=("Protesters",))
    assert ArticlePlaces(gazetteer, doc).locate(doc, cand).country == "NGA"


def test_georgia_next_to_an_american_city_is_the_state(nlp, gazetteer):
    doc = nlp("Police arrested dozens of protesters in Atlanta, Georgia, on Saturday.")
    places = ArticlePlaces(gazetteer, doc)
    assert {m.entry.country for m in places.mentions} == {"USA"}


def test_georgia_alone_is_the_country(nlp, gazetteer, candidate):
    doc = nlp("Russian troops fired on a checkpoint in Georgia.")
    cand = candidate(doc, "fired", event="ASSAULT", sources=("Russian troops",))
    assert ArticlePlaces(gazetteer, doc).locate(doc, cand).country == "GEO"


def test_the_jordan_river_is_not_the_country(nlp, gazetteer, candidate):
    doc = nlp("Israeli forces opened fire near the Jordan River.")
    cand = candidate(doc, "opened fire", event="ASSAULT", sources=("Israeli forces",))
    place = ArticlePlaces(gazetteer, doc).locate(doc, cand)
    assert place is None or place.country != "JOR"


def test_an_article_without_places_gives_none(nlp, gazetteer, candidate):
    doc = nlp("The minister said the talks went well.")
    cand = candidate(doc, "talks")
    assert ArticlePlaces(gazetteer, doc).locate(doc, cand) is None


def test_a_sentence_naming_places_only_as_actors_still_gets_one(nlp, gazetteer, candidate):
    doc = nlp("Russia attacked Ukraine.")
    cand = candidate(doc, "attacked", event="ASSAULT", sources=("Russia",), targets=("Ukraine",))
    assert ArticlePlaces(gazetteer, doc).locate(doc, cand).country == "UKR"


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # The small model tags these names ORG, NORP or PERSON; the locative phrase settles it.
    ("Five hundred rebels surrendered last week in the eastern town of Soroti.", "surrendered", "Soroti"),
    ("A mine exploded near the town of Samarra, killing two youths.", "exploded", "Samarra"),
    ("Troops shelled villages in the battle zones of the southern sector of the Jaffna peninsula.",
     "shelled", "Jaffna"),
])
def test_the_syntax_of_place_overrides_a_wrong_entity_label(nlp, gazetteer, candidate, text, trigger, place):
    doc = nlp(text)
    found = ArticlePlaces(gazetteer, doc).locate(doc, candidate(doc, trigger, event="ASSAULT"))
    assert found is not None and found.text == place


def test_an_of_phrase_is_not_an_actor(nlp, gazetteer, candidate):
    doc = nlp("A car bomb killed a journalist in a residential sector of eastern Beirut.")
    cand = candidate(doc, "killed", event="ASSAULT", targets=("a journalist",))
    assert ArticlePlaces(gazetteer, doc).locate(doc, cand).country == "LBN"
