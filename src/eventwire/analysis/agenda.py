"""What a round of talks is about, and whether it is mediated, read from its articles' sentences.

The coder turns sentences into events; many agenda statements are not events ("a key item on the
agenda will be an extension of the ceasefire"). So the talks tracker also reads the articles that
report a round: a sentence that says what a side wants, offers or will discuss (an *agenda cue*)
and names a *topic* (ceasefire, counter-terrorism, recognition …) becomes agenda evidence for that
topic; a sentence that says someone brokers the talks is mediation evidence. Cue words are data
(``data/analysis/talks.toml``) and user files add to them.

Armed non-state groups coded in the same articles (sector REB or UAF, e.g. the TTP) count as
counter-terrorism topic words: "curb the TTP's freedom of movement" is a counter-terrorism demand
although it names no terrorism word.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from eventwire.errors import ConfigError

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
ARMED_SECTORS = ("REB", "UAF")
ARMED_TOPIC = "counter-terrorism"


@dataclass(frozen=True)
class TalksCues:
    version: int
    mediation: dict[str, tuple[str, ...]]  # mode -> words
    agenda: tuple[str, ...]
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _merge(base: dict, extra: dict) -> dict:
    for key in ("mediation", "topics"):
        for name, words in extra.get(key, {}).items():
            base.setdefault(key, {}).setdefault(name, []).extend(words)
    base.setdefault("agenda", {}).setdefault("cues", []).extend(extra.get("agenda", {}).get("cues", []))
    return base


def load_cues(files: Sequence[Path] = ()) -> TalksCues:
    """The shipped cue words plus those of ``files`` (same TOML shape)."""
    raw = tomllib.loads(
        resources.files("eventwire.data").joinpath("analysis/talks.toml").read_text("utf-8")
    )
    for path in files:
        try:
            _merge(raw, tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{path}: cannot read talks cues ({err}); fix the file or drop it") from err
    lower = lambda words: tuple(w.lower() for w in words)  # noqa: E731
    return TalksCues(
        version=int(raw.get("version", 0)),
        mediation={k: lower(v) for k, v in raw.get("mediation", {}).items()},
        agenda=lower(raw.get("agenda", {}).get("cues", [])),
        topics={k: lower(v) for k, v in raw.get("topics", {}).items()},
    )


@cache
def shipped_cues() -> TalksCues:
    return load_cues()


def sentences(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, trimmed of surrounding spaces."""
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end - start > 1:
            yield start, end


def _first(words: Iterable[str], sentence: str) -> str | None:
    # Word-start match so "aim" does not fire inside "claim"; "dam " keeps its trailing space.
    for word in words:
        if re.search(r"(?<![a-z])" + re.escape(word), sentence):
            return word
    return None


def _evidence(text: str, start: int, end: int, cue: str) -> dict:
    return {"sentence": text[start:end], "start": start, "end": end, "cue": cue}


def mediation_evidence(text: str, cues: TalksCues, talk_words: Iterable[str]) -> dict | None:
    """The first sentence saying the talks are brokered: ``{"mode", "evidence"}`` or None.

    Only sentences that also mention the talks count (``talk_words``: the round's CONSULT
    triggers and "talks"/"negotiations"), so a mediator of some other dispute is not taken.
    """
    about = tuple(w.lower() for w in talk_words) + ("talks", "negotiat", "dialogue", "meeting")
    for start, end in sentences(text):
        lowered = text[start:end].lower()
        if _first(about, lowered) is None:
            continue
        for mode, words in cues.mediation.items():
            cue = _first(words, lowered)
            if cue:
                return {"mode": mode, "evidence": _evidence(text, start, end, cue)}
    return None


def agenda_topics(
    text: str, cues: TalksCues, event_spans: Sequence[tuple[int, int]], armed_names: Iterable[str]
) -> dict[str, list[dict]]:
    """Topic -> evidence sentences, from agenda sentences and coded events' sentences."""
    armed = tuple(n.lower() for n in armed_names if n and len(n) > 2)
    found: dict[str, list[dict]] = {}
    for start, end in sentences(text):
        lowered = text[start:end].lower()
        coded = any(s < end and start < e for s, e in event_spans)
        if not coded and _first(cues.agenda, lowered) is None:
            continue
        for topic, words in cues.topics.items():
            cue = _first(words, lowered)
            if cue is None and topic == ARMED_TOPIC:
                cue = _first(armed, lowered)
            if cue:
                found.setdefault(topic, []).append(_evidence(text, start, end, cue))
    return found


def topics_of(sentence: str, cues: TalksCues, armed_names: Iterable[str] = ()) -> list[str]:
    """The topics one sentence names (for tagging coded agenda items)."""
    lowered = sentence.lower()
    armed = tuple(n.lower() for n in armed_names if n and len(n) > 2)
    out = [t for t, words in cues.topics.items() if _first(words, lowered)]
    if ARMED_TOPIC not in out and armed and _first(armed, lowered):
        out.append(ARMED_TOPIC)
    return out
