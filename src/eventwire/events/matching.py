"""Which pattern, if any, a token triggers: lemma and part of speech, then syntactic constraints."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events import syntax
from eventwire.events.patterns import Pattern

Lexicon = dict[str, frozenset[str]]
SKIP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class Match:
    token: Token
    pattern: Pattern


def governor(tok: Token) -> Token | None:
    """The word a noun depends on as an argument: "reach [an agreement]", "go [on strike]"."""
    if tok.dep_ == "compound":  # "launched a [mediation] effort": the effort's governor
        tok = tok.head
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass", "nsubj", "attr", "dative", "oprd"):
        return tok.head
    if tok.dep_ in ("pobj", "pcomp") and tok.head.head is not tok.head:
        return tok.head.head
    return None


def object_tokens(tok: Token, pattern: Pattern, lexicon: Lexicon) -> list[Token]:
    """What fills the object slot: dobj, passive subject, the particle's object, a noun's "of".

    A partitive object is looked through: "captured part [of the stronghold]".
    """
    found = _object_slot(tok, pattern)
    for obj in list(found):
        if syntax.matches(obj, ("@partitives",), lexicon):
            found += syntax.prep_objects(obj, ("of",))
    return found


def _object_slot(tok: Token, pattern: Pattern) -> list[Token]:
    found = syntax.direct_objects(tok)
    # a gerund complement fills the object slot too: "stopped [shooting]"
    found += [c for c in tok.children if c.dep_ in ("xcomp", "pcomp") and c.tag_ == "VBG"]
    if syntax.is_passive(tok):
        found += syntax.passive_subjects(tok)
    if pattern.particle:
        found += syntax.prep_objects(tok, pattern.particle)
    if tok.pos_ in ("NOUN", "PROPN"):
        found += syntax.prep_objects(tok, ("of",))
        found += [c for c in tok.children if c.dep_ == "compound"]
    return found


def modifier_tokens(tok: Token) -> list[Token]:
    found = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    # "hunger strike" is sometimes parsed with the modifier as a compound of a compound
    for child in list(found):
        found += [c for c in child.children if c.dep_ in ("compound", "amod")]
    return found


def _any(tokens: list[Token], words: tuple[str, ...], lexicon: Lexicon) -> bool:
    return any(syntax.matches(t, words, lexicon) for t in tokens)


def _check_words(tok: Token, p: Pattern, lexicon: Lexicon) -> bool:
    if p.particle and not _any(syntax.particles(tok), p.particle, lexicon):
        return False
    if p.not_particle and _any(syntax.particles(tok), p.not_particle, lexicon):
        return False
    if p.object or p.not_object or p.no_object:
        objects = object_tokens(tok, p, lexicon)
        if p.object and not _any(objects, p.object, lexicon):
            return False
        if p.not_object and _any(objects, p.not_object, lexicon):
            return False
        if p.no_object and syntax.direct_objects(tok):
            return False
    if p.no_agent and not (syntax.is_passive(tok) and not syntax.agents(tok)):
        return False
    if p.no_predicate and any(c.dep_ == "oprd" for c in tok.children):
        return False
    if p.prep and not _any(syntax.prep_children(tok), p.prep, lexicon):
        return False
    if p.not_prep and _any(syntax.prep_children(tok), p.not_prep, lexicon):
        return False
    if p.prep_object or p.not_prep_object:
        pobjs = syntax.prep_objects(tok, _all_preps(tok))
        # the parser often hangs the phrase on the object: "imposed [restrictions on women]"
        for obj in syntax.direct_objects(tok):
            pobjs += syntax.prep_objects(obj, _all_preps(obj))
        if p.prep_object and not _any(pobjs, p.prep_object, lexicon):
            return False
        if p.not_prep_object and _any(pobjs, p.not_prep_object, lexicon):
            return False
    return True


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _all_preps(tok: Token) -> list[str]:
    return [c.lower_ for c in syntax.prep_children(tok)]


def named_disaster(tok: Token, lexicon: Lexicon) -> bool:
    """A name the article gives a storm or quake: "was struck by [Chido]" after "Cyclone Chido"."""
    if tok.pos_ != "PROPN":
        return False
    for other in tok.doc:
        if other.text == tok.text and other.i > 0:
            before = tok.doc[other.i - 1]
            if syntax.matches(before, ("@disasters",), lexicon):
                return True
    return False


def _unwanted_subject(tok: Token, words: tuple[str, ...], lexicon: Lexicon) -> bool:
    """The doer is one of ``words``; in a passive the doer is the agent ("struck by a storm")."""
    doers = syntax.subjects(tok) + (syntax.agents(tok) if syntax.is_passive(tok) else [])
    if _any(doers, words, lexicon):
        return True
    return "@disasters" in words and any(named_disaster(t, lexicon) for t in doers)


def _check_shape(tok: Token, p: Pattern, lexicon: Lexicon) -> bool:
    """The trigger's own attachment, bareness and sentence: constraints beyond its arguments."""
    if p.dep and tok.dep_ not in p.dep:
        return False
    if p.bare and not _is_bare(tok):
        return False
    if p.not_sentence and _any(list(tok.sent), p.not_sentence, lexicon):
        return False
    if p.predicate and not _any(predicate_tokens(tok), p.predicate, lexicon):
        return False
    return True


