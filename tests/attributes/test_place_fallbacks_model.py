"""Issue 3: an event whose sentence or article names a place gets a location, even when the
article names places only as actors or the model labels a country as a person."""

from eventwire.attributes import ArticlePlaces


def test_an_article_naming_places_only_as_actors_gives_its_most_named_place(
    nlp, gazetteer, candidate
):
    doc = nlp("India accused China of aggression. India warned China again. "
              "The minister said the talks had failed.")
    cand = candidate(doc, "failed", event="REJECT")
    place = ArticlePlaces(gazetteer, doc).locate(doc, cand)
    assert place is not None and place.country == "IND"


def test_a_country_labelled_as_a_person_is_still_the_country(nlp, gazetteer, candidate):
    doc = nlp("Modi met the leaders of Mauritius. "
              "Mauritius conferred the country's highest civilian honor on Modi.")
    assert any(e.text == "Mauritius" and e.label_ != "GPE" for e in doc.ents)  # the model's slip
    cand = candidate(doc, "conferred", event="SUPPORT")
    place = ArticlePlaces(gazetteer, doc).locate(doc, cand)
    assert place is not None and place.country == "MUS"


def test_a_name_only_ever_labelled_a_person_stays_a_person(nlp, gazetteer):
    doc = nlp("Chad Smith arrived late. Chad said he was tired.")
    assert [e.label_ for e in doc.ents] == ["PERSON", "PERSON"]
    assert ArticlePlaces(gazetteer, doc).mentions == ()
