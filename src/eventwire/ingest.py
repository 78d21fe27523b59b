"""ingest(): read inputs, code the articles not stored yet, store each batch in one transaction.

Bad input never raises: each problem becomes an ``InputError`` in the summary and in the
``ingest_errors`` table, and the rest of the batch is stored. Only an unusable database (or a
broken installation) raises, as an ``EventwireError``.

Each story is coded once. An article whose id is stored is not coded again; an article whose
text is a near-duplicate of a stored one (a syndicated copy: another outlet or URL, small edits;
see ``text/dedup.py``) is stored as another *report* of that article, not as new events. The
near-duplicate index is rebuilt from the store's ``minhash`` table when a run starts, and its
new fingerprints are written in the same transaction as their articles, so a crash can never
leave the index and the articles out of step.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

from eventwire.coding import Coder, code_isolated
from eventwire.records import Article, IngestSummary, InputError
from eventwire.sources import FetchPolicy, ReadContext, read_inputs
from eventwire.store import Store
from eventwire.stories import Stories
from eventwire.text.dedup import fingerprint

T = TypeVar("T")


def ingest(
    inputs: Sequence[str],
    db: Path,
    default_date: date | None = None,
    coder: Coder | None = None,
    batch_size: int = 64,
    on_progress: Callable[[int], None] | None = None,
    stdin: TextIO | None = None,
    allow_private: bool = False,
    mapping: Mapping[str, str] | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` (URLs, feeds, paths, directories, ``-``) into the store at ``db``.

    ``allow_private`` lets URLs reach loopback and private addresses (refused by default);
    ``fetch_policy`` sets every other fetching default (it wins over ``allow_private``).
    ``mapping`` names the JSONL/CSV columns of article fields (``{"text": "body"}``).
    ``on_progress`` is called after each batch with the number of inputs it handled (articles
    and errors), for a progress bar. Raises StoreError when the database cannot be used.
    """
    policy = fetch_policy or FetchPolicy(allow_private=allow_private)
    with Store.open(db) as store, ReadContext(dict(mapping or {}), policy) as ctx:
        run = Ingestor(store, coder, batch_size)
        for chunk in chunks(read_inputs(inputs, default_date, stdin, ctx), batch_size):
            run.ingest_chunk(chunk)
            if on_progress is not None:
                on_progress(len(chunk))
    return run.summary


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, max(size, 1))):
        yield chunk


class Ingestor:
    """One run against an open store: the near-duplicate index, the coder and the summary."""

    def __init__(
        self,
        store: Store,
        coder: Coder | None = None,
        batch_size: int = 64,
        summary: IngestSummary | None = None,
    ):
        self.store = store
        self.coder = coder
        self.batch_size = batch_size
        self.summary = summary if summary is not None else IngestSummary()
        self.stories = Stories(store)

    def ingest_chunk(
        self, chunk: Sequence[Article | InputError], seen_items: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Code and store one batch in one transaction; ``seen_items`` are marked with it."""
        summary = self.summary
        errors = [item for item in chunk if isinstance(item, InputError)]
        articles = [item for item in chunk if isinstance(item, Article)]
        summary.read += len(articles)
        split = self.stories.split(articles, lambda i: fingerprint(articles[i].text))
        reports, signatures = split.reports, split.signatures
        originals = [articles[i] for i in split.fresh]
        coded, failures = code_isolated(originals, self.coder, self.batch_size)
        for article_id in failures:
            self.stories.discard(article_id)  # not stored: later copies must not point to it
        errors += list(failures.values())
        self.store.record_errors(errors)
        summary.errors.extend(errors)
        summary.failed += len(errors)
        stored = {c.article.id for c in coded}
        result = self.store.write(
            coded,
            reports=[r for r in reports if r.article_id not in failures],
            signatures={k: v for k, v in signatures.items() if k in stored},
            seen_items=seen_items,
        )
        self._count(coded, reports, result, len(reports) - split.duplicates)

    def _count(self, coded, reports, result, repeats: int) -> None:
        summary = self.summary
        duplicates = sum(1 for r in reports if r.article_id != r.copy.id)
        # Articles the text stage declined (e.g. not English) are stored with their reason, so a
        # rerun skips them, but they count as skipped, not as stored.
        declined = [c for c in coded if c.skipped_reason]
        not_coded = len(declined)
        summary.not_coded += [
            (c.article.origin or c.article.id, c.skipped_reason)
            for c in declined
        ]
        summary.duplicates += duplicates
        summary.new_reports += result.new_reports
        summary.skipped += repeats + duplicates + not_coded + result.already_stored
        summary.stored_articles += max(result.new_articles - not_coded, 0)
        summary.stored_events += result.new_events
