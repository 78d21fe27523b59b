"""Is this text English? A cheap function-word test, no model needed.

English news prose has 35–50% of its words in the shipped function-word list; French, Spanish,
German and Portuguese prose has under 10% (they share only "a", "in", "on", "is"…). The threshold
sits well between. Texts of under 30 words to judge are treated as English and coded.
Re-check with tests/text/test_language.py when the word list changes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Below this many words a sentence can hold few function words by chance ("Troops shelled
# Kharkiv overnight"), so short texts are never skipped as foreign.
_MIN_WORDS = 30
_MIN_SHARE = 0.15


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    raw = resources.files("eventwire.data").joinpath("text/english_function_words.txt")
    return frozenset(
        line.strip() for line in raw.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")
    )


def english_share(text: str) -> tuple[float, int]:
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return 0.0, 0
    fw = _function_words()
    return sum(w in fw for w in words) / len(words), len(words)


def detect_language(text: str) -> str | None:
    """'en' for English, 'und' for text that is not English; None when too short to judge."""
    share, n = english_share(text)
    if n < _MIN_WORDS:
        return None
    return "en" if share >= _MIN_SHARE else "und"
