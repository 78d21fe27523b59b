"""CodedArticle <-> JSON, exactly: decoding what was encoded gives an equal record.

Shard files carry each coded article as one JSON document so that ``merge`` hands the store the
very records a single-process ingest would (offsets, actor spans and all), not a lossy copy.
Decoding follows the type hints of ``eventwire.records``, so a field added there round-trips
without a change here; the round-trip test in tests/backfill/ fails if a type needs a new case.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date, datetime
from typing import Any

from eventwire.records import CodedArticle


def encode(coded: CodedArticle) -> str:
    return json.dumps(dataclasses.asdict(coded), default=_default, ensure_ascii=False)


def decode(text: str) -> CodedArticle:
    return _build(CodedArticle, json.loads(text))


def _default(value: object) -> str:
    # datetime before date: a datetime is a date too, and must come back as one.
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} in a shard file")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(cls: type, data: dict) -> Any:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    return cls(**{k: _value(hints[k], v) for k, v in data.items() if k in names})


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(hint), value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v) for v in value)
        return tuple(_value(a, v) for a, v in zip(args, value))
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if hint is date:
        # Published dates may carry a time of day when a source keeps one.
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value


def _union(options: tuple, value: Any) -> Any:
    real = [o for o in options if o is not type(None)]
    if len(real) == 1:
        return _value(real[0], value)
    for option in real:  # e.g. ``str | int``: keep the value as JSON gave it
        if isinstance(value, typing.get_origin(option) or option):
            return value
    return value
