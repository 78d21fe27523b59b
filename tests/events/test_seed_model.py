"""The seed article (shared/data/seed/doha_talks.txt) at the events stage (loads the spaCy model).

Checks the candidates the events stage hands to the actors stage: each required event of
doha_talks.expected.json has a candidate of its type whose evidence and role spans hold the
right words, the legal footer yields nothing, and at most two other candidates appear.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEED = Path(os.environ["EVENTWIRE_SHARED_DATA"]) / "seed/doha_talks.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")


@pytest.fixture(scope="module")
def seed(nlp, coder):
    text = SEED.read_text(encoding="utf-8")
    cands = coder.candidates(nlp(text))
    return text, cands


def spans(text, pairs):
    return " | ".join(text[a:b] for a, b in pairs)


def find(text, cands, event, evidence, source_word, target_word=None):
    for c in cands:
        sentence = text[c.sentence_start : c.sentence_end]
        if c.event != event or evidence not in sentence:
            continue
        if source_word not in spans(text, c.source_spans):
            continue
        if target_word and target_word not in spans(text, c.target_spans):
            continue
        return c
    return None


def test_required_events_are_candidates(seed):
    text, cands = seed
    talks = find(text, cands, "CONSULT", "negotiations between Pakistan and the Taliban",
                 "Pakistan", "Taliban")
    assert talks is not None and talks.symmetric
    meeting = find(text, cands, "CONSULT", "Mullah Yaqoob", "National Security Adviser",
                   "Mullah Yaqoob")
    assert meeting is not None
    assert find(text, cands, "ASSAULT", "TTP", "TTP") is not None
    demand = find(text, cands, "REQUEST", "demand concrete assurances", "Islamabad",
                  "Taliban government")
    assert demand is not None


def test_footer_yields_nothing_and_few_extra_candidates(seed):
    text, cands = seed
    footer = text.index("The opinions posted here")
    assert all(c.sentence_start < footer for c in cands)
    expected_words = ("negotiations between", "Mullah Yaqoob", "TTP", "demand concrete",
                      "pressure Islamabad", "rejection", "ceasefire", "securing")
    extra = [c for c in cands
             if not any(w in text[c.sentence_start : c.sentence_end] for w in expected_words)]
    assert len(extra) <= 2, [text[c.trigger_start : c.trigger_end] for c in extra]
