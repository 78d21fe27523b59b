import pytest

from eventwire.evaluation import GoldSentence, score_sentences, top_event
from .factory import event


def gold(id_, kind, sources=(), targets=(), acceptable=()):
    return GoldSentence(
        id=id_, text="…", event=kind, event_acceptable=(kind, *acceptable), mode=None,
        sources=tuple(sources), targets=tuple(targets),
    )


GOLD = [
    gold("g1", "ACCUSE", ["IRQ"], ["SYR"]),
    gold("g2", "REJECT", ["IGO"], ["USA"], acceptable=["ACCUSE"]),
    gold("g3", "AID", ["USA"]),
    gold("g4", "CONSULT", ["FRA"], ["DEU"]),
]
EVENTS = {
    # the higher-confidence ACCUSE stands for g1, not the first-listed AID
    "g1": [
        event("AID", ["SYRGOV"], confidence=0.4),
        event("ACCUSE", ["IRQGOV"], ["SYR"], confidence=0.9),
    ],
    "g2": [event("ACCUSE", ["IGOUNO"], ["CAN"])],  # acceptable, not strict; wrong target
    "g3": [event("THREATEN", ["USA"])],  # wrong type, right source
    # g4: nothing coded
}


def test_top_event_is_highest_confidence_first_on_ties():
    a = event("AID", confidence=0.5)
    b, c = event("ACCUSE", confidence=0.7), event("REJECT", confidence=0.7)
    assert top_event([a, b, c]) is b
    assert top_event([]) is None


def test_sentence_figures():
    f = score_sentences(GOLD, EVENTS).figures
    assert f["records"] == 4
    assert f["coverage"] == 0.75
    assert f["type_accuracy"] == 0.5  # g1 strict, g2 acceptable
    assert f["strict_type_accuracy"] == 0.25
    assert f["source_country_accuracy"] == 0.75  # IRQ, IGO via IGOUNO, USA; g4 uncoded
    assert f["target_records"] == 3
    assert f["target_country_accuracy"] == pytest.approx(1 / 3)


def test_acceptable_label_counts_as_gold_in_per_type_scores():
    report = score_sentences(GOLD, EVENTS)
    assert report.scores["ACCUSE"].tp == 2  # g1, and g2 whose acceptable label was predicted
    assert "REJECT" not in report.scores
    assert report.scores["AID"].fn == 1 and report.scores["THREATEN"].fp == 1
    assert report.scores["CONSULT"].fn == 1


def test_confusion_pairs_and_render():
    report = score_sentences(GOLD, EVENTS)
    assert set(report.confusions) == {("AID", "THREATEN", 1), ("CONSULT", "(none)", 1)}
    text = report.render()
    assert "top-event type accuracy   0.500" in text
    assert "confusion pairs" in text and "THREATEN" in text


def test_record_without_gold_source_is_not_scored_on_source():
    report = score_sentences([gold("g", "AID")], {"g": [event("AID", ["USA"])]})
    assert report.figures["source_records"] == 0
    assert report.outcomes[0].source_ok is None
