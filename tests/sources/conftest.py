"""Fixtures of the sources tests: a real HTTP server on 127.0.0.1, fresh per test."""

from __future__ import annotations

import pytest

from sources.loopback import LoopbackServer


@pytest.fixture
def server():
    with LoopbackServer() as srv:
        yield srv
