"""Column mappings: read JSONL and CSV whose columns are named otherwise (``text=body``)."""

from __future__ import annotations

from collections.abc import Mapping

from eventwire.errors import ConfigError

# The article fields a mapping may name, as in the JSONL input format.
FIELDS = ("id", "text", "title", "url", "published", "outlet", "author", "language")


def parse_mapping(spec: str | None) -> dict[str, str]:
    """``"text=body,published=date"`` -> ``{"text": "body", "published": "date"}``.

    Raises ConfigError naming the bad part, so ``--map`` fails before anything is read.
    """
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, sep, column = (s.strip() for s in part.partition("="))
        if not sep or not name or not column:
            raise ConfigError(
                f"column mapping {part.strip()!r}: write FIELD=COLUMN, e.g. text=body"
            )
        if name not in FIELDS:
            raise ConfigError(
                f"column mapping {part.strip()!r}: unknown field {name!r}; use {', '.join(FIELDS)}"
            )
        mapping[name] = column
    return mapping


def remap(record: Mapping[str, object], mapping: Mapping[str, str]) -> dict[str, object]:
    """The record with each mapped field taken from its column (unmapped fields as they are)."""
    if not mapping:
        return dict(record)
    out = {k: v for k, v in record.items() if k not in mapping}
    for name, column in mapping.items():
        out[name] = record.get(column)
    return out