def predicate_tokens(tok: Token) -> list[Token]:
    """What the verb calls its object, with its adjectives: "labelled X [a dictator]", "called
    the move [illegal]", "described the attacks as a [dastardly] [act]"."""
    found = [c for c in tok.children if c.dep_ in ("oprd", "acomp")]
    for holder in [tok, *syntax.direct_objects(tok)]:
        found += syntax.prep_objects(holder, ("as",))
    found += [c for t in list(found) for c in t.children if c.dep_ in ("amod", "conj")]
    return found


def _is_bare(tok: Token) -> bool:
    """"he agreed", "he is still fighting": no object, complement, clause, preposition, and a
    single subject (coordinated subjects make a reciprocal event: "X and Y agreed")."""
    if syntax.direct_objects(tok) or syntax.prep_children(tok):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "dative") for c in tok.children):
        return False
    return len(syntax.own_subjects(tok)) < 2


def _check_context(tok: Token, p: Pattern, lexicon: Lexicon) -> bool:
    if p.subject or p.not_subject:
        verbal = tok.pos_ in ("VERB", "AUX", "ADJ")
        subj = syntax.subjects(tok) if verbal else []
        if p.subject and not _any(subj, p.subject, lexicon):
            return False
        if p.not_subject and verbal and _unwanted_subject(tok, p.not_subject, lexicon):
            return False
    if p.modifier or p.not_modifier:
        mods = modifier_tokens(tok)
        if p.modifier and not _any(mods, p.modifier, lexicon):
            return False
        if p.not_modifier and _any(mods, p.not_modifier, lexicon):
            return False
    if p.head or p.not_head:
        gov = governor(tok)
        if p.head and not syntax.matches(gov, p.head, lexicon):
            return False
        if p.not_head and syntax.matches(gov, p.not_head, lexicon):
            return False
    comps = [c for c in tok.children if c.dep_ == "xcomp"]
    if tok.pos_ in ("NOUN", "PROPN"):  # "calls [to end] the violence": a noun's infinitive
        comps += [c for c in tok.children if c.dep_ == "acl" and _infinitive(c)]
    if p.complement and not comps:
        return False
    if p.not_complement and _any(comps, p.not_complement, lexicon):
        return False
    return True


def is_generic(tok: Token) -> bool:
    """An indefinite noun in a present-tense copula states a definition or a figure, not an
    event: "an attack on one is an attack on all", "this is a demonstration of our resolve"."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "attr"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return False
    return tok.head.lemma_ == "be" and tok.head.tag_ in ("VBZ", "VBP")


class Matcher:
    """Patterns indexed by lemma; ``match(tok)`` returns the most specific matching pattern."""

    def __init__(self, patterns: list[Pattern], lexicon: Lexicon):
        self.lexicon = lexicon
        self.by_lemma: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            for lemma in pattern.lemma:
                self.by_lemma[lemma].append(pattern)
        for bucket in self.by_lemma.values():
            bucket.sort(key=lambda p: -p.specificity)

    def match(self, tok: Token) -> Match | None:
        candidates = self.by_lemma.get(tok.lemma_.lower()) or self.by_lemma.get(tok.lower_)
        if not candidates or tok.ent_type_ in SKIP_ENTS or is_generic(tok):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound":
            # "attack helicopter", "protest leaders" are modifiers, not events; "mediation
            # effort", "peace mission" carry the event in the modifier
            if not syntax.matches(tok.head, ("@carrier_nouns",), self.lexicon):
                return None
        pos = "VERB" if tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass") else tok.pos_
        for pattern in candidates:
            if pos not in pattern.pos and not (pos == "PROPN" and "NOUN" in pattern.pos):
                continue
            if (
                _check_words(tok, pattern, self.lexicon)
                and _check_context(tok, pattern, self.lexicon)
                and _check_shape(tok, pattern, self.lexicon)
            ):
                return Match(tok, pattern)
        return None
