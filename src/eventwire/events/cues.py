"""Mode and context from cue words: "drone" makes an ASSAULT `drone`, "troops" adds `military`.

Cues are data (``[[mode_cue]]`` and ``[[context_cue]]`` in the pattern files); the first mode cue
in file order that occurs wins, looked up first in the trigger's own phrase, then in the sentence.
Words may be several tokens long ("tear gas") and match either lemmas or surface forms.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.patterns import Cue, PatternSet

MAX_CONTEXTS = 4  # beyond this a sentence is about everything; keep the pattern's own first


def _haystack(tokens) -> str:
    lemmas = " ".join(t.lemma_.lower() for t in tokens)
    words = " ".join(t.lower_ for t in tokens)
    return f" {lemmas} | {words} "


def _contains(haystack: str, cue: Cue) -> bool:
    return any(f" {word} " in haystack for word in cue.words)


class Cues:
    def __init__(self, patterns: PatternSet):
        self.mode_cues = list(patterns.mode_cues.values())
        self.context_cues = list(patterns.context_cues.values())

    def mode(self, event: str, trigger: Token, sent: Span) -> str | None:
        cues = [c for c in self.mode_cues if c.event == event]
        if not cues:
            return None
        phrase_root = trigger.head if trigger.dep_ in ("dobj", "pobj") else trigger
        for scope in (list(phrase_root.subtree), list(sent)):
            haystack = _haystack(scope)
            for cue in cues:
                if _contains(haystack, cue):
                    return cue.value
        return None

    def contexts(self, given: tuple[str, ...], sent: Span, mode: str | None) -> tuple[str, ...]:
        found = list(dict.fromkeys(given))
        if mode in ("cyber", "misinformation"):  # the manual adds these contexts with the mode
            found.append(mode)
        haystack = _haystack(sent)
        for cue in self.context_cues:
            if cue.value not in found and _contains(haystack, cue):
                found.append(cue.value)
        return tuple(dict.fromkeys(found))[:MAX_CONTEXTS]
