"""Source and target of a trigger, read off the dependency structure.

Verbs: the subject is the source and the object the target; in passives the agent ("by X") is the
source and the passive subject the target. Nouns: the possessor ("X's attack"), an actor-like
modifier ("Israeli strikes", "TTP-led violence"), "by/from X", or the subject of a light verb
("X held talks", "X launched an attack"). Reciprocal triggers ("X and Y met", "talks between X
and Y") list the first participant as source and the others as targets, flagged symmetric.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events import syntax
from eventwire.events.matching import Lexicon, governor
from eventwire.events.patterns import Pattern

ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
NOUN_SOURCE_PREPS = ("by", "from")
PARTNER_PREPS = ("with", "between", "among", "amongst")
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class Roles:
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    symmetric: bool
    structure: str  # "verb", "light" (noun with a light verb), "noun"


def _unique(tokens: list[Token]) -> list[Token]:
    seen: set[int] = set()
    out = []
    for t in tokens:
        if t.i not in seen and t.lower_ not in RELATIVE_WORDS and not t.is_punct:
            seen.add(t.i)
            out.append(t)
    return out


def _reciprocal(sources: list[Token], others: list[Token]) -> tuple[list, list, bool]:
    """"X met Y" / "X and Y met": X is the source, the other side the targets.

    With an explicit other side, every coordinated subject stays a source ("X and Y met Z");
    without one, the first participant is the source and the rest the targets.
    """
    others = [t for t in _unique(others) if t not in sources]
    if others and sources:
        return sources, others, True
    participants = _unique(sources + others)
    if len(participants) < 2:
        return sources, others, False
    return participants[:1], participants[1:], True


def _finish(p: Pattern, sources: list, targets: list, partners: list, structure: str) -> Roles:
    sources, targets = _unique(sources), _unique(targets)
    symmetric = False
    if p.symmetric:
        sources, extra, symmetric = _reciprocal(sources, partners + targets)
        targets = extra if symmetric else targets
    if p.swap:
        sources, targets = targets, sources
    source_ids = {t.i for t in sources}
    targets = [t for t in targets if t.i not in source_ids]
    return Roles(tuple(sources), tuple(targets), symmetric, structure)


def _adjectival(tok: Token, lexicon: Lexicon) -> bool:
    """"Israel is opposed to X": a passive form whose subject is the one who opposes."""
    return not syntax.agents(tok) and syntax.matches(tok, ("@adjectival_passives",), lexicon)


def verb_roles(tok: Token, p: Pattern, lexicon: Lexicon) -> Roles:
    """Roles of a verbal (or predicative adjective) trigger."""
    anchor = tok.head if tok.dep_ in ("acomp", "amod") and tok.pos_ == "ADJ" else tok
    if syntax.is_passive(tok) and not _adjectival(tok, lexicon):
        sources = syntax.agents(tok)
        objects = syntax.passive_subjects(tok)
    else:
        sources = syntax.subjects(anchor) or syntax.passive_subjects(tok)
        objects = syntax.direct_objects(tok)
    if p.particle:
        objects += syntax.prep_objects(tok, p.particle)
    sources += syntax.prep_objects(tok, p.source_preps)
    targets = syntax.prep_objects(tok, p.target_preps)
    for obj in syntax.direct_objects(tok):  # "imposed sanctions [on Iran]"
        targets += syntax.prep_objects(obj, p.target_preps)
    partners: list[Token] = []
    if p.symmetric:
        partners = syntax.prep_objects(tok, PARTNER_PREPS)
    if p.object_role == "target":
        targets = objects + targets
    elif p.object_role == "owner":
        targets = [o for obj in objects for o in _owners(obj)] + targets
    elif p.object_role == "partner":
        partners = objects + partners
    elif p.object_role == "source":
        sources = objects + sources
    return _finish(p, sources, targets, partners, "verb")


def _modifier_sources(tok: Token, p: Pattern) -> list[Token]:
    """"US sanctions", "Israeli strikes", "TTP-led violence" (not "Doha talks": a place)."""
    found: list[Token] = []
    for child in tok.children:
        if child.dep_ == "poss":
            found += syntax.conjuncts(child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ACTOR_ENTS:
            found.append(child)
        elif child.dep_ == "amod" and child.lemma_.lower() in ("lead", "back", "sponsor"):
            found += [c for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod")]
    if p.symmetric:
        # a lone place-like modifier of "talks" names where they are held; a pair names who
        paired = [t for t in found if t.dep_ != "poss"]
        if len(paired) < 2 and not any(t.dep_ == "poss" for t in found):
            found = [t for t in paired if t.ent_type_ == "NORP" and len(paired) > 1]
    return found


def _owners(obj: Token) -> list[Token]:
    """Whose proposal, call or crime it is: "an Indian proposal", "calls by X", "X's demands".

    Falls back to the object itself when it names no owner ("rejected the plan").
    """
    found = [c for c in obj.children if c.dep_ == "poss"]
    found += [
        c for c in obj.children
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ACTOR_ENTS
    ]
    found += syntax.prep_objects(obj, NOUN_SOURCE_PREPS)
    return found or [obj]


def light_verb(tok: Token, p: Pattern, lexicon: Lexicon) -> Token | None:
    """The verb a noun trigger is the object of when that verb only carries it ("held talks")."""
    gov = governor(tok)
    if gov is None or gov.pos_ not in ("VERB", "AUX"):
        return None
    if syntax.matches(gov, ("@light_verbs",), lexicon) or (
        p.head and syntax.matches(gov, p.head, lexicon)
    ):
        return gov
    return None


def noun_roles(tok: Token, p: Pattern, lexicon: Lexicon) -> Roles:
    """Roles of a nominal trigger, through its own modifiers or the light verb carrying it."""
    sources = _modifier_sources(tok, p)
    phrase = tok.head if tok.dep_ == "compound" else tok  # "[mediation] effort between X and Y"
    if phrase is not tok:
        sources += _modifier_sources(phrase, p)
    sources += syntax.prep_objects(phrase, NOUN_SOURCE_PREPS + p.source_preps)
    targets = syntax.prep_objects(phrase, p.target_preps)
    partners = syntax.prep_objects(phrase, PARTNER_PREPS) if p.symmetric else []
    of_objects = syntax.prep_objects(phrase, ("of",))
    if p.of_role == "target":
        targets = of_objects + targets
    elif p.of_role == "source":
        sources += of_objects
    structure = "noun"
    verb = light_verb(tok, p, lexicon)
    if verb is not None:
        structure = "light"
        if syntax.is_passive(verb):
            sources += syntax.agents(verb)
        elif tok.dep_ not in ("nsubj", "nsubjpass"):
            sources = syntax.subjects(verb) + sources
        targets += syntax.prep_objects(verb, p.target_preps)
        if phrase.dep_ == "pobj":  # "placed [X] under house arrest"
            targets += syntax.direct_objects(verb)
        if p.symmetric:
            partners += syntax.prep_objects(verb, PARTNER_PREPS)
    return _finish(p, sources, targets, partners, structure)


def obligation_roles(modal: Token, p: Pattern) -> Roles:
    """"X said Y must leave": X (the speaker) demands, Y is asked."""
    verb = modal.head
    reporter = verb.head if verb.dep_ == "ccomp" else None
    if reporter is None:
        reporter = next(c for c in verb.children if c.dep_ in ("parataxis", "ccomp"))
    sources = syntax.subjects(reporter)
    targets = syntax.own_subjects(verb) or syntax.passive_subjects(verb)
    return _finish(p, sources, targets, [], "verb")


def find_roles(tok: Token, p: Pattern, lexicon: Lexicon) -> Roles:
    if tok.dep_ == "aux" and "AUX" in p.pos:
        return obligation_roles(tok, p)
    if tok.pos_ in ("NOUN", "PROPN"):
        return noun_roles(tok, p, lexicon)
    return verb_roles(tok, p, lexicon)


def role_spans(tokens: tuple[Token, ...]) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for tok in tokens:
        span = syntax.np_span(tok)
        if span not in spans:
            spans.append(span)
    return tuple(spans)
