"""Resolving date expressions against a publication date (pure; no spaCy model)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.attributes import resolve_expression

WEDNESDAY = date(2025, 10, 22)


@pytest.mark.parametrize(("text", "future", "expected", "granularity"), [
    ("Friday", True, date(2025, 10, 24), "day"),        # the coming Friday for a future event
    ("Friday", False, date(2025, 10, 17), "day"),       # the past Friday for a past event
    ("on Wednesday", False, WEDNESDAY, "day"),  # the publication's own weekday: that day
    ("on Wednesday", True, WEDNESDAY, "day"),
    ("last Wednesday", False, date(2025, 10, 15), "day"),
    ("next Wednesday", False, date(2025, 10, 29), "day"),
    ("next Monday", False, date(2025, 10, 27), "day"),
    ("last Monday", True, date(2025, 10, 20), "day"),
    ("today", False, WEDNESDAY, "day"),
    ("later today", False, WEDNESDAY, "day"),
    ("yesterday", False, date(2025, 10, 21), "day"),
    ("tomorrow", False, date(2025, 10, 23), "day"),
    ("last week", False, date(2025, 10, 13), "week"),   # weeks are dated by their Monday
    ("next week", False, date(2025, 10, 27), "week"),
    ("next month", False, date(2025, 11, 1), "month"),
    ("last year", False, date(2024, 1, 1), "year"),
    ("on 3 March", False, date(2025, 3, 3), "day"),
    ("on 3 March", True, date(2026, 3, 3), "day"),      # a future 3 March lies after publication
    ("March 3, 2024", False, date(2024, 3, 3), "day"),
    ("3rd of March 2024", False, date(2024, 3, 3), "day"),
    ("in 2021", False, date(2021, 1, 1), "year"),
    ("December", False, date(2024, 12, 1), "month"),    # a past December before an October date
    ("two days ago", False, date(2025, 10, 20), "day"),
    ("2024-02-29", False, date(2024, 2, 29), "day"),
])
def test_expressions_resolve_against_publication(text, future, expected, granularity):
    info = resolve_expression(text, WEDNESDAY, future=future)
    assert (info.date, info.granularity, info.type) == (expected, granularity, "exact")
    assert info.text == text


@pytest.mark.parametrize(("text", "granularity"), [
    ("earlier this month", "month"), ("late March", "month"), ("early 2021", "year"), ("over the weekend", "day"),
])
def test_vague_expressions_are_approximate(text, granularity):
    info = resolve_expression(text, WEDNESDAY)
    assert (info.granularity, info.type) == (granularity, "approximate")
    assert info.date is not None


def test_weekend_is_dated_by_its_saturday():
    assert resolve_expression("this weekend", WEDNESDAY, future=True).date == date(2025, 10, 25)
    assert resolve_expression("last weekend", WEDNESDAY).date == date(2025, 10, 18)


@pytest.mark.parametrize("text", ["Friday", "later today", "last week", "next month", "on 3 March"])
def test_relative_expressions_stay_unresolved_without_publication_date(text):
    info = resolve_expression(text, None, future=True)
    assert (info.text, info.date, info.type) == (text, None, "unresolved")


def test_absolute_dates_need_no_publication_date():
    assert resolve_expression("March 3, 2024", None).date == date(2024, 3, 3)
    assert resolve_expression("in 2021", None).granularity == "year"


@pytest.mark.parametrize("text", ["the coming days", "recent times", "May"])
def test_expressions_without_a_date_are_unresolved(text):
    assert resolve_expression(text, WEDNESDAY).type == "unresolved"


def test_impossible_dates_are_unresolved():
    assert resolve_expression("31 February 2024", WEDNESDAY).date is None
