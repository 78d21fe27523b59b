"""Fixtures of the actors tests: the spaCy pipeline and the shipped dictionary, once per session."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorDictionary


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load([])
