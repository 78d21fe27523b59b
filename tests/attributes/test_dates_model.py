"""resolve_date() on parsed sentences (loads the spaCy model)."""

from __future__ import annotations

from datetime import date

from eventwire.attributes import resolve_date

WEDNESDAY = date(2025, 10, 22)


def test_seed_friday_is_the_coming_friday(seed_doc, candidate):
    info = resolve_date(seed_doc, candidate(seed_doc, "negotiations"), WEDNESDAY)
    assert (info.text, info.date, info.granularity, info.type) == ("Friday", date(2025, 10, 24), "day", "exact")


def test_seed_friday_stays_relative_without_publication_date(seed_doc, candidate):
    info = resolve_date(seed_doc, candidate(seed_doc, "negotiations"), None)
    assert (info.text, info.date, info.type) == ("Friday", None, "unresolved")


def test_seed_later_today(seed_doc, candidate):
    info = resolve_date(seed_doc, candidate(seed_doc, "meet"), WEDNESDAY)
    assert (info.text, info.date) == ("later today", WEDNESDAY)


def test_past_event_on_friday_is_the_past_friday(nlp, candidate):
    doc = nlp("Gunmen attacked a police station on Friday.")
    info = resolve_date(doc, candidate(doc, "attacked", event="ASSAULT"), WEDNESDAY)
    assert info.date == date(2025, 10, 17)


def test_the_date_attached_to_the_trigger_wins(nlp, candidate):
    doc = nlp("Relations have been tense since 2021, and the two ministers met in Ankara last week.")
    info = resolve_date(doc, candidate(doc, "met"), WEDNESDAY)
    assert (info.text, info.granularity) == ("last week", "week")


def test_no_expression_past_event_takes_publication_date(nlp, candidate):
    doc = nlp("Rebels shelled the airport.")
    info = resolve_date(doc, candidate(doc, "shelled", event="ASSAULT"), WEDNESDAY)
    assert (info.text, info.date, info.type) == (None, WEDNESDAY, "approximate")


def test_no_expression_future_event_stays_undated(nlp, candidate):
    doc = nlp("The leaders will meet to discuss the crisis.")
    info = resolve_date(doc, candidate(doc, "meet"), WEDNESDAY)
    assert info.date is None and info.type == "unresolved"


def test_absolute_date_in_sentence(nlp, candidate):
    doc = nlp("The two countries signed the treaty on March 3, 2024.")
    info = resolve_date(doc, candidate(doc, "signed", event="AGREE"), None)
    assert (info.date, info.type) == (date(2024, 3, 3), "exact")
