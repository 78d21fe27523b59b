"""Fixtures of the events tests. ``nlp`` loads the spaCy model once per session (model files only)."""

from __future__ import annotations

import pytest

from eventwire.events import EventCoder


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    return EventCoder.load([])
