import pytest

from eventwire.evaluation import TypeScore, macro_f1, type_scores
from eventwire.evaluation.scores import actor_country, render_table


def test_type_scores_count_each_unit_once_per_type():
    scores = type_scores(
        [
            ({"AID"}, {"AID", "ACCUSE"}),
            ({"AID"}, set()),
            (set(), {"ACCUSE"}),
            ({"CONSULT"}, {"CONSULT"}),
        ]
    )
    assert scores["AID"] == TypeScore("AID", tp=1, fp=0, fn=1)
    assert scores["ACCUSE"] == TypeScore("ACCUSE", tp=0, fp=2, fn=0)
    assert scores["AID"].precision == 1.0 and scores["AID"].recall == 0.5
    assert scores["AID"].f1 == pytest.approx(2 / 3)


def test_macro_f1_leaves_out_types_without_support():
    scores = {
        "AID": TypeScore("AID", 1, 0, 1),  # F1 2/3
        "CONSULT": TypeScore("CONSULT", 1, 0, 0),  # F1 1
        "ACCUSE": TypeScore("ACCUSE", 0, 5, 0),  # no support: not averaged
    }
    assert macro_f1(scores) == pytest.approx((2 / 3 + 1) / 2)
    assert macro_f1({}) == 0.0


def test_zero_division_gives_zero():
    empty = TypeScore("AID", 0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_organisations_compare_by_code_prefix():
    assert actor_country({"country": None, "code": "IGOUNO"}) == "IGO"
    assert actor_country({"country": "PAK", "code": "PAKGOV"}) == "PAK"
    assert actor_country({"country": None, "code": ""}) is None
    assert actor_country({"country": None, "code": "---GOV"}) is None


def test_render_table_aligns_columns_and_rounds_floats():
    text = render_table(("type", "F1"), [("AID", 0.66666), ("CONSULT", 1.0)])
    lines = text.splitlines()
    assert lines[0].startswith("type")
    assert lines[2] == "AID      0.667"
    assert lines[3] == "CONSULT  1.000"
