"""Reports: each place a story was read (the article itself, or a syndicated copy of it)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from eventwire.records import Article

REPORT_COLUMNS = pa.schema(
    [
        ("report_id", pa.string()), ("article_id", pa.string()), ("copy_id", pa.string()),
        ("url", pa.string()), ("outlet", pa.string()), ("title", pa.string()),
        ("published", pa.date32()), ("origin", pa.string()), ("similarity", pa.float64()),
        ("first_seen", pa.timestamp("us")),
    ]
)  # fmt: skip


def report_id(article_id: str, copy_id: str, url: str | None) -> str:
    """Same formula as the v2 migration's SQL: sha256 of ``article|copy|url``, 20 hex digits."""
    key = f"{article_id}|{copy_id}|{url or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Report:
    """``copy`` was read and is (a near-duplicate of) the stored article ``article_id``."""

    article_id: str
    copy: Article
    similarity: float = 1.0

    @property
    def id(self) -> str:
        return report_id(self.article_id, self.copy.id, self.copy.url)


def own_report(article: Article) -> Report:
    return Report(article.id, article)


def report_rows(reports: Sequence[Report], now: datetime) -> pa.Table:
    rows = {}
    for r in reports:
        a = r.copy
        rows.setdefault(r.id, {
            "report_id": r.id, "article_id": r.article_id, "copy_id": a.id, "url": a.url,
            "outlet": a.outlet, "title": a.title, "published": a.published,
            "origin": a.origin, "similarity": r.similarity, "first_seen": now,
        })  # fmt: skip
    return pa.Table.from_pylist(list(rows.values()), schema=REPORT_COLUMNS)

