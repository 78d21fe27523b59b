import pytest

from eventwire.evaluation import GoldArticle, GoldEvent, score_articles
from eventwire.records import Article
from .factory import event


def gold_article(id_, *entries):
    events = tuple(
        GoldEvent(event=kind, mode=None, quote=f"{kind} quote", actor=tuple(actors),
                  recipient=(), factuality=factuality)
        for kind, actors, factuality in entries
    )
    return GoldArticle(article=Article(text="text " + id_, id=id_), events=events)


GOLD = [
    gold_article("d1", ("ACCUSE", ["USA"], "asserted"), ("CONSULT", ["CHN"], "future")),
    gold_article("d2", ("AID", ["IGO"], "asserted"), ("ACCUSE", [], "asserted")),
    gold_article("d3"),
]
EVENTS = {
    "d1": [
        event("ACCUSE", ["CHNGOV"], confidence=0.9, article_id="d1"),
        event("ACCUSE", ["USAGOV"], confidence=0.2, article_id="d1"),
        event("CONSULT", ["CHN"], factuality="future", article_id="d1"),
    ],
    "d2": [
        event("AID", ["IGOWFP"], article_id="d2"),
        event("SANCTION", ["USA"], factuality="negated", article_id="d2"),
    ],
    "d3": [event("SANCTION", ["USA"], sentence="Washington froze assets.", article_id="d3")],
}


def test_only_asserted_events_count_by_default():
    report = score_articles(GOLD, EVENTS)
    assert "CONSULT" not in report.scores  # future on both sides: ignored
    assert report.scores["ACCUSE"].tp == 1 and report.scores["ACCUSE"].fn == 1
    assert report.scores["AID"].tp == 1
    assert report.scores["SANCTION"].fp == 1  # d3 only; d2's negated one is ignored


def test_macro_f1_over_supported_types():
    f = score_articles(GOLD, EVENTS).figures
    # ACCUSE P 1 R .5 -> 2/3; AID 1.0; SANCTION has no support
    assert f["macro_f1"] == pytest.approx((2 / 3 + 1) / 2)
    assert f["types_with_support"] == 2
    assert f["f1_AID"] == 1.0 and "f1_SANCTION" not in f


def test_all_events_count_when_asked():
    report = score_articles(GOLD, EVENTS, asserted_only=False)
    assert report.scores["CONSULT"].tp == 1
    assert report.scores["SANCTION"].fp == 2


def test_actor_accuracy_accepts_any_event_of_the_type():
    report = score_articles(GOLD, EVENTS)
    by_id = {o.id: o for o in report.outcomes}
    assert by_id["d1"].actor_ok == {"ACCUSE": True}  # the low-confidence USA event counts
    assert by_id["d2"].actor_ok == {"AID": True}  # IGO gold vs IGOWFP; ACCUSE has no gold actor
    assert report.figures["actor_accuracy"] == 1.0 and report.figures["actor_checked"] == 2


def test_wrong_actor_is_counted():
    gold = [gold_article("d", ("AID", ["USA"], "asserted"))]
    report = score_articles(gold, {"d": [event("AID", ["JPN"], article_id="d")]})
    assert report.figures["actor_accuracy"] == 0.0


def test_render_lists_false_positives_and_negatives():
    text = score_articles(GOLD, EVENTS, name="dev").render()
    assert text.startswith("dev: 3 articles (asserted events only)")
    assert "FP d3: Washington froze assets." in text
    assert "FN d2: ACCUSE quote" in text
    assert "actor accuracy per type" in text


def test_weak_types_need_support():
    gold = [gold_article(f"d{i}", ("PROTEST", [], "asserted")) for i in range(3)]
    report = score_articles(gold, {})
    assert [s.event for s in report.weak_types()] == ["PROTEST"]
    assert report.figures["weak_types"] == 1
