"""Publisher boilerplate (disclaimers, legal notices, share/subscribe lines, credits, footers).

The patterns live in ``data/text/boilerplate.json``; this module only applies them. A paragraph
is dropped whole when an ``anywhere`` pattern matches it, or when a ``trailing`` pattern matches
it among the last ``trailing_window`` paragraphs. A footer is contiguous: once a trailing
paragraph is boilerplate, the paragraphs after it are dropped too when they are short.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import ConfigError

# Paragraphs after a detected footer paragraph are dropped only when shorter than this: a long
# paragraph after a footer is more likely a real article body glued after an ad slot.
_FOOTER_TAIL_MAX_CHARS = 400


@dataclass(frozen=True)
class BoilerplateRules:
    anywhere: tuple[re.Pattern, ...]
    trailing: tuple[re.Pattern, ...]
    trailing_window: int

    @classmethod
    def from_json(cls, raw: str, origin: str) -> BoilerplateRules:
        try:
            data = json.loads(raw)
            return cls(
                anywhere=tuple(re.compile(p, re.I | re.M) for p in data["anywhere"]),
                trailing=tuple(re.compile(p, re.I | re.M) for p in data["trailing"]),
                trailing_window=int(data.get("trailing_window", 4)),
            )
        except (ValueError, KeyError, TypeError, re.error) as err:
            raise ConfigError(f"{origin}: invalid boilerplate rules: {err}") from err


@lru_cache(maxsize=None)
def load_rules(path: Path | None = None) -> BoilerplateRules:
    if path is None:
        raw = resources.files("eventwire.data").joinpath("text/boilerplate.json").read_text("utf-8")
        return BoilerplateRules.from_json(raw, "data/text/boilerplate.json")
    return BoilerplateRules.from_json(Path(path).read_text("utf-8"), str(path))


def boilerplate_flags(paragraphs: list[str], rules: BoilerplateRules) -> list[bool]:
    """One flag per paragraph: True when it is boilerplate."""
    n = len(paragraphs)
    flags = [any(p.search(text) for p in rules.anywhere) for text in paragraphs]
    first_tail = max(0, n - rules.trailing_window)
    for i in range(first_tail, n):
        if not flags[i] and any(p.search(paragraphs[i]) for p in rules.trailing):
            flags[i] = True
    # Footer continuation: in the trailing window, short paragraphs after boilerplate go too.
    for i in range(max(first_tail, 1), n):
        if flags[i - 1] and not flags[i] and len(paragraphs[i]) <= _FOOTER_TAIL_MAX_CHARS:
            if i >= n - rules.trailing_window:
                flags[i] = True
    return flags
