"""Token-based phrase matching of the actor dictionary over a spaCy Doc.

Two ``PhraseMatcher``s are built once per vocabulary: one on ``LOWER`` for ordinary phrases and
one on ``ORTH`` for short all-capital acronyms (so "US" and "IS" match but "us" and "is" do not).
Overlapping matches are reduced to the longest, so "Tehreek-e-Taliban Pakistan" beats "Taliban"
and "Pakistan", and "national security adviser" beats "adviser".
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from eventwire.actors.dictionary import ActorDictionary, Entry

# Kinds that name something proper: they must be written with a capital (or a digit: "M23"),
# which keeps "turkey", "china" and "chad" the bird, the plates and the name out.
PROPER_KINDS = frozenset({"country", "adjective", "people", "seat", "org", "person", "place"})
# Kinds that lose to a longer PERSON entity around them ("Michael Jordan", "George Washington").
# A PERSON entity that is exactly the phrase is trusted less than the dictionary: the small model
# often tags "Benin" or "Sri Lanka" at the start of a sentence as a person.
PLACE_LIKE = frozenset({"country", "adjective", "people", "seat", "place"})
# On equal length, the more specific kind wins.
_KIND_RANK = {
    "org": 0, "person": 1, "seat": 2, "country": 3, "people": 4,
    "adjective": 5, "place": 6, "role": 7,
}
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children"}


@dataclass(frozen=True)
class Match:
    """A dictionary phrase found in a Doc: token offsets ``start``..``end`` and its entry."""

    start: int
    end: int
    entry: Entry

    @property
    def kind(self) -> str:
        return self.entry.kind


def plural(word: str) -> str | None:
    """Regular English plural of a role noun, or None when the word should not be inflected."""
    if not word.isalpha():
        return None
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


class PhraseIndex:
    """The dictionary compiled into matchers for one spaCy vocabulary."""

    def __init__(self, dictionary: ActorDictionary, vocab):
        self.vocab = vocab
        self._entries: dict[str, Entry] = {}
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        lower_patterns: dict[str, list[Doc]] = {}
        orth_patterns: dict[str, list[Doc]] = {}
        for key, entry in dictionary.entries.items():
            target = orth_patterns if entry.case_sensitive else lower_patterns
            pattern = tokenizer(entry.phrase)
            target.setdefault(key, []).append(pattern)
            self._entries[key] = entry
            if entry.kind == "role":
                self._add_plural(pattern, key, dictionary, lower_patterns, tokenizer)
        for key, docs in lower_patterns.items():
            self._lower.add(key, docs)
        for key, docs in orth_patterns.items():
            self._orth.add(key, docs)

    @staticmethod
    def _add_plural(pattern: Doc, key, dictionary, patterns, tokenizer) -> None:
        words = [t.text for t in pattern]
        inflected = plural(words[-1].lower())
        if inflected is None:
            return
        phrase = " ".join(words[:-1] + [inflected])
        if dictionary.lookup(phrase) is None:  # an explicit entry for the plural wins
            patterns.setdefault(key, []).append(tokenizer(phrase))

    def matches(self, doc: Doc) -> list[Match]:
        """Non-overlapping dictionary matches in ``doc``, in text order."""
        found: list[Match] = []
        person_at = {t.i: ent for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
        for matcher in (self._lower, self._orth):
            for match_id, start, end in matcher(doc):
                entry = self._entries[self.vocab.strings[match_id]]
                if self._admissible(doc, start, end, entry, person_at):
                    found.append(Match(start, end, entry))
        return _longest_first(found)

    @staticmethod
    def _admissible(doc: Doc, start: int, end: int, entry: Entry, person_at) -> bool:
        span = doc[start:end]
        if entry.kind in PROPER_KINDS and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
            return False
        if entry.kind in PLACE_LIKE:
            people = {(e.start, e.end) for i in range(start, end) if (e := person_at.get(i)) is not None}
            if any(s < start or e > end for s, e in people):
                return False
            if _stance(doc, start):
                return False
        return True


def _stance(doc: Doc, start: int) -> bool:
    """ "anti-Syria", "pro-Russian": a country named as a stance is not the actor's country."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "pro")


def _longest_first(found: list[Match]) -> list[Match]:
    taken: set[int] = set()
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, _KIND_RANK[m.kind], m.start)):
        if all(i not in taken for i in range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
