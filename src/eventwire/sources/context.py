"""What every reader may need besides its input: a column mapping and a (lazy) fetcher."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from eventwire.sources.fetch import Fetcher, FetchPolicy


@dataclass
class ReadContext:
    """Options shared by the readers of one run. Close it (or use ``with``) to free the client.

    ``mapping`` maps article fields to the input's column names (``{"text": "body"}``) for
    JSONL and CSV. The fetcher is created on first use, so reading local files opens no client.
    """

    mapping: Mapping[str, str] = field(default_factory=dict)
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    _fetcher: Fetcher | None = None

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.policy)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def __enter__(self) -> ReadContext:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
