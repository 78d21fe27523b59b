"""Which trigger states the content of which: folding complements into the trigger above them.

"urged Iran to [release]", "agreed to [withdraw]", "called for [talks]", "said Y [must] leave":
the lower trigger is the content of the upper one and is not coded on its own. A REQUEST in a
purpose clause ("blocked roads to [demand] reforms") is the topic of the action above it, which
PLOVER does not code separately.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import syntax
from eventwire.events.matching import Lexicon, Match

# Links through which a trigger may state the content of a trigger above it.
FRAME_LINKS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acomp", "conj", "advcl"}
)
MAX_FRAME_STEPS = 4
FOLDING = frozenset({"content", "intent"})


def frame_head(tok: Token, matches: dict[int, Match]) -> int | None:
    """Index of the nearest trigger whose content ``tok`` states, if any."""
    cur = tok
    for _ in range(MAX_FRAME_STEPS):
        parent = cur.head
        if parent is cur or cur.dep_ not in FRAME_LINKS:
            return None
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            if not shares_complement(cur):
                return None  # "attacked and killed": two events, not one inside the other
            cur = parent  # "threatened to close or [suspend]": the conjunct is content too
            continue
        if parent.i in matches:
            if cur.dep_ == "advcl" and matches[parent.i].pattern.frame not in FOLDING:
                return None  # "attacked Y to avenge Z": two events; "demanded X to curb": one
            return parent.i
        if parent.pos_ in ("VERB", "AUX") and parent.dep_ not in ("xcomp", "ccomp"):
            return None
        cur = parent
    return None


def shares_complement(verb: Token) -> bool:
    """A verb coordinated inside an infinitive complement, without a subject of its own: in
    "threatened to close or suspend operations" both verbs state what was threatened."""
    first = verb.head
    if first.dep_ != "xcomp" or first.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def is_purpose_request(match: Match, matches: dict[int, Match], lexicon: Lexicon) -> bool:
    """A REQUEST in a purpose clause of another trigger ("went on strike to demand …")."""
    tok = match.token
    if match.pattern.event != "REQUEST" or tok.dep_ != "advcl":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    parent = tok.head
    if parent.i in matches:
        return True
    # the action may be a noun trigger carried by the parent verb ("began a hunger strike")
    carried = syntax.direct_objects(parent) + syntax.prep_objects(parent, _all_preps(parent))
    return any(t.i in matches for t in carried)


def _all_preps(tok: Token) -> list[str]:
    return [c.lower_ for c in syntax.prep_children(tok)]


def obliged_verb(modal: Token, lexicon: Lexicon) -> Token | None:
    """For "X said Y must/should do Z": the verb "do", when a reporting verb governs it."""
    verb = modal.head
    if modal.dep_ != "aux" or verb is modal:
        return None
    reporter = verb.head
    if verb.dep_ == "ccomp" and syntax.matches(reporter, ("@reporting",), lexicon):
        return verb
    # "Y must do Z, X said": the reporting verb is the root and the clause its ccomp/parataxis
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp") and syntax.matches(child, ("@reporting",), lexicon):
            return verb
    return None


def link_frames(matches: dict[int, Match], lexicon: Lexicon) -> dict[int, int | None]:
    """Map each trigger index to the trigger it is the content of (None: coded on its own)."""
    links: dict[int, int | None] = {}
    for i, match in matches.items():
        links[i] = frame_head(match.token, matches)
    for i, match in matches.items():
        if "AUX" in match.pattern.pos:
            verb = obliged_verb(match.token, lexicon)
            if verb is None:
                continue
            # "Y must [be ready] to mediate": the predicate may sit under a copula
            predicates = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "attr", "xcomp")]
            for pred in predicates:
                if pred.i in matches and pred.i != i:
                    links[pred.i] = i
    return links
