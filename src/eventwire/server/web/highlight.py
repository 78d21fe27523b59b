"""Cut an article's text into segments, each covered by the evidence of zero or more events."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    events: tuple[str, ...]  # ids of the events whose evidence sentence covers this stretch
    start: int


def segments(text: str, events: list[dict]) -> list[Segment]:
    """Consecutive stretches of ``text``; a new one starts wherever an evidence span starts or
    ends, so overlapping evidence of several events is still shown exactly."""
    spans = []
    for ev in events:
        start = max(0, min(ev["evidence"]["start"], len(text)))
        end = max(start, min(ev["evidence"]["end"], len(text)))
        spans.append((start, end, ev["event_id"]))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        if left == right:
            continue
        covering = tuple(i for s, e, i in spans if s <= left and right <= e)
        out.append(Segment(text[left:right], covering, left))
    return out
