"""Fixtures of the attributes tests: the spaCy model (session-wide) and a hand-built candidate.

The events stage that makes EventCandidates is developed separately, so the tests build
candidates themselves: find the trigger words in a parsed text and fill the offsets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from eventwire.attributes import Gazetteer
from eventwire.nlp import get_nlp
from eventwire.records import EventCandidate

# shared/ sits beside the repository (here and in CI's fresh clone).
SEED = Path(__file__).resolve().parents[2].parent / "shared/data/seed/doha_talks.txt"


@pytest.fixture(scope="session")
def nlp():
    return get_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _char_span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


@pytest.fixture(scope="session")
def candidate() -> Callable[..., EventCandidate]:
    """``candidate(doc, "trigger words", event=…, sources=("…",), targets=("…",), after="…")``:
    an EventCandidate for the first occurrence of the trigger (after the ``after`` words, if given),
    its sentence's offsets and role spans found by their words."""

    def make(doc: Doc, trigger: str, event: str = "CONSULT", sources: tuple[str, ...] = (),
             targets: tuple[str, ...] = (), after: str = "") -> EventCandidate:
        text = doc.text
        offset = text.index(after) if after else 0
        start, end = _char_span(text, trigger, offset)
        sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
        return EventCandidate(
            event=event, mode=None, contexts=(), cameo=None, goldstein=None, quad_class=None,
            trigger=trigger, trigger_start=start, trigger_end=end,
            sentence_start=sentence.start_char, sentence_end=sentence.end_char,
            source_spans=tuple(_char_span(text, s) for s in sources),
            target_spans=tuple(_char_span(text, t) for t in targets),
            symmetric=False, confidence=0.5,
        )

    return make


@pytest.fixture(scope="session")
def seed_doc(nlp):
    """The seed article as the coder parses it: curly quotes straightened (text.prepare swaps
    characters one for one), the footer left in (it does not matter to attributes)."""
    return nlp(SEED.read_text(encoding="utf-8").replace("\u2019", "'"))
