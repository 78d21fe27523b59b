"""EventCoder: patterns loaded once, then ``candidates(doc)`` per article.

Per sentence: every word is matched against the trigger patterns; triggers that only state the
content of another trigger ("urged X to [release]", "agreed to [withdraw]", "called for
[talks]") are folded into it, which may change its type (agreed + withdraw = CONCEDE, vowed +
attack = THREATEN) or give it a mode (REQUEST yield); the rest become candidates with role spans,
mode, contexts, CAMEO code and a confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventwire.events import syntax
from eventwire.events.codebook import Codebook, codebook
from eventwire.events.cues import Cues
from eventwire.events.frames import FOLDING, is_purpose_request, link_frames, obliged_verb
from eventwire.events.matching import Match, Matcher, object_tokens
from eventwire.events.patterns import PatternSet, check_lexicon_refs, merge_file
from eventwire.events.roles import Roles, find_roles, role_spans
from eventwire.events.scoring import confidence
from eventwire.records import EventCandidate

# A trigger reported under a non-framing trigger ("condemned the [attack]") is still coded, at
# this share of its confidence: the sentence is mainly about the reaction.
EMBEDDED_PENALTY = 0.6
# News names protests by the crowd they are ("the protests continued"): the participants are
# implicit, so these types are coded without a named one (the actors stage may find none).
UNNAMED_OK = frozenset({"PROTEST"})
# What can be asked to act: people, organisations, states, forces.
ACTOR_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
ACTOR_WORDS = ("@person_objects", "@state", "@military", "@forces", "@crowd", "@organisations")


@dataclass(frozen=True)
class Decision:
    """The coded type of one trigger after folding its complement in."""

    event: str
    mode: str | None
    cameo: str


def is_question(sent: Span) -> bool:
    """A direct question ends with "?" (before closing quotes or brackets)."""
    return sent.text.rstrip().rstrip("\"'”’)]").endswith("?")


def shipped_pattern_files() -> list[Path]:
    folder = resources.files("eventwire.data").joinpath("events")
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".toml"))


class EventCoder:
    def __init__(self, patterns: PatternSet, book: Codebook):
        self.patterns = patterns
        self.book = book
        self.matcher = Matcher(list(patterns.patterns.values()), patterns.lexicon)
        self.cues = Cues(patterns)

    @classmethod
    def load(cls, extra_pattern_files: Iterable[Path] = ()) -> EventCoder:
        """Shipped pattern files, then the user's (same format; same id = override)."""
        book = codebook()
        patterns = PatternSet()
        for path in [*shipped_pattern_files(), *map(Path, extra_pattern_files)]:
            merge_file(path, patterns, book)
        check_lexicon_refs(patterns)
        return cls(patterns, book)

    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma a pattern can fire on: a sentence with none of them holds no event."""
        return frozenset(lemma for p in self.patterns.patterns.values() for lemma in p.lemma)

    def candidates(self, doc: Doc) -> list[EventCandidate]:
        found: list[EventCandidate] = []
        for sent in doc.sents:
            found.extend(self._sentence(sent))
        return found

    def _sentence(self, sent: Span) -> list[EventCandidate]:
        if is_question(sent):
            return []  # a question asserts no event ("What are your views on the conflict?")
        matches = self._matches(sent)
        links = link_frames(matches, self.patterns.lexicon)
        out = []
        for i, match in matches.items():
            penalty = 1.0
            head = links[i]
            if head is not None:
                if self._folds(matches[head], match):
                    continue
                penalty = EMBEDDED_PENALTY
            if is_purpose_request(match, matches, self.patterns.lexicon):
                continue
            folded = [matches[j] for j, h in links.items() if h == i]
            if match.pattern.requires_fold:
                folded = [m for m in folded if self._own_action(match, m)]
                if not folded:
                    continue  # "decided to postpone the vote" states no event of its own
            cand = self._candidate(sent, match, folded, penalty)
            if cand is not None:
                out.append(cand)
        return out

    def _matches(self, sent: Span) -> dict[int, Match]:
        found = {}
        for tok in sent:
            match = self.matcher.match(tok)
            if match is None or match.pattern.weight <= 0:
                continue  # weight 0 marks a blocker: "meet the deadline" is not a meeting
            if "AUX" in match.pattern.pos and not self._demanded(tok):
                continue  # a "must" that nobody reports as a demand
            found[tok.i] = match
        return found

    def _demanded(self, modal: Token) -> bool:
        """"X said Y must do Z" is a demand only when an actor (not a law, a study or a
        commentator) says it, of an actor (not "ways of recording history"), and asks for an act
        (not "must understand", "should consider")."""
        lex = self.patterns.lexicon
        verb = obliged_verb(modal, lex)
        if verb is None or syntax.matches(verb, ("@advice_verbs",), lex):
            return False
        reporters = [verb.head] if verb.dep_ == "ccomp" else []
        reporters += [c for c in verb.children if c.dep_ in ("parataxis", "ccomp")]
        speakers = [s for r in reporters for s in syntax.subjects(r)]
        if any(syntax.matches(s, ("@documents", "@commentators"), lex) for s in speakers):
            return False
        obliged = syntax.own_subjects(verb) + syntax.passive_subjects(verb)
        return all(self._actor_like(s) for s in obliged)

    def _actor_like(self, tok: Token) -> bool:
        if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ACTOR_ENTS:
            return True
        return syntax.matches(tok, ACTOR_WORDS, self.patterns.lexicon)

    def _folds(self, head: Match, child: Match) -> bool:
        hp, cp = head.pattern, child.pattern
        if hp.frame in FOLDING or hp.event == cp.event:
            return True
        # an idiom that names its object ("lift sanctions", "stop shooting") consumes it
        if not hp.object:
            return False
        objects = object_tokens(head.token, hp, self.patterns.lexicon)
        return child.token in objects or child.token.pos_ in ("NOUN", "PROPN")

    def _own_action(self, head: Match, child: Match) -> bool:
        """"X warned it would strike" names X's own act; "X warned that Y could quit" and "warned
        at the start of [negotiations]" do not: the act must be a clause whose subject, if it
        names one, is X, a pronoun or X's forces."""
        own = {t.lemma_.lower() for t in syntax.subjects(head.token)}
        tok = child.token
        while tok.i != head.token.i:
            if tok.dep_ in ("pobj", "prep") or tok.head.i == tok.i:
                return False
            for subj in syntax.own_subjects(tok):
                allowed = subj.pos_ == "PRON" or subj.lemma_.lower() in own
                forces = syntax.matches(subj, ("@forces", "@military"), self.patterns.lexicon)
                if not allowed and not forces:
                    return False
            tok = tok.head
        return True

    def _with_folded_targets(self, roles: Roles, folded: list[Match]) -> Roles:
        """"X threatened to attack Y": the folded complement names the target."""
        if roles.targets or not folded:
            return roles
        source_ids = {t.i for t in roles.sources}
        for child in folded:
            child_roles = find_roles(child.token, child.pattern, self.patterns.lexicon)
            targets = tuple(t for t in child_roles.targets if t.i not in source_ids)
            if targets:
                return Roles(roles.sources, targets, roles.symmetric, roles.structure)
        return roles

    def _decide(self, match: Match, folded: list[Match]) -> Decision:
        p = match.pattern
        decision = Decision(p.event, p.mode, p.cameo)
        child = min(folded, key=lambda m: abs(m.token.i - match.token.i), default=None)
        if child is not None and p.frame == "intent":
            return self._mapped("intent", child.pattern.event, child, decision)
        if child is not None and p.frame == "content":
            mode = p.mode or self._content_mode(p.event, child)
            return Decision(p.event, mode, p.cameo)
        tok = match.token
        if tok.pos_ in ("VERB", "AUX") and syntax.has_modal(tok) and p.frame != "content":
            return self._mapped("future", p.event, match, decision)
        return decision

    def _mapped(self, table: str, event: str, source: Match, default: Decision) -> Decision:
        value = self.patterns.maps.get(table, {}).get(event)
        if not value:
            return default
        new_event, _, new_cameo = value.partition("/")
        sp = source.pattern
        if new_event == sp.event:
            return Decision(sp.event, sp.mode, sp.cameo)
        mode = self._content_mode(new_event, source) if new_event == "THREATEN" else None
        return Decision(new_event, mode, new_cameo or default.cameo)

    def _content_mode(self, event: str, child: Match) -> str | None:
        table = "threat_mode" if event == "THREATEN" else "request_mode"
        table_map = self.patterns.maps.get(table, {})
        cp = child.pattern
        mode = table_map.get(f"{cp.event}:{cp.mode}") or table_map.get(cp.event)
        return mode if mode in self.book.modes(event) else None

    def _candidate(
        self, sent: Span, match: Match, folded: list[Match], penalty: float
    ) -> EventCandidate | None:
        tok, p = match.token, match.pattern
        roles: Roles = find_roles(tok, p, self.patterns.lexicon)
        roles = self._with_folded_targets(roles, folded)
        if not roles.sources and not roles.targets and p.event not in UNNAMED_OK:
            return None  # PLOVER codes no event without a named participant
        decision = self._decide(match, folded)
        mode = decision.mode or self.cues.mode(decision.event, tok, sent)
        entry = self.book.cameo(decision.cameo)
        contexts = self.cues.contexts(p.contexts + entry.contexts, sent, mode)
        start, end = syntax.sentence_bounds(sent)
        return EventCandidate(
            event=decision.event,
            mode=mode,
            contexts=contexts,
            cameo=decision.cameo,
            goldstein=entry.goldstein,
            quad_class=entry.quad_class,
            trigger=tok.text,
            trigger_start=tok.idx,
            trigger_end=tok.idx + len(tok.text),
            sentence_start=start,
            sentence_end=end,
            source_spans=role_spans(roles.sources),
            target_spans=role_spans(roles.targets),
            symmetric=roles.symmetric,
            confidence=confidence(match, roles, penalty, bool(folded)),
            pattern=p.id,
        )
