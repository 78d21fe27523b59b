"""Actors across the sentences of one article (loads the spaCy model): later sentences keep
their actors through "the minister", "he", "the country" and "they"; nameless groups take the
article's main state; peoples, ethnic groups and unlisted international bodies."""

from __future__ import annotations

from eventwire.actors import ArticleActors


def _at(nlp, dictionary, text: str):
    article = ArticleActors(dictionary, nlp(text))

    def resolve(phrase: str, occurrence: int = 0) -> list[str]:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        return [a.code for a in article.resolve_span(start, start + len(phrase))]

    return resolve


ARTICLE = (
    "Pakistan's defence minister Khawaja Asif met Chinese officials in Beijing on Monday. "
    "The minister later accused India of sponsoring militants. "
    "He also said the country would retaliate against any attack."
)


def test_definite_title_refers_to_the_person_not_a_later_group(nlp, dictionary):
    at = _at(nlp, dictionary, ARTICLE)
    assert at("Chinese officials") == ["CHNGOV"]
    assert at("The minister") == ["PAKGOV"]
    assert at("He") == ["PAKGOV"]


def test_the_country_is_the_state_named_before(nlp, dictionary):
    at = _at(nlp, dictionary, ARTICLE)
    assert at("the country") == ["PAK"]


def test_they_after_a_named_official_is_that_officials_side(nlp, dictionary):
    text = (
        "Equatorial Guinea closed its border last year. "
        "Cameroon Livestock Ministry official Denise Abanda says they are negotiating with Brazil."
    )
    codes = _at(nlp, dictionary, text)("they")
    assert codes and codes[0].startswith("CMR")


def test_nameless_role_takes_the_articles_main_state(nlp, dictionary):
    text = (
        "Sudan's ruling council met in Khartoum on Monday. Sudanese officials said the talks "
        "would resume. The general who led the council signed a decree on Tuesday."
    )
    assert _at(nlp, dictionary, text)("The general") == ["SDNMIL"]


def test_main_state_is_not_used_when_the_sentence_names_other_states(nlp, dictionary):
    text = (
        "Sudan's ruling council met in Khartoum on Monday. Sudanese officials said the talks "
        "would resume. Security forces fired on crowds in Kenya and Uganda."
    )
    codes = _at(nlp, dictionary, text)("Security forces")
    assert not any(c.startswith("SDN") for c in codes)


def test_counted_people_are_civilians(nlp, dictionary):
    text = "Thousands of Nigerians marched in Lagos on Thursday."
    assert _at(nlp, dictionary, text)("Thousands of Nigerians") == ["NGACVL"]


def test_ethnic_group_takes_the_other_state_the_sentence_names(nlp, dictionary):
    text = (
        "Serb forces killed three ethnic Albanians in southern Serbia, a council representing "
        "ethnic Albanians said."
    )
    codes = _at(nlp, dictionary, text)("three ethnic Albanians")
    assert codes and codes[0].startswith("SRB")


def test_unlisted_international_body_is_non_state(nlp, dictionary):
    text = "Members of the Association of African Jurists visited 2,000 Libyans held in prisons."
    codes = _at(nlp, dictionary, text)("Members of the Association of African Jurists")
    assert codes == ["NGO"]


def test_red_cross_is_coded_as_an_international_body(nlp, dictionary):
    text = "Red Cross officials suspended aid deliveries in Baghdad on Wednesday."
    codes = _at(nlp, dictionary, text)("Red Cross officials")
    assert codes and codes[0].startswith("IGO")


def test_the_two_sides_are_the_pair_named_together_not_the_mediator(nlp, dictionary):
    text = (
        "Pakistan and Afghanistan held talks in Doha on Tuesday, with Qatar acting as mediator. "
        "The two sides agreed to extend the ceasefire. "
        "Both governments pledged to reopen the border crossing."
    )
    at = _at(nlp, dictionary, text)
    assert at("The two sides") == ["PAK", "AFG"]
    assert at("Both governments") == ["PAKGOV", "AFGGOV"]


def test_the_two_sides_without_a_named_pair_take_the_last_two_states(nlp, dictionary):
    text = "India sent an envoy to Nepal on Monday. Both countries later signed a trade deal."
    assert _at(nlp, dictionary, text)("Both countries") == ["IND", "NPL"]
