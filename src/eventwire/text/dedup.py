"""Near-duplicate articles: MinHash fingerprints of word shingles, an LSH index to find them.

A syndicated wire story reappears under other outlets and URLs with small edits (a headline, a
byline, a dateline, a trimmed last paragraph). Counting it once means recognising it: two texts
are near-duplicates when the Jaccard similarity of their sets of word 4-grams is at least
``THRESHOLD``. The index holds fingerprints only (``num_perm`` 64-bit integers per article), so
it can be rebuilt from the store on start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)

NUM_PERM = 128
SHINGLE = 4
# Stored signatures are only comparable under the same hashing; changing SCHEME, SEED, NUM_PERM
# or SHINGLE needs the ``minhash`` table emptied and re-filled (a store migration).
SCHEME = "affine64"
SEED = 1
# Calibration: a copy with a changed headline, byline, dateline and one rewritten sentence in a
# 300-word story keeps ~0.8 of its 4-grams; two different stories on the same event (same
# names, places, quotes) share under 0.15. 0.5 sits between with room on both sides, and LSH at
# 128 permutations misses a pair at 0.7 under 1% of the time. Re-run tests/ingest/test_dedup.py
# after changing SHINGLE, NUM_PERM or this value.
THRESHOLD = 0.5
# Below this many words a text has too few shingles for a stable estimate, and short texts
# ("Police arrested protesters on Monday.") coincide by chance: they are never merged.
MIN_WORDS = 25
_CHUNK = 2048


def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    last = len(words) - SHINGLE + 1
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(last)}


def fingerprint(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text`` (``NUM_PERM`` uint64), or None when too short to judge."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    shingles = sorted(_shingles(text))
    # update_batch builds a (shingles x NUM_PERM) matrix: in chunks, a 100k-word article costs a
    # few MB instead of ~50 MB, and the minimum over the chunks is the same signature.
    for start in range(0, len(shingles), _CHUNK):
        mh.update_batch(shingles[start : start + _CHUNK])
    return mh.hashvalues.astype(np.uint64)


def signature_bytes(signature: np.ndarray) -> bytes:
    return signature.astype("<u8").tobytes()


def signature_from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64)


def _lean(signature: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=signature, scheme=SCHEME)


class NearDuplicateIndex:
    """Fingerprints of stored articles; ``match`` finds the article a new text duplicates."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    @classmethod
    def from_signatures(cls, items: Iterable[tuple[str, bytes]]) -> NearDuplicateIndex:
        index = cls()
        for article_id, raw in items:
            index.add(article_id, signature_from_bytes(raw))
        return index

    def add(self, article_id: str, signature: np.ndarray) -> None:
        if article_id in self._signatures:
            return
        lean = _lean(signature)
        self._signatures[article_id] = lean
        self._lsh.insert(article_id, lean)

    def discard(self, article_id: str) -> None:
        """Forget an article (one that was matched against but in the end not stored)."""
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def match(self, signature: np.ndarray) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold and its similarity, or None.

        LSH returns candidates whose bands collide; each is checked against the estimated
        Jaccard similarity so a lucky collision does not merge two stories.
        """
        probe = _lean(signature)
        best, best_score = None, self.threshold
        for candidate in self._lsh.query(probe):
            score = probe.jaccard(self._signatures[candidate])
            if score >= best_score and (best is None or score > best_score or candidate < best):
                best, best_score = candidate, score
        return None if best is None else (best, best_score)
