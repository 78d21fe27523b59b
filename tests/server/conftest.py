from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from analysis.sample import build_store  # tests/analysis/sample.py: the hand-made store
from eventwire.server import create_app

TOKEN = "test-token"


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("server") / "sample.duckdb")


@pytest.fixture(scope="session")
def client(db):
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c
