"""Actor accuracy on the PLOVER gold sentences (loads the spaCy model).

For every gold source and target, the gold ``text`` is located in the sentence, the sentence is
parsed, and ``resolve_span`` must give the gold country (for IGO/NGO/IMG gold codes: an actor
whose code starts with IGO, NGO or IMG; the gold itself mixes IGO and NGO for the Red Cross and
Amnesty, so the two count as one class). The floor is pinned below the measured rate; lowering it
is an explicit, reviewed change. Never add dictionary entries one gold sentence at a time: a
hidden twin of this file is scored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.actors import ArticleActors

GOLD = Path(__file__).resolve().parents[3] / "shared" / "data" / "gold" / "plover_gsr_dev.jsonl"

# Measured 305/324 = 0.941 on the dev half (dictionary version 1); pinned a little below so that a
# model-version wobble does not fail CI. Re-run this file after any change to data/actors/.
COUNTRY_FLOOR = 0.92
NON_STATE = {"IGO", "NGO", "IMG", "ISM"}


def _locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Offsets of the gold text; "Bosnian Serbs ... forces" spans from its first to last word."""
    text = text.strip()
    i = sentence.find(text)
    if i >= 0:
        return i, i + len(text)
    words = [w for w in text.replace("...", " ").split() if w]
    first = sentence.find(words[0]) if words else -1
    last = sentence.find(words[-1], first) if first >= 0 else -1
    if first < 0 or last < 0:
        return None
    return first, last + len(words[-1])


def _hit(gold_code: str, actors) -> bool:
    if gold_code in NON_STATE:
        return any(a.code[:3] in {"IGO", "NGO", "IMG"} for a in actors)
    return any(a.country == gold_code for a in actors)


def _score(nlp, dictionary):
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    docs = nlp.pipe(r["text"] for r in records)
    hits, total, misses = 0, 0, []
    for record, doc in zip(records, docs):
        actors = ArticleActors(dictionary, doc)
        for role in ("sources", "targets"):
            for gold in record[role]:
                where = _locate(record["text"], gold["text"])
                found = actors.resolve_span(*where) if where else []
                total += 1
                if _hit(gold["code"], found):
                    hits += 1
                else:
                    misses.append((gold["text"], gold["code"], [a.code for a in found]))
    return hits, total, misses


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_gold_role_spans_resolve_to_the_gold_country(nlp, dictionary):
    hits, total, misses = _score(nlp, dictionary)
    rate = hits / total
    print(f"\nactor country accuracy on gold role spans: {hits}/{total} = {rate:.3f}")
    for text, code, got in misses:
        print(f"  miss: {text!r} gold={code} got={got}")
    assert rate >= COUNTRY_FLOOR
