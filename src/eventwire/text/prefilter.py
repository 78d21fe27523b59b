"""Parse only what can hold an event: blank sentences that contain no trigger word.

Coding costs what parsing costs, so eventwire skips the parser for sentences in which no event
pattern could fire. ``Prefilter`` takes the trigger lemmas of the pattern files, expands them into
word forms (regular inflection plus ``data/text/irregular_verbs.tsv``) and scans the text once
with an Aho-Corasick automaton. Sentences are found with a cheap splitter that never splits after
a short capitalised word ("Lt. Gen. Asim Malik"), so a kept sentence is never cut in two; a wrong
merge only costs speed, never an event. Blanking keeps the text's length, so offsets hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
import ahocorasick

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n")
_WORD_CHAR = re.compile(r"\w")


def inflect(lemma: str) -> set[str]:
    """The lemma and its regular inflections (noun plural, verb -s/-ed/-ing).

    Over-generation ("meeted") is harmless: it only makes the filter keep more.
    """
    w = lemma.lower()
    out = {w}
    if " " in w:
        return out
    stem_e = w[:-1] if w.endswith("e") else w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        out |= {w + "es", w + "ed", w + "ing"}
    else:
        out |= {w + "s", stem_e + "ed", stem_e + "ing"}
        if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # stop -> stopped, ban -> banned
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        cut = m.start() + 1
        before = text[start:cut].rstrip(".!?\"')] \n").rsplit(None, 1)
        word = before[-1] if before else ""
        if m.group() != "\n" and word[:1].isupper() and (len(word) <= 4 or "." in word):
            continue  # "Lt.", "Gen.", "U.S.": most likely an abbreviation, not an ending
        spans.append((start, cut))
        start = cut
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def word_forms(lemmas: Iterable[str], irregular: dict[str, set[str]]) -> set[str]:
    """All forms of the lemmas: regular inflections plus the irregular forms given."""
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= inflect(lemma) | {f.lower() for f in irregular.get(lemma.lower(), ())}
    return forms


class Prefilter:
    def __init__(self, forms: Iterable[str]):
        self._automaton = ahocorasick.Automaton()
        for form in forms:
            self._automaton.add_word(form, form)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def _has_word(self, lowered: str) -> bool:
        for end, form in self._automaton.iter(lowered):
            start = end - len(form) + 1
            before = lowered[start - 1] if start > 0 else " "
            after = lowered[end + 1] if end + 1 < len(lowered) else " "
            if not _WORD_CHAR.match(before) and not _WORD_CHAR.match(after):
                return True
        return False

    def select(self, text: str) -> str:
        """The text with every sentence holding no trigger word blanked (same length)."""
        if self._empty:
            return text
        lowered = text.lower()
        chars = list(text)
        for start, end in sentence_spans(text):
            if not self._has_word(lowered[start:end]):
                for i in range(start, end):
                    if chars[i] != "\n":
                        chars[i] = " "
        return "".join(chars)
