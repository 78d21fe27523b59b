import json
from pathlib import Path

import pytest

NEWS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def news_texts() -> list[str]:
    """Texts of the shared news sample (the longest Wikinews article first)."""
    texts = [
        json.loads(line)["text"]
        for path in sorted(NEWS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return sorted(texts, key=len, reverse=True)
