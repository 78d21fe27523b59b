"""Load a backfill directory into DuckDB, in one process (DuckDB has a single writer).

Only the shards of the latest plan are loaded, in reading order, each in one store transaction,
with its input errors. The store skips articles it already holds, so merging twice leaves the
same rows, and a merge after a resumed backfill adds only what is new.

Near-duplicates are decided here, not in the workers: whether a story is a copy depends on every
story read before it, which only one process in reading order knows. The decisions are those of
``eventwire ingest`` (see ``ingest.Ingestor``): a stored or repeated id becomes a report of
itself, a text within the ``text.dedup`` threshold of an indexed one becomes a report of that
one, anything else is stored with its events and indexed (``eventwire.stories`` decides, for
both). Workers computed the fingerprints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.backfill.manifest import read_plan
from eventwire.backfill.shardfile import read_shard_signed, shard_meta
from eventwire.records import CodedArticle, InputError
from eventwire.store import Store
from eventwire.stories import Stories
from eventwire.text.dedup import signature_from_bytes


@dataclass
class MergeSummary:
    db: str
    shards: int = 0  # in the plan
    merged: int = 0  # shard files loaded
    missing: list[str] = field(default_factory=list)  # planned shards without a complete file
    articles: int = 0  # read from the shard files
    new_articles: int = 0  # not in the store before
    new_events: int = 0
    duplicates: int = 0  # near-duplicate copies stored as reports of another article
    errors: int = 0  # input errors recorded in ``ingest_errors``

    @property
    def complete(self) -> bool:
        return not self.missing


def merge(
    out_dir: str | Path,
    db: str | Path,
    on_progress: Callable[[int, int], None] | None = None,
) -> MergeSummary:
    """Store every complete shard of ``out_dir`` in the database ``db``.

    Missing shards (failed, or not yet coded) are listed in the summary, not fatal: run the
    backfill again to code them, then merge again. ``on_progress(done, total)`` follows shards.
    """
    shards = read_plan(Path(out_dir))
    summary = MergeSummary(str(db), shards=len(shards))
    with Store.open(db) as store:
        dedup = Stories(store)
        for done, shard in enumerate(shards, start=1):
            meta = shard_meta(out_dir, shard.shard_id)
            if meta is None:
                summary.missing.append(shard.shard_id)
            else:
                _merge_shard(store, dedup, read_shard_signed(out_dir, shard.shard_id), meta, summary)
            if on_progress is not None:
                on_progress(done, len(shards))
    return summary


def _merge_shard(store: Store, dedup: Stories, signed, meta: dict, summary) -> None:
    def signature_of(position: int):
        raw = signed[position][1]
        return None if raw is None else signature_from_bytes(raw)

    split = dedup.split([coded.article for coded, _ in signed], signature_of)
    keep = [signed[i][0] for i in split.fresh]
    reports = split.reports
    written = store.write(keep, reports=reports, signatures=split.signatures)
    errors = [InputError(origin, message) for origin, message in meta["errors"]]
    store.record_errors(errors)
    summary.merged += 1
    summary.articles += len(signed)
    summary.new_articles += written.new_articles
    summary.new_events += written.new_events
    summary.duplicates += split.duplicates
    summary.errors += len(errors)
