"""ingest(): read inputs, code the articles not stored yet, store each batch in one transaction.

Bad input never raises: each problem becomes an ``InputError`` in the summary and in the
``ingest_errors`` table, and the rest of the batch is stored. Only an unusable database (or a
broken installation) raises, as an ``EventwireError``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

from eventwire.coding import Coder, code_article, code_articles, default_coder
from eventwire.errors import ConfigError
from eventwire.records import Article, CodedArticle, IngestSummary, InputError
from eventwire.sources import read_inputs
from eventwire.store import Store

T = TypeVar("T")


def ingest(
    inputs: Sequence[str],
    db: Path,
    default_date: date | None = None,
    coder: Coder | None = None,
    batch_size: int = 64,
    on_progress: Callable[[int], None] | None = None,
    stdin: TextIO | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` (paths, directories, ``-``) into the store at ``db``.

    ``on_progress`` is called after each batch with the number of inputs it handled (articles
    and errors), for a progress bar. Raises StoreError when the database cannot be used.
    """
    summary = IngestSummary()
    with Store.open(db) as store:
        for chunk in _chunks(read_inputs(inputs, default_date, stdin), batch_size):
            _ingest_chunk(store, chunk, coder, batch_size, summary)
            if on_progress is not None:
                on_progress(len(chunk))
    return summary


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, max(size, 1))):
        yield chunk


def _ingest_chunk(
    store: Store,
    chunk: list[Article | InputError],
    coder: Coder | None,
    batch_size: int,
    summary: IngestSummary,
) -> None:
    errors = [item for item in chunk if isinstance(item, InputError)]
    articles = [item for item in chunk if isinstance(item, Article)]
    summary.read += len(articles)
    fresh = _not_stored(store, articles)
    summary.skipped += len(articles) - len(fresh)
    coded, failures = _code(fresh, coder, batch_size)
    errors += failures
    store.record_errors(errors)
    summary.errors.extend(errors)
    summary.failed += len(errors)
    result = store.write(coded)
    # Articles the text stage declined (e.g. not English) are stored with their reason, so a
    # rerun skips them, but they count as skipped, not as stored.
    not_coded = sum(1 for c in coded if c.skipped_reason)
    summary.skipped += not_coded + result.already_stored
    summary.stored_articles += max(result.new_articles - not_coded, 0)
    summary.stored_events += result.new_events


def _not_stored(store: Store, articles: list[Article]) -> list[Article]:
    """Articles neither stored nor repeated earlier in the batch: only these are coded."""
    seen = store.known_ids(a.id for a in articles)
    fresh = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            fresh.append(article)
    return fresh


def _code(
    articles: list[Article], coder: Coder | None, batch_size: int
) -> tuple[list[CodedArticle], list[InputError]]:
    """Code a batch; if one article breaks it, code one by one so only that article is lost."""
    if not articles:
        return [], []
    # Loaded outside the guard below: a coder that cannot load is a broken installation, not a
    # bad article, and must stop the run instead of failing every article one by one.
    coder = coder or default_coder()
    try:
        return list(code_articles(articles, coder=coder, batch_size=batch_size)), []
    except ConfigError:
        raise  # the installation or a data file is broken: every article would fail alike
    except Exception:  # noqa: BLE001 - isolate the article below
        pass
    coded: list[CodedArticle] = []
    errors: list[InputError] = []
    for article in articles:
        try:
            coded.append(code_article(article, coder=coder))
        except ConfigError:
            raise
        except Exception as err:  # noqa: BLE001 - one article must not stop the batch
            errors.append(
                InputError(
                    article.origin or article.id,
                    f"coding failed ({type(err).__name__}: {_one_line(err)}); please report "
                    "this article as an eventwire bug",
                )
            )
    return coded, errors


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())[:200]
