"""Whether an event is reported as having happened: asserted, future, hypothetical or negated.

Read from the trigger outwards along its clause (``anchors.clause_chain``): the trigger's own
modifiers ("a possible extension", "no talks"), then the verbs above it ("is set to begin",
"refused to attend", "could shape"). The first word that carries a cue decides; within one word,
negated > hypothetical > future. Cue words live in ``data/attributes/factuality.toml``, where the
analyst decisions (``expected to`` = future, ``likely to`` = hypothetical …) are written down.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.attributes.anchors import clause_chain, is_infinitive_clause, trigger_token
from eventwire.attributes.cues import Cues, default_cues
from eventwire.records import EventCandidate

_MODIFIER_DEPS = ("amod", "advmod", "npadvmod", "acomp", "det", "neg", "preconj", "nmod", "prep")
# Epistemic modals keep a negated event open ("may not attend" is hypothetical, not negated).
_EPISTEMIC = frozenset({"may", "might", "could"})
# A verb reached from its own subject ("the talks failed") describes the event, it does not deny
# it; negating governors only count along these edges ("refused to attend", "denied the attack",
# "its refusal to attend").
_NEGATABLE_EDGES = frozenset({"xcomp", "dobj", "nsubjpass", "pobj", "prep", "attr", "acl"})


def factuality(doc: Doc, cand: EventCandidate, cues: Cues | None = None) -> str:
    """``asserted`` | ``future`` | ``hypothetical`` | ``negated`` for one event candidate."""
    cues = cues or default_cues()
    trigger = trigger_token(doc, cand)
    if trigger is None:
        return "asserted"
    chain = _chain(trigger)
    for position, tok in enumerate(chain):
        via = chain[position - 1].dep_ if position else ""
        label = _label_at(tok, position, via, cues)
        if label:
            return label
    if _in_condition(chain[-1], cues):
        return "hypothetical"
    return "asserted"


def _chain(trigger: Token) -> list[Token]:
    """``clause_chain``, continued through a coordinated infinitive: in "threatened to close or
    suspend operations" and "refused to meet or talk", the second verb shares the first one's
    "to" and so its governor."""
    chain = clause_chain(trigger)
    top = chain[-1]
    first = top.head
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)
    if top.dep_ == "conj" and top.pos_ in ("VERB", "AUX") and not own_subject and (
        first.dep_ == "xcomp" or is_infinitive_clause(first)
    ):
        return chain + clause_chain(first)
    return chain


def _label_at(tok: Token, position: int, via: str, cues: Cues) -> str | None:
    """The cue one word of the chain carries, if any."""
    found = _modifier_labels(tok, cues) | _aux_labels(tok, cues)
    if tok.pos_ in ("VERB", "AUX") and _denied_subject(tok, cues):
        found.add("negated")  # "No country has recognized …", "nobody was arrested"
    if position > 0:
        found |= _governor_labels(tok, via, cues)
    if tok.dep_ == "advcl" and is_infinitive_clause(tok):
        # A purpose ("troops were sent to retake the town"): the goal is not reported as reached.
        found.add("hypothetical")
    marks = cues.words("factuality", "conditional_marks")
    # The event's clause is a condition ("if they attack"), or depends on one ("if talks fail,
    # they will resume attacks").
    if _has_mark(tok, marks) or any(c.dep_ == "advcl" and _has_mark(c, marks) for c in tok.children):
        found.add("hypothetical")
    if "negated" in found:
        modals = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        return "hypothetical" if modals & _EPISTEMIC else "negated"
    for label in ("hypothetical", "future"):
        if label in found:
            return label
    return None


def _modifier_labels(tok: Token, cues: Cues) -> set[str]:
    found = set()
    for child in tok.children:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        words = {child.lower_, child.lemma_.lower(), _phrase(child)}
        if words & cues.words("factuality", "negating_modifiers") and child.dep_ in ("neg", "det", "advmod", "preconj"):
            found.add("negated")
        if words & cues.words("factuality", "hypothetical_modifiers"):
            found.add("hypothetical")
        if words & cues.words("factuality", "future_modifiers"):
            found.add("future")
    return found


def _aux_labels(tok: Token, cues: Cues) -> set[str]:
    found = set()
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass"):
            if child.lower_ in cues.words("factuality", "future_aux"):
                found.add("future")
            elif child.lower_ in cues.words("factuality", "hypothetical_aux"):
                found.add("hypothetical")
    return found


def _governor_labels(tok: Token, via: str, cues: Cues) -> set[str]:
    """Cues of a word that governs the event: "set/expected/plans to", "proposed", "refused to"."""
    lemma = tok.lemma_.lower()
    found = set()
    if lemma in cues.words("factuality", "negating_governors") and via in _NEGATABLE_EDGES:
        found.add("negated")
    if lemma in cues.words("factuality", "hypothetical_governors"):
        found.add("hypothetical")
    if lemma in cues.words("factuality", "future_governors"):
        found.add("future")
    return found


def _denied_subject(verb: Token, cues: Cues) -> bool:
    """The verb's own subject is quantified by "no" or is "nobody"/"none"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = cues.words("factuality", "negating_subjects")
    return any(
        s.lower_ in words or any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)
        for s in subjects
    )


def _has_mark(tok: Token, marks: frozenset[str]) -> bool:
    """A conditional subordinator on the word; "if not" ("thousands if not millions") is a hedge."""
    return any(c.dep_ == "mark" and c.lower_ in marks and not _followed_by_not(c) for c in tok.children)


def _followed_by_not(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "not"


def _in_condition(top: Token, cues: Cues) -> bool:
    """The clause holding the event lies under an "if …" clause."""
    marks = cues.words("factuality", "conditional_marks")
    return any(tok.dep_ == "advcl" and _has_mark(tok, marks) for tok in [top, *top.ancestors])


def _phrase(tok: Token) -> str:
    """A modifier with its own modifiers, lowercased ("later today")."""
    return " ".join(t.lower_ for t in tok.subtree) if tok.n_lefts + tok.n_rights <= 2 else tok.lower_
