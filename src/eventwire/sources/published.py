"""Publication dates as sources give them: keep the calendar date, drop the time of day."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime


def parse_published(value: object) -> date | None:
    """A date from an ISO date, an ISO datetime or an RFC 2822 date (feeds); None if unreadable.

    The time of day and zone are dropped on purpose: events are dated to the day, and shifting a
    timestamp to UTC would move evening reports to the next day.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
