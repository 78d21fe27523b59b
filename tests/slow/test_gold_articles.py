"""Article gold (Wikinews and VOA dev, NGEC-2025 protocol): macro F1 against pinned floors.

An article contains a type when eventwire codes at least one asserted event of that type in it.
Floors come from tests/floors.json; issue-3 targets are printed until they are pinned.
"""

import json
import os
from pathlib import Path

import pytest

from eventwire.evaluation import below, default_news_paths, evaluate, load_gate

pytestmark = pytest.mark.slow

SHARED_DATA = Path(os.environ["EVENTWIRE_SHARED_DATA"])
FLOORS = Path(__file__).resolve().parents[1] / "floors.json"


@pytest.mark.parametrize("gate_name", ["wikinews_doc_dev", "voa_doc_dev"])
def test_article_gold_meets_pinned_floors(gate_name):
    gate = load_gate(FLOORS, gate_name)
    gold = SHARED_DATA / gate.gold
    if not gold.is_file():
        pytest.skip(f"article gold not found at {gold}")
    report = evaluate(gold, news_paths=default_news_paths(gold))
    figures = report.figures
    print()
    print(report.render())
    print("figures:", json.dumps({k: round(v, 4) for k, v in figures.items()}))
    missed = below(figures, gate.targets)
    print(f"issue {gate.targets_issue} targets not met yet:", missed or "none")
    failures = below(figures, gate.floors)
    assert not failures, f"{gate_name} below the floors of {FLOORS.name}: {failures}"
    # Issue 3: no type with support >= 3 may score below F1 0.40.
    weak = [f"{s.event} {s.f1:.2f}" for s in report.weak_types()]
    assert not weak, f"{gate_name}: types with support >= 3 below 0.40: {weak}"
