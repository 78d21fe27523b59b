"""Readers for the two gold formats eventwire is scored against.

* **sentence gold** (PLOVER GSR style): one record per line with ``id``, ``text``, ``event``,
  ``event_acceptable``, ``sources`` and ``targets`` (lists of ``{"code": …}``).
* **article gold** (document level, NGEC-2025 protocol): one record per line with ``id`` and
  ``events`` (``event``, ``mode``, ``quote``, ``actor``, ``recipient``, ``factuality``). The
  article texts live in separate news JSONL files and are joined by ``id``; a gold record that
  carries its own ``text`` needs no news file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputFileError
from eventwire.records import Article

SENTENCE_FORMAT = "sentences"
ARTICLE_FORMAT = "articles"


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    event: str
    event_acceptable: tuple[str, ...]  # always contains ``event``
    mode: str | None
    sources: tuple[str, ...]  # gold actor codes: ISO alpha-3, or IGO/NGO/IMG
    targets: tuple[str, ...]
    location: str | None = None  # the gold ``event_loc`` ("Kabul", "province of Herat")


@dataclass(frozen=True)
class GoldEvent:
    event: str
    mode: str | None
    quote: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    factuality: str


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    events: tuple[GoldEvent, ...]  # one entry per type present (the clearest instance)


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputFileError(str(path), f"cannot read gold/news file ({err})") from err
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputFileError(f"{path}:{lineno}", f"not valid JSON ({err.msg})") from err
        if not isinstance(record, dict):
            raise InputFileError(f"{path}:{lineno}", "expected one JSON object per line")
        yield lineno, record


def detect_gold_format(path: Path) -> str:
    """``"sentences"`` or ``"articles"``, from the first record of the file."""
    path = Path(path)
    for lineno, record in _read_jsonl(path):
        if isinstance(record.get("events"), list):
            return ARTICLE_FORMAT
        if "text" in record and "event" in record:
            return SENTENCE_FORMAT
        raise InputFileError(
            f"{path}:{lineno}",
            "not a gold record: expected `events` (article gold) or `text` + `event` "
            "(sentence gold)",
        )
    raise InputFileError(str(path), "the gold file is empty")


def _codes(entities: Iterable[dict]) -> tuple[str, ...]:
    return tuple(e["code"] for e in entities if e.get("code"))


def read_sentence_gold(path: Path) -> list[GoldSentence]:
    path = Path(path)
    out: list[GoldSentence] = []
    for lineno, r in _read_jsonl(path):
        try:
            acceptable = tuple(r.get("event_acceptable") or ()) or (r["event"],)
            out.append(
                GoldSentence(
                    id=str(r["id"]),
                    text=r["text"],
                    event=r["event"],
                    event_acceptable=tuple(dict.fromkeys((r["event"], *acceptable))),
                    mode=r.get("mode"),
                    sources=_codes(r.get("sources") or ()),
                    targets=_codes(r.get("targets") or ()),
                    location=r.get("event_loc") or None,
                )
            )
        except (KeyError, TypeError) as err:
            raise InputFileError(f"{path}:{lineno}", f"sentence gold record lacks {err}") from err
    return out


def _published(value: object) -> date | None:
    # News files carry "2019-01-04" or "2025-03-14 20:30:26Z"; only the day matters for coding.
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _article_from(record: dict) -> Article:
    return Article(
        text=record["text"],
        id=str(record["id"]),
        title=record.get("title"),
        url=record.get("url"),
        published=_published(record.get("published")),
        outlet=record.get("outlet"),
    )


def read_news(paths: Iterable[Path]) -> dict[str, Article]:
    """Articles of news JSONL files by id (ids as strings; the first occurrence wins)."""
    found: dict[str, Article] = {}
    for path in paths:
        path = Path(path)
        for lineno, r in _read_jsonl(path):
            if "id" not in r or not isinstance(r.get("text"), str):
                raise InputFileError(f"{path}:{lineno}", "news record needs `id` and `text`")
            found.setdefault(str(r["id"]), _article_from(r))
    return found


def _gold_event(entry: dict) -> GoldEvent:
    return GoldEvent(
        event=entry["event"],
        mode=entry.get("mode"),
        quote=entry.get("quote") or "",
        actor=tuple(entry.get("actor") or ()),
        recipient=tuple(entry.get("recipient") or ()),
        factuality=entry.get("factuality") or "asserted",
    )


def read_article_gold(path: Path, news_paths: Iterable[Path] = ()) -> list[GoldArticle]:
    """Gold articles joined with their texts from ``news_paths`` (or the record's own ``text``)."""
    path = Path(path)
    news_paths = list(news_paths)
    news = read_news(news_paths)
    out: list[GoldArticle] = []
    for lineno, r in _read_jsonl(path):
        try:
            doc_id = str(r["id"])
            article = _article_from(r) if isinstance(r.get("text"), str) else news.get(doc_id)
            if article is None:
                searched = ", ".join(str(p) for p in news_paths) or "no news file"
                raise InputFileError(
                    f"{path}:{lineno}",
                    f"no text for article {doc_id!r} (searched {searched}); "
                    "pass the news JSONL that holds it",
                )
            events = tuple(_gold_event(e) for e in r["events"])
        except (KeyError, TypeError) as err:
            raise InputFileError(f"{path}:{lineno}", f"article gold record lacks {err}") from err
        out.append(GoldArticle(article=article, events=events))
    return out


def default_news_paths(gold_path: Path) -> list[Path]:
    """News files next to the gold set: ``<gold dir>/../news/*.jsonl``, the shared-data layout."""
    news_dir = Path(gold_path).resolve().parent.parent / "news"
    return sorted(news_dir.glob("*.jsonl")) if news_dir.is_dir() else []
