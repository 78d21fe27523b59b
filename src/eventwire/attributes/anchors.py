"""Find an EventCandidate's words in the parsed Doc and walk the parse around them.

Candidates carry character offsets only (see records.EventCandidate); every attribute component
starts here to turn those offsets back into tokens of the article's Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.records import EventCandidate

# Edges along which a noun trigger ("negotiations", "a possible extension") reaches the verb of its
# clause without crossing into another clause.
NOUN_TO_VERB = frozenset({"prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "conj", "compound",
                          "appos", "oprd", "pcomp", "dative", "agent", "npadvmod", "nmod"})


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens overlapping the character range [start, end) (an index lookup, not a scan: this
    runs several times per event candidate)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return list(span) if span is not None else []


def sentence_of(doc: Doc, cand: EventCandidate) -> Span:
    """The candidate's sentence as a Span (by its character offsets, whatever the Doc's own
    sentence boundaries are)."""
    toks = tokens_in(doc, cand.sentence_start, cand.sentence_end)
    if not toks:
        return doc[0:0]
    return doc[toks[0].i : toks[-1].i + 1]


def trigger_token(doc: Doc, cand: EventCandidate) -> Token | None:
    """The syntactic head of the trigger words: the token whose head lies outside them."""
    toks = tokens_in(doc, cand.trigger_start, cand.trigger_end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    for tok in toks:
        if tok.head.i not in inside or tok.head.i == tok.i:
            return tok
    return toks[0]


def clause_chain(tok: Token) -> list[Token]:
    """The trigger and the words above it up to its clause's head verb, then the verbs that take
    that verb as an infinitive complement ("is set to begin", "refused to attend"). Stops at clause
    boundaries (ccomp, advcl, relcl, conj between verbs), so a reporting verb, a subordinate
    clause or a coordinated verb with its own negation stays outside."""
    chain = [tok]
    while tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX"):
            if not (tok.dep_ == "xcomp" or is_infinitive_clause(tok) or is_participial_adjunct(tok)):
                break
        elif tok.dep_ not in NOUN_TO_VERB:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def is_infinitive_clause(tok: Token) -> bool:
    """"plans to oppose", "a decision to travel" (acl), "demand assurances to curb …" (advcl, a
    purpose): the word above frames the infinitive, so the chain goes on through it."""
    return tok.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_participial_adjunct(tok: Token) -> bool:
    """"…, seeking recognition", "…, killing five": an -ing clause with no subject or
    conjunction of its own shares its head verb's frame ("is likely to use X, seeking Y")."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in tok.children)
    )


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of the same sentence in the dependency tree."""
    up_a = [a, *a.ancestors]
    depth_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth_a:
            return n + depth_a[t.i]
    return 99  # different sentences: as far as can be


def overlaps(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start < s_end and end > s_start for s_start, s_end in spans)
