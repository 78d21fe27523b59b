"""Which language is this text in? A function-word vote, no model needed.

Each language of ``data/text/function_words.tsv`` scores the number of its function words in the
text; the best score wins when it has at least ``_MIN_HITS`` words (below that a text is too
short to judge and is coded as English). English news prose has 35–50% of its words in the English
list, and other languages' lists share few words with it ("a", "in", "on", "is" …), so even a
25-word French sentence scores far higher in French. Texts mostly in a non-Latin script are not
English whatever their function words. Re-check tests/text and tests/ingest/test_language.py
when a list changes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_HITS = 4
_NON_LATIN_SHARE = 0.5


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    raw = resources.files("eventwire.data").joinpath("text/function_words.tsv")
    table = {}
    for line in raw.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, words = line.split("\t", 1)
            table[code.strip()] = frozenset(words.split())
    return table


def _non_latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c > "\u024f" for c in letters) / len(letters)


def language_scores(text: str) -> dict[str, int]:
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    return {code: sum(w in fw for w in words) for code, fw in _function_words().items()}


def detect_language(text: str) -> str | None:
    """'en', another ISO 639-1 code, 'und' (not English, language unknown), or None (too short)."""
    sample = text[:20_000]
    if _non_latin_share(sample) > _NON_LATIN_SHARE:
        return "und"
    scores = language_scores(sample)
    best = max(scores, key=lambda code: (scores[code], code == "en"))
    if scores[best] < _MIN_HITS:
        return None
    return best
