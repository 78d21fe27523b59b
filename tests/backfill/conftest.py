"""A real Dask cluster for driver tests, in-process (threads) so it starts in about a second
and the spaCy model, when a test needs it, is loaded once for the session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def dask_client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
