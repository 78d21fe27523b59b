"""JSON lines: one article per line. A bad line is reported and the next line is read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

from eventwire.records import Article, InputError
from eventwire.sources.decoding import MAX_ARTICLE_BYTES, binary_error, decode
from eventwire.sources.mapping import remap
from eventwire.sources.published import parse_published

# Optional string fields copied as they are; an empty string counts as absent.
_OPTIONAL = ("title", "url", "outlet", "author", "language")


def articles_from_lines(
    origin: str,
    lines: Iterable[bytes],
    default_date: date | None = None,
    first_line: int = 1,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[Article | InputError]:
    """Articles of a JSONL stream; an empty stream is one error.

    ``first_line`` numbers the first line given, for callers that read a file in parts;
    ``mapping`` names the columns that hold the article fields (``{"text": "body"}``).
    """
    seen_any = False
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        seen_any = True
        yield _article_from_line(origin, number, raw, default_date, mapping or {})
    if not seen_any:
        yield InputError(origin, "empty file; add one JSON object per line or remove the file")


def _article_from_line(
    origin: str, number: int, raw: bytes, default_date: date | None, mapping: Mapping[str, str]
) -> Article | InputError:
    where = f"{origin}:{number}"
    if len(raw) > MAX_ARTICLE_BYTES:
        return InputError(where, "line over 5 MB; not one article, split it or remove it")
    problem = binary_error(origin, raw, first_line=number)
    if problem is not None:
        return problem
    text = decode(origin, raw, first_line=number)
    if isinstance(text, InputError):
        return text
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        return InputError(
            where, f"malformed JSON ({err.msg} at column {err.colno}); fix or remove this line"
        )
    if not isinstance(record, dict):
        return InputError(where, 'expected a JSON object like {"text": "..."} on this line')
    return article_from_record(where, remap(record, mapping), default_date)


def article_from_record(
    where: str, record: dict, default_date: date | None = None
) -> Article | InputError:
    """An Article from one decoded record (``text`` required; ``id`` defaults to the text hash)."""
    text = record.get("text")
    if not isinstance(text, str):
        what = "no" if text is None else "a non-string"
        return InputError(where, f'{what} "text" field; each line needs {{"text": "..."}}')
    if not text.strip():
        return InputError(where, '"text" is empty; give the article text or remove this line')
    published = record.get("published")
    day = parse_published(published)
    if published not in (None, "") and day is None:
        return InputError(
            where, f'"published" is not a date ({published!r}); use YYYY-MM-DD or ISO 8601'
        )
    ident = record.get("id")
    fields = {key: _optional_str(record.get(key)) for key in _OPTIONAL}
    return Article(
        text=text,
        id=str(ident) if ident not in (None, "") else "",
        published=day or default_date,
        origin=where,
        **fields,
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
