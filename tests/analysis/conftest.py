from __future__ import annotations

import pytest

from eventwire.store import Store

from .sample import build_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("analysis") / "sample.duckdb")


@pytest.fixture
def store(store_path):
    with Store.open(store_path, read_only=True) as opened:
        yield opened
