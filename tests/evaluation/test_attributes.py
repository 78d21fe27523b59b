"""Attribute shares and gold agreement on hand-made event dicts (no model)."""

from dataclasses import replace
from datetime import date

import pytest

from eventwire.attributes import Gazetteer
from eventwire.evaluation import (
    GoldArticle,
    GoldEvent,
    GoldSentence,
    article_agreement,
    score_articles,
    score_attributes,
    sentence_location_agreement,
)
from eventwire.evaluation.attribute_gold import answering_event, gold_place_country, quote_span
from eventwire.records import Article
from .factory import event

TEXT = "Pakistan met the Taliban in Doha, officials said. Kabul accused Islamabad of strikes."
SAID = "Pakistan met the Taliban in Doha, officials said."
ACCUSED = "Kabul accused Islamabad of strikes."


def placed(kind, sentence, start, **kw):
    ev = event(kind, sentence=sentence, article_id="a1", **kw)
    ev["evidence"].update(start=start, end=start + len(sentence))
    return ev


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def test_shares_count_only_the_events_they_are_about():
    met = placed("CONSULT", SAID, 0, located_in="QAT", attribution=("officials", None))
    accused = placed("ACCUSE", ACCUSED, len(SAID) + 1, sources=("AFG",), targets=("PAK",))
    met["date"], met["date_text"] = "2025-03-14", "Friday"
    accused["date_text"] = "last spring"
    articles = {"a1": Article(text=TEXT, id="a1", published=date(2025, 3, 15))}
    # "Kabul" and "Islamabad" are actors of ACCUSE only in name: their actor texts are codes.
    places = {SAID: ("Doha",), ACCUSED: ("Kabul", "Islamabad")}
    report = score_attributes({"a1": [met, accused]}, articles, places)
    f = report.figures
    assert f["factuality_share"] == 1.0
    assert (report.location.hit, report.location.total) == (1, 2)
    assert report.missing_locations[0].places == ("Kabul", "Islamabad")
    assert f["date_share_published"] == 0.5 and f["date_share_expression"] == 0.5
    assert (report.attribution.hit, report.attribution.total) == (1, 1)  # only SAID has a cue
    assert "Kabul" in report.render()


def test_a_place_that_is_only_an_actor_is_not_counted():
    accused = placed("ACCUSE", ACCUSED, 0, sources=("AFG",), targets=("PAK",))
    accused["sources"][0]["text"] = "Kabul"
    accused["targets"][0]["text"] = "Islamabad"
    report = score_attributes({"a1": [accused]}, {}, {ACCUSED: ("Kabul", "Islamabad")})
    assert report.location.total == 0
    assert "location_coverage" not in report.figures  # a share of nothing is no figure
    assert report.figures["location_coverage_checked"] == 0


def test_a_missing_factuality_is_counted():
    ev = event("AID")
    ev["factuality"] = None
    assert score_attributes({"a1": [ev]}, {}, {}).figures["factuality_share"] == 0.0


def test_quote_span_allows_for_whitespace():
    assert quote_span("a  b\nc d", "b c") == (3, 6)
    assert quote_span("abc", "zzz") is None and quote_span("abc", " ") is None


def gold(*entries):
    return GoldArticle(article=Article(text=TEXT, id="a1"), events=tuple(entries))


def test_agreement_uses_the_event_whose_evidence_overlaps_the_quote():
    quote = "accused Islamabad of strikes"
    entry = GoldEvent("ACCUSE", None, quote, ("AFG",), ("PAK",), "asserted")
    other = placed("ACCUSE", SAID, 0, sources=("USA",), confidence=0.99)
    right = placed("ACCUSE", ACCUSED, len(SAID) + 1, sources=("AFG",), targets=("PAK",))
    assert answering_event(TEXT, entry, [other, right]) is right
    shares = article_agreement([gold(entry)], {"a1": [other, right]})
    assert shares["factuality_agreement"].value == 1.0
    assert shares["actor_country_agreement"].value == 1.0
    assert shares["recipient_country_agreement"].value == 1.0


def test_agreement_counts_disagreements_and_unanswered_entries():
    hedged = GoldEvent("ACCUSE", None, ACCUSED, ("AFG",), ("PAK",), "hypothetical")
    unanswered = GoldEvent("CONSULT", None, "met the Taliban", ("PAK",), (), "asserted")
    wrong = placed("ACCUSE", ACCUSED, len(SAID) + 1, sources=("PAK",), targets=("AFG",))
    shares = article_agreement([gold(hedged, unanswered)], {"a1": [wrong]})
    assert (shares["gold_quotes_matched"].hit, shares["gold_quotes_matched"].total) == (1, 2)
    assert shares["factuality_agreement"].value == 0.0
    assert shares["actor_country_agreement"].value == 0.0


def test_sentence_location_agreement(gazetteer):
    def sentence(id_, loc):
        return GoldSentence(id_, "text", "ASSAULT", ("ASSAULT",), None, (), (), location=loc)

    golds = [sentence("s1", "province of Herat"), sentence("s2", "Khatmandu"),
             sentence("s3", "Kabul"), sentence("s4", None)]
    herat = event("ASSAULT", article_id="s1")
    herat["location"] = {"text": "Herat", "name": "Herat", "country": "AFG"}
    nepal = event("ASSAULT", article_id="s2")
    nepal["location"] = {"text": "Kathmandu", "name": "Kathmandu", "country": "NPL"}
    shares = sentence_location_agreement(golds, {"s1": [herat], "s2": [nepal]}, gazetteer)
    assert (shares["location_agreement"].hit, shares["location_agreement"].total) == (2, 3)
    assert gold_place_country("province of Herat", gazetteer) == "AFG"


def test_reports_carry_attribute_figures_when_given():
    ev = event("ACCUSE", ["USA"], article_id="a1")
    report = score_articles([gold()], {"a1": [ev]})
    assert "factuality_share" not in report.figures
    with_attributes = replace(report, attributes=score_attributes({"a1": [ev]}, {}, {}))
    assert with_attributes.figures["factuality_share"] == 1.0
    assert "attributes over 1 events" in with_attributes.render()
