"""Fixtures of the ingest tests: a loopback HTTP server and a corpus of distinct short stories."""

from __future__ import annotations

import os
import json
from pathlib import Path

import pytest

from sources.loopback import LoopbackServer

WIKINEWS = Path(os.environ["EVENTWIRE_SHARED_DATA"]) / "news/wikinews_2019_2020.jsonl"


def stories(n: int, start: int = 0) -> list[dict]:
    """``n`` distinct Wikinews stories cut to about 120-160 words (whole sentences)."""
    out = []
    with WIKINEWS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows[start:]:
        words, kept = 0, []
        for sentence in row["text"].replace("\n", " ").split(". "):
            kept.append(sentence)
            words += len(sentence.split())
            if words >= 120:
                break
        if words >= 80:
            out.append({"title": row["title"], "text": ". ".join(kept).rstrip(".") + "."})
        if len(out) == n:
            break
    return out


def syndicate(text: str) -> str:
    """A wire copy as another outlet runs it: a dateline, two words changed, the tail trimmed."""
    words = text.split()
    words[5] = "reportedly"
    words[20] = words[20].upper()
    return "LONDON (Agency) - " + " ".join(words[:-8]) + " (Reporting by staff.)"


@pytest.fixture
def server():
    with LoopbackServer() as srv:
        yield srv
