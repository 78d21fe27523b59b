"""Parse only what can hold an event: blank sentences in which no trigger pattern can fire.

Coding costs what parsing costs, so eventwire skips the parser for sentences in which no event
pattern could fire. A pattern is given here as a *rule*: groups of words, every group of which
must appear in a sentence for the pattern to be able to fire (its trigger lemmas, and the words
its particle, object, preposition, subject, modifier or head must be). Words are expanded into
the forms the tagger could lemmatise back to them (regular inflection, the lemmatiser's own
suffix rules and exceptions), and the text is scanned once with an Aho-Corasick automaton.

Requiring every group, not just the trigger, matters: "be" and "go" are triggers ("be on
alert", "go on strike") and appear in nearly every sentence, so a trigger-only filter kept ~90%
of news text; the rule filter keeps far less with the same events (bench/throughput.py,
docs/benchmarks.md, re-measure accuracy with ``Coder.load(prefilter=False)`` when changing it).

Sentences are found with a cheap splitter that never splits after a short capitalised word
("Lt. Gen. Asim Malik"), so a kept sentence is never cut in two; a wrong merge only costs speed,
never an event. Blanking keeps the text's length and line breaks, so offsets hold.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n")
_WORD_CHAR = re.compile(r"\w")
_NOT_NEWLINE = re.compile(r"[^\n]")

# (suffix of a form, suffix of its lemma), as a rule lemmatiser strips them ("ies" -> "y").
SuffixRule = tuple[str, str]


def inflect(lemma: str, suffix_rules: Iterable[SuffixRule] = ()) -> set[str]:
    """The lemma and its regular inflections (noun plural, verb -s/-ed/-ing).

    ``suffix_rules`` add every form a rule lemmatiser could reduce to the lemma. Over-generation
    ("meeted") is harmless: it only makes the filter keep more.
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
        out |= {w + "s", stem_e + "ed", stem_e + "ing", w + "ing"}  # agree -> agreeing
        if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # stop -> stopped, ban -> banned
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")  # die -> dying
    for form_suffix, lemma_suffix in suffix_rules:
        if w.endswith(lemma_suffix):
            out.add(w[: len(w) - len(lemma_suffix)] + form_suffix)
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


def word_forms(
    lemmas: Iterable[str],
    irregular: Mapping[str, Iterable[str]],
    suffix_rules: Iterable[SuffixRule] = (),
) -> set[str]:
    """All forms of the lemmas: regular inflections plus the irregular forms given."""
    rules = tuple(suffix_rules)
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= inflect(lemma, rules) | {f.lower() for f in irregular.get(lemma.lower(), ())}
    return forms


class Prefilter:
    """Keeps the sentences in which at least one rule has a form of every one of its groups.

    ``rules``: each rule is a sequence of word-form groups (already expanded, lower case). A rule
    of one group is a plain trigger-word list.
    """

    def __init__(self, rules: Iterable[Sequence[Iterable[str]]]):
        group_ids: dict[frozenset[str], int] = {}
        self._rules: dict[int, list[tuple[int, ...]]] = defaultdict(list)  # by first group
        for rule in rules:
            ids = []
            for group in rule:
                key = frozenset(f.lower() for f in group)
                ids.append(group_ids.setdefault(key, len(group_ids)))
            if ids:
                self._rules[ids[0]].append(tuple(ids[1:]))
        groups_of: dict[str, list[int]] = defaultdict(list)
        for key, gid in group_ids.items():
            for form in key:
                groups_of[form].append(gid)
        self._automaton = ahocorasick.Automaton()
        for form, gids in groups_of.items():
            self._automaton.add_word(form, (len(form), _edges(form), tuple(gids)))
        self._empty = not self._rules or len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def _groups_in(self, lowered: str, start: int, end: int) -> set[int]:
        found: set[int] = set()
        for last, (length, (word_start, word_end), gids) in self._automaton.iter(
            lowered, start, end
        ):
            first = last - length + 1
            # A form that begins (ends) with a word character must not continue a word there.
            if word_start and first > 0 and _WORD_CHAR.match(lowered[first - 1]):
                continue
            if word_end and last + 1 < len(lowered) and _WORD_CHAR.match(lowered[last + 1]):
                continue
            found.update(gids)
        return found

    def _fires(self, groups: set[int]) -> bool:
        for first in groups:
            for rest in self._rules.get(first, ()):
                if all(g in groups for g in rest):
                    return True
        return False

    def keeps(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the sentences of ``text`` that are kept."""
        lowered = text.lower()
        return [
            (start, end)
            for start, end in sentence_spans(text)
            if self._fires(self._groups_in(lowered, start, end))
        ]

    def select(self, text: str) -> str:
        """The text with every sentence no rule can fire on blanked (same length, same lines)."""
        if self._empty:
            return text
        pieces, done = [], 0
        for start, end in self.keeps(text):
            pieces += [_NOT_NEWLINE.sub(" ", text[done:start]), text[start:end]]
            done = end
        pieces.append(_NOT_NEWLINE.sub(" ", text[done:]))
        return "".join(pieces)


def _edges(form: str) -> tuple[bool, bool]:
    return bool(_WORD_CHAR.match(form[:1])), bool(_WORD_CHAR.match(form[-1:]))
