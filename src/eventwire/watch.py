"""watch(): poll feeds, ingest the items never seen before, remember them across restarts.

Each poll fetches every due feed, drops the items whose key (guid, else link) the store's
``feed_items`` table already holds, fetches and codes the rest through the same ``Ingestor`` as
``ingest()``, and marks the items seen in the transaction that stores them. A crash therefore
loses nothing and duplicates nothing: unmarked items are fetched again and their articles, if
already stored, are recognised by id. Items that failed for a reason that may pass (timeouts,
5xx) stay unmarked and are tried at the next poll; the others are marked and logged once.

A feed that fails (unreachable, not a feed) is polled again after a delay that doubles with each
consecutive failure (capped by ``max_backoff``), so a dead feed is not hammered.

The store is opened per poll and closed between polls, so other commands can read it meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.coding import Coder
from eventwire.ingest import Ingestor, chunks
from eventwire.records import IngestSummary, InputError
from eventwire.sources import FeedItem, Fetcher, FetchPolicy, item_article, parse_feed
from eventwire.sources.fetch import is_retryable
from eventwire.store import Store

DEFAULT_EVERY = 15 * 60
# A feed failing for a day is most likely gone; polling it every six hours still notices when
# it comes back without flooding the log.
MAX_BACKOFF = 6 * 3600


@dataclass
class FeedState:
    failures: int = 0
    next_due: float = 0.0


@dataclass
class PollResult:
    """What one poll of one feed did."""

    feed: str
    new_items: int = 0
    error: InputError | None = None


@dataclass
class WatchResult:
    polls: int = 0
    summary: IngestSummary = field(default_factory=IngestSummary)
    results: list[PollResult] = field(default_factory=list)


def backoff_delay(every: float, failures: int, cap: float = MAX_BACKOFF) -> float:
    """Seconds to wait before polling a feed again after ``failures`` failures in a row."""
    if failures <= 0:
        return every
    return min(every * 2**failures, max(cap, every))


def watch(
    feeds: Sequence[str],
    db: Path,
    every_seconds: float = DEFAULT_EVERY,
    iterations: int | None = None,
    allow_private: bool = False,
    coder: Coder | None = None,
    batch_size: int = 64,
    fetch_policy: FetchPolicy | None = None,
    on_poll: Callable[[PollResult], None] | None = None,
    max_backoff: float = MAX_BACKOFF,
) -> WatchResult:
    """Poll ``feeds`` every ``every_seconds`` (forever when ``iterations`` is None).

    Returns after ``iterations`` rounds; each round polls the feeds that are due. Raises
    StoreError when the database cannot be used; feed and item problems are only reported.
    """
    policy = fetch_policy or FetchPolicy(allow_private=allow_private)
    states = {feed: FeedState() for feed in dict.fromkeys(feeds)}
    result = WatchResult()
    with Fetcher(policy) as fetcher:
        while iterations is None or result.polls < iterations:
            due = [f for f, s in states.items() if s.next_due <= time.monotonic()]
            with Store.open(db) as store:
                run = Ingestor(store, coder, batch_size, summary=result.summary)
                for feed in due:
                    polled = _poll(feed, fetcher, run, batch_size)
                    _schedule(states[feed], polled, every_seconds, max_backoff)
                    result.results.append(polled)
                    if on_poll is not None:
                        on_poll(polled)
            result.polls += 1
            if iterations is None or result.polls < iterations:
                _sleep_until(min(s.next_due for s in states.values()))
    return result


def _schedule(state: FeedState, polled: PollResult, every: float, cap: float) -> None:
    state.failures = state.failures + 1 if polled.error else 0
    state.next_due = time.monotonic() + backoff_delay(every, state.failures, cap)


def _sleep_until(moment: float) -> None:
    delay = moment - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def _poll(feed: str, fetcher: Fetcher, run: Ingestor, batch_size: int) -> PollResult:
    items = _feed_items(feed, fetcher)
    if isinstance(items, InputError):
        run.store.record_errors([items])
        run.summary.errors.append(items)
        run.summary.failed += 1
        return PollResult(feed, error=items)
    seen = run.store.seen_items(feed)
    new = [item for item in items if item.key not in seen]
    for chunk in chunks(new, batch_size):
        read = [(item, item_article(item, fetcher)) for item in chunk]
        marks = [
            (feed, item.key)
            for item, got in read
            if not (isinstance(got, InputError) and is_retryable(got))
        ]
        run.ingest_chunk([got for _, got in read], seen_items=marks)
    return PollResult(feed, new_items=len(new))


def _feed_items(feed: str, fetcher: Fetcher) -> list[FeedItem] | InputError:
    fetched = fetcher.get(feed)
    if isinstance(fetched, InputError):
        return fetched
    return parse_feed(feed, fetched.body)
