"""The model's attribute ruler, applied by dictionary look-up instead of spaCy's Matcher.

The English model's ``attribute_ruler`` holds ~180 one- and two-token patterns (tag -> POS and
morphology, a few fixed lemmas such as "'d" -> "would"). spaCy runs them through its general
``Matcher``, which cost ~12% of the whole parse here (bench/throughput.py). The patterns only test
a token's text, lower-case form, tag, dependency and whitespace-ness, so which rules a token
triggers is worked out once per distinct combination and cached, for a fraction of the cost. The rules are applied exactly as
the ruler does (all matches first, then in pattern order, later rules winning), with the same
normalised attributes; tests/nlp/test_attribute_rules_model.py checks the output is identical.
A pattern using anything else makes ``RuleIndex.from_ruler`` return None (keep the original).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# What a pattern may test, read once per token into a tuple (see ``_features``).
_FIELDS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "TAG": 2, "DEP": 3, "IS_SPACE": 4}
Features = tuple[str, str, str, str, bool]
# Distinct (form, tag, dependency) combinations remembered: ~40k in the news files (~15 MB).
_CACHE_SIZE = 20_000


def _features(token: Token, with_text: bool) -> Features:
    # The exact text splits the cache by case ("Said", "said"): read it only if a rule tests it.
    return token.text if with_text else "", token.lower_, token.tag_, token.dep_, token.is_space


@dataclass(frozen=True)
class _Test:
    field: int
    op: str  # "==", "IN", "NOT_IN", "REGEX"
    value: object

    def __call__(self, features: Features) -> bool:
        got = features[self.field]
        if self.op == "==":
            return got == self.value
        if self.op == "IN":
            return got in self.value
        if self.op == "NOT_IN":
            return got not in self.value
        return bool(self.value.search(got))


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's attribute id: later rules win
    tokens: tuple[tuple[_Test, ...], ...]
    index: int  # which token of the match receives the attributes

    @property
    def target(self) -> int:
        return self.index if self.index >= 0 else len(self.tokens) + self.index


def _tests(token_pattern: dict) -> tuple[_Test, ...] | None:
    tests = []
    for key, value in token_pattern.items():
        if key not in _FIELDS:
            return None
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
                return None
            op, arg = next(iter(value.items()))
            arg = re.compile(arg) if op == "REGEX" else frozenset(arg)
            tests.append(_Test(_FIELDS[key], op, arg))
        else:
            tests.append(_Test(_FIELDS[key], "==", value))
    return tuple(tests)


def _passes(tests: tuple[_Test, ...], features: Features) -> bool:
    return all(test(features) for test in tests)


class RuleIndex:
    """The ruler's patterns; what a token's features trigger is worked out once and cached."""

    def __init__(self, ruler: AttributeRuler, rules: list[_Rule]):
        self.attrs = ruler.attrs  # normalised exactly as the ruler normalised them
        self.multi = [r for r in rules if len(r.tokens) > 1]
        # One-token rules by the lower-case form or tag they require, so that filling the cache
        # tests a handful of rules per new token, not all of them.
        self.keyed: dict[tuple[int, str], list[_Rule]] = {}
        self.unkeyed: list[_Rule] = []
        for rule in (r for r in rules if len(r.tokens) == 1):
            keys = _index_keys(rule.tokens[0])
            for key in keys:
                self.keyed.setdefault(key, []).append(rule)
            if not keys:
                self.unkeyed.append(rule)
        self.with_text = any(t.field == 0 for r in rules for tests in r.tokens for t in tests)
        # features -> (orders of one-token rules that match, multi-token rules that start here)
        self._cache: dict[Features, tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> RuleIndex | None:
        rules = []
        # ``ruler.patterns[i]`` holds the patterns of attribute id ``i``, in the ruler's order.
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens = tuple(_tests(t) for t in pattern)
                if not tokens or any(t is None for t in tokens):
                    return None
                rules.append(_Rule(order, tokens, entry["index"]))
        return cls(ruler, rules)

    def _lookup(self, features: Features) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        found = self._cache.get(features)
        if found is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # a long run meets ever new words: keep memory flat
            maybe = self.unkeyed + self.keyed.get((_FIELDS["LOWER"], features[1]), [])
            maybe += self.keyed.get((_FIELDS["TAG"], features[2]), [])
            orders = tuple(sorted(r.order for r in maybe if _passes(r.tokens[0], features)))
            starts = tuple(r for r in self.multi if _passes(r.tokens[0], features))
            found = self._cache[features] = (orders, starts)
        return found

    def __call__(self, doc: Doc) -> Doc:
        feats = [_features(t, self.with_text) for t in doc]
        hits: list[tuple[int, int, int]] = []  # (rule order, match start, token to set)
        for i, features in enumerate(feats):
            orders, starts = self._lookup(features)
            hits += [(order, i, i) for order in orders]
            for rule in starts:
                rest = rule.tokens[1:]
                if i + len(rule.tokens) <= len(feats) and all(
                    _passes(tests, feats[i + 1 + k]) for k, tests in enumerate(rest)
                ):
                    hits.append((rule.order, i, i + rule.target))
        # Matching reads the parse as it came; only then are the rules applied, in order.
        for order, _, i in sorted(set(hits)):
            set_token_attrs(doc[i], self.attrs[order])
        return doc


def _index_keys(tests: tuple[_Test, ...]) -> list[tuple[int, str]]:
    """(field, value) pairs under which a first token's tests can be looked up, if any."""
    for field in (_FIELDS["LOWER"], _FIELDS["TAG"]):
        for test in tests:
            if test.field == field and test.op == "==":
                return [(field, test.value)]
            if test.field == field and test.op == "IN":
                return [(field, v) for v in test.value]
    return []


class FastAttributeRuler:
    """Pipeline component standing in for the model's ``attribute_ruler`` (same name)."""

    def __init__(self) -> None:
        self.index: RuleIndex | None = None
        self.patterns: list[dict] = []  # the original ruler's, for readers of its lemmas

    def __call__(self, doc: Doc) -> Doc:
        return self.index(doc) if self.index is not None else doc


@Language.factory("eventwire_attribute_rules")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler()


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Swap the model's ``attribute_ruler`` for the indexed one when every pattern allows it."""
    ruler = nlp.get_pipe("attribute_ruler")
    index = RuleIndex.from_ruler(ruler) if isinstance(ruler, AttributeRuler) else None
    if index is None:
        return False
    fast = nlp.replace_pipe("attribute_ruler", "eventwire_attribute_rules")
    fast.index, fast.patterns = index, ruler.patterns
    return True
