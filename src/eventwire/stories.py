"""Which articles are new stories, and which are further reports of stories already stored.

One decision, shared by ``ingest`` and ``backfill.merge`` so that both fill the store alike:
in reading order, an article whose id is stored (or was seen earlier) is a report of itself; an
article whose fingerprint is within the ``text.dedup`` threshold of an indexed story is a report
of that story (a syndicated copy); anything else is a new story, indexed so later copies find it.
The index is rebuilt from the store's fingerprints when a run starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from eventwire.records import Article
from eventwire.store import Store
from eventwire.store.reports import Report
from eventwire.text.dedup import NearDuplicateIndex, signature_bytes


@dataclass
class StorySplit:
    fresh: list[int] = field(default_factory=list)  # positions of new stories, in order
    reports: list[Report] = field(default_factory=list)
    signatures: dict[str, bytes] = field(default_factory=dict)  # of the new stories

    @property
    def duplicates(self) -> int:
        """Reports that are copies of another story (not re-reads of the same id)."""
        return sum(1 for r in self.reports if r.article_id != r.copy.id)


class Stories:
    """The store's near-duplicate index, fed in reading order."""

    def __init__(self, store: Store):
        self.store = store
        self.index = NearDuplicateIndex.from_signatures(store.signatures())

    def split(
        self,
        articles: Sequence[Article],
        signature_of: Callable[[int], np.ndarray | None],
    ) -> StorySplit:
        """Decide each article; ``signature_of(position)`` is asked only for unseen ids."""
        known = self.store.known_ids(a.id for a in articles)
        out = StorySplit()
        for position, article in enumerate(articles):
            if article.id in known:
                out.reports.append(Report(article.id, article))
                continue
            known.add(article.id)
            signature = signature_of(position)
            if signature is not None:
                found = self.index.match(signature)
                if found is not None:
                    out.reports.append(Report(found[0], article, round(found[1], 3)))
                    continue
                self.index.add(article.id, signature)
                out.signatures[article.id] = signature_bytes(signature)
            out.fresh.append(position)
        return out

    def discard(self, article_id: str) -> None:
        """Forget a story that was not stored after all, so later copies do not point to it."""
        self.index.discard(article_id)
