"""Dependency helpers over spaCy tokens: who is the subject, the object, the agent of a word.

The labels are those of spaCy's English models (ClearNLP style: nsubj, nsubjpass, dobj, agent,
pobj, xcomp, ccomp, conj, poss, compound, amod, relcl, acl). Everything here is a pure function
of the parse; the coder decides what the roles mean.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "attr"})
# Children that make a noun phrase longer without naming who it is: dropped from role spans.
SPAN_DROP_DEPS = frozenset({"relcl", "acl", "conj", "cc", "advcl", "parataxis"})
SPAN_KEEP_PREPS = frozenset({"of", "from", "for"})
MODALS = frozenset({"will", "shall", "would", "'ll", "wo"})
# "on Saturday", "in March": a time, never a participle's object or an event's participant.
TIME_ENTS = frozenset({"DATE", "TIME"})


def is_time(tok: Token) -> bool:
    return tok.ent_type_ in TIME_ENTS


def word_forms(tok: Token) -> set[str]:
    """The forms a pattern word can match: lemma, lower text, and ``ent:<label>``."""
    forms = {tok.lemma_.lower(), tok.lower_}
    if tok.ent_type_:
        forms.add("ent:" + tok.ent_type_.lower())
    return forms


def matches(tok: Token | None, words: Iterable[str], lexicon: dict[str, frozenset[str]]) -> bool:
    """True when the token is one of ``words`` (``@name`` expands to a lexicon list)."""
    if tok is None:
        return False
    forms = word_forms(tok)
    for word in words:
        if word.startswith("@"):
            if forms & lexicon.get(word[1:], frozenset()):
                return True
        elif word in forms:
            return True
    return False


def conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it ("X, Y and Z")."""
    found = [tok]
    stack = [tok]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child not in found:
                found.append(child)
                stack.append(child)
    return found


def children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_children(tok: Token, preps: Iterable[str] | None = None) -> list[Token]:
    wanted = set(preps) if preps is not None else None
    found = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
            if wanted is None or child.lower_ in wanted or child.lemma_.lower() in wanted:
                found.append(child)
    return found


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions under ``tok`` ("with X", "on X"), with conjuncts."""
    found: list[Token] = []
    for prep in prep_children(tok, preps):
        for pobj in children(prep, {"pobj", "pcomp"}):
            found.extend(t for t in conjuncts(pobj) if not is_time(t))
    return found


def particles(tok: Token) -> list[Token]:
    found = []
    for c in tok.children:
        if c.dep_ in ("prt", "advmod"):
            found.append(c)
        elif c.dep_ in ("prep", "agent") and not any(is_time(g) for g in c.children):
            found.append(c)
    return found


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def own_subjects(tok: Token) -> list[Token]:
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS:
            return conjuncts(child)
    return []


def subjects(tok: Token, depth: int = 0) -> list[Token]:
    """The active subject of a verb, inherited through control, raising and coordination.

    "X is expected to meet Y" (xcomp of a passive raising verb), "X agreed to withdraw"
    (subject control), "X urged Y to leave" (object control: Y), "X attacked and killed Y"
    (coordinated verbs), "troops who attacked" (relative clause: the noun).
    """
    own = own_subjects(tok)
    if own or depth > 4:
        return [t for t in own if t.lower_ not in ("who", "which", "that")] or _relcl_head(tok)
    head = tok.head
    if tok.dep_ == "xcomp" and head is not tok:
        objects = children(head, {"dobj"})
        if objects:
            return conjuncts(objects[0])
        passive = children(head, PASSIVE_SUBJECT_DEPS)
        if passive:
            return conjuncts(passive[0])
        return subjects(head, depth + 1)
    if tok.dep_ in ("conj", "advcl") and head is not tok and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth + 1)
    if tok.dep_ == "acomp" and head is not tok:
        # "X is likely/ready/able to meet Y": the adjective's subject is the copula's.
        return subjects(head, depth + 1)
    if tok.dep_ in ("relcl", "acl") and tok.tag_ != "VBN":
        gathering = _gathering_verb(tok)
        return subjects(gathering, depth + 1) if gathering is not None else [tok.head]
    return []


def _gathering_verb(tok: Token) -> Token | None:
    """"converged for a rally [to protest]": the purpose of an occasion is its attendees'.

    An infinitive on a nameless noun that is itself a prepositional object describes the
    occasion, not who it is ("troops to protect X" keeps the troops as subject).
    """
    noun = tok.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if not infinitive or noun.dep_ != "pobj" or noun.ent_type_:
        return None
    verb = noun.head.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb is not noun.head else None


def _relcl_head(tok: Token) -> list[Token]:
    if tok.dep_ == "relcl":
        return [tok.head]
    return []


def passive_subjects(tok: Token) -> list[Token]:
    for child in tok.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            return conjuncts(child)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "troops deployed to the border"
        return [tok.head]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and is_passive(tok):
        return passive_subjects(tok.head)
    return []


def agents(tok: Token) -> list[Token]:
    found: list[Token] = []
    for child in tok.children:
        if child.dep_ == "agent":
            for pobj in children(child, {"pobj"}):
                found.extend(conjuncts(pobj))
    return found


def direct_objects(tok: Token) -> list[Token]:
    for child in tok.children:
        if child.dep_ in ("dobj", "obj"):
            return conjuncts(child)
    return []


def complements(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]


def has_modal(tok: Token) -> bool:
    """Future/intent auxiliaries on the verb or on the verb it is coordinated with."""
    for t in (tok, tok.head if tok.dep_ == "conj" else tok):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
            return True
    # "is going to attack": going -> xcomp attack
    head = tok.head
    return tok.dep_ == "xcomp" and head.lower_ == "going"


def np_span(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``, without clauses and coordination."""
    keep = _np_tokens(tok)
    tokens = sorted(keep, key=lambda t: t.i)
    while len(tokens) > 1 and (
        (tokens[-1].is_punct and not _closes_bracket(tokens)) or tokens[-1].dep_ == "case"
    ):
        tokens.pop()  # trailing commas, and the 's of a possessor ("Russia's attack")
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    # a sub-phrase that skips a token (a dropped clause) keeps only the run around the head
    start, end = _contiguous_run(tokens, tok)
    return start.idx, end.idx + len(end.text)


def _closes_bracket(tokens: list[Token]) -> bool:
    last = tokens[-1].text
    opening = {")": "(", "]": "[", "\"": "\""}.get(last)
    return opening is not None and any(t.text == opening for t in tokens[:-1])


def _np_tokens(tok: Token, head: bool = True) -> set[Token]:
    keep = {tok}
    for child in tok.children:
        if child.dep_ in ("conj", "cc") and not head:
            pass  # coordinated modifiers are one name: "the Turkish and Greek sides"
        elif child.dep_ in SPAN_DROP_DEPS:
            continue
        if child.dep_ == "punct" and child.i > tok.i and child.text in (",", ";", ":", "—", "–"):
            continue  # a comma after the head opens an apposition or a clause, not the name
        if child.dep_ == "prep" and child.lower_ not in SPAN_KEEP_PREPS:
            continue
        keep |= _np_tokens(child, head=False)
    return keep


def _contiguous_run(tokens: list[Token], head: Token) -> tuple[Token, Token]:
    index = {t.i for t in tokens}
    start = end = head
    doc = head.doc
    while start.i - 1 in index:
        start = doc[start.i - 1]
    while end.i + 1 in index:
        end = doc[end.i + 1]
    return start, end


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Sentence offsets without the blanks that boilerplate removal leaves around it."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return start, max(start, end)
