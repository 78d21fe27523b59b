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
from eventwire.events.domestic import domestic_targets
from eventwire.events.matching import Lexicon, governor
from eventwire.events.patterns import Pattern

ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
NOUN_SOURCE_PREPS = ("by", "from")
PARTNER_PREPS = ("with", "between", "among", "amongst")
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
# When a pattern names no target, whom the action is aimed at is read off these prepositions
# ("granted asylum to X", "a war against X", "the curfew on X", "violations by X"), keeping only
# phrases that name someone. Order is preference: an aimed preposition beats an agent.
AIM_PREPS = ("against", "on", "upon", "to", "at", "into", "toward", "towards", "with", "for")
ABOUT_PREPS = AIM_PREPS + ("of", "by", "from", "over", "between")
# Last resort for a target: the place the action is done in ("a curfew in Algiers") stands for
# its country's people and state, as CAMEO codes domestic actions.
PLACE_PREPS = ("in", "inside", "throughout", "across")
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
CONDITION_MARKS = frozenset({"unless", "if", "until"})
MAX_ABOUT_DEPTH = 3
ANIMATE = ("@person_objects", "@crowd", "@state", "@military", "@organisations", "@labour")


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


def _finish(
    p: Pattern, sources: list, targets: list, partners: list, structure: str, fallback=()
) -> Roles:
    """``fallback`` targets come from the clause around the trigger (see ``verb_fallback_targets``):
    they replace targets that name no one, and never make a one-sided event reciprocal. With no
    target at all, a one-sided event is taken as domestic (see ``domestic_targets``)."""
    sources, targets = _unique(sources), _unique(targets)
    symmetric = False
    if p.symmetric:
        sources, extra, symmetric = _reciprocal(sources, partners + targets)
        targets = extra if symmetric else targets
    if fallback and not symmetric:
        targets = _unique(list(fallback))
    if sources and not targets and not symmetric and not p.swap:
        targets = domestic_targets(sources)
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
    fallback: list[Token] = []
    if not any(_animate(t, lexicon) for t in targets) and not (p.symmetric and partners):
        fallback = verb_fallback_targets(tok, objects if p.object_role != "source" else [], sources)
    return _finish(p, sources, targets, partners, "verb", fallback)


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
    if syntax.agents(phrase) or syntax.prep_objects(phrase, ("by",)):
        # "Y's release by X": with the doer named, the possessor is the one it is done to
        owners = [t for t in sources if t.dep_ == "poss"]
        sources = [t for t in sources if t.dep_ != "poss"]
        targets = owners + targets
    structure = "noun"
    verb = light_verb(tok, p, lexicon)
    if verb is not None:
        structure = "light"
        if syntax.is_passive(verb):
            sources += syntax.agents(verb)
        elif tok.dep_ not in ("nsubj", "nsubjpass"):
            sources = syntax.subjects(verb) + sources
        targets += syntax.prep_objects(verb, p.target_preps)
        if phrase.dep_ == "pobj":  # "placed [X] under house arrest", "[X] was held on charges"
            targets += syntax.direct_objects(verb)
            if syntax.is_passive(verb):
                targets += syntax.passive_subjects(verb)
        if p.symmetric:
            partners += syntax.prep_objects(verb, PARTNER_PREPS)
    elif not sources:
        sources = _manner_sources(phrase)
    fallback: list[Token] = []
    if not any(_animate(t, lexicon) for t in targets) and not (p.symmetric and partners):
        fallback = noun_fallback_targets(phrase, verb, sources, targets)
    return _finish(p, sources, targets, partners, structure, fallback)


def _manner_sources(phrase: Token) -> list[Token]:
    """"X staged a strike in protest": a trigger in a manner phrase is done by the clause subject."""
    prep = phrase.head
    if phrase.dep_ != "pobj" or prep.lower_ not in ("in", "as"):
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return syntax.agents(verb) if syntax.is_passive(verb) else syntax.subjects(verb)


def _animate(tok: Token, lexicon: Lexicon) -> bool:
    """A target that can be someone: a named actor, a pronoun, or a word for people or a body."""
    return tok.pos_ == "PRON" or names_actor(tok) or syntax.matches(tok, ANIMATE, lexicon)


def names_actor(tok: Token, depth: int = 0) -> bool:
    """The phrase headed by ``tok`` names someone: an actor entity on it or on its modifiers."""
    if syntax.is_time(tok):
        return False
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if depth >= 2:
        return False
    modifiers = syntax.children(tok, {"compound", "amod", "nmod", "poss", "npadvmod", "appos"})
    modifiers += syntax.prep_objects(tok, ("of",))  # role spans keep "of": "the city of Kirkuk"
    return any(names_actor(c, depth + 1) for c in modifiers)


def about(tok: Token, depth: int = 0) -> list[Token]:
    """Who a phrase is about: itself when it names someone, else the actor it leads to.

    "Serbia's suppression" (the owner), "the curfew on Palestinians", "violations by X",
    "an invitation to attend a meeting of Palestinian factions" (a clause on the noun).
    """
    if names_actor(tok):
        return syntax.conjuncts(tok)
    if depth >= MAX_ABOUT_DEPTH:
        return []
    for prep in ABOUT_PREPS:
        found = [a for obj in syntax.prep_objects(tok, (prep,)) for a in about(obj, depth + 1)]
        if found:
            return found
    for clause in syntax.children(tok, {"acl", "relcl"}):
        found = syntax.agents(clause) if syntax.is_passive(clause) else []
        found = [t for t in found if names_actor(t)] or clause_targets(clause, set(), depth + 1)
        if found:
            return found
    return []


def _first(groups, exclude: set[int]) -> list[Token]:
    """The first non-empty group of candidate tokens, without the event's own sources."""
    for group in groups:
        kept = [t for t in group if t.i not in exclude and t.lower_ not in RELATIVE_WORDS]
        if kept:
            return kept
    return []


def clause_targets(verb: Token, exclude: set[int], depth: int = 0) -> list[Token]:
    """Whom a content clause is aimed at: "demanded that [Y] leave", "refused to lift the curfew
    on [Y]", "threatened to strike unless [Y] withdrew". An xcomp's own subject is the event's
    source (control), so only a finite clause's subject counts."""
    def groups():
        if verb.dep_ != "xcomp":
            yield [a for t in syntax.own_subjects(verb) for a in about(t, depth)]
            yield [a for t in syntax.passive_subjects(verb) for a in about(t, depth)]
        objects = syntax.direct_objects(verb) + _dative_nouns(verb)
        yield [a for t in objects for a in about(t, depth)]
        yield [a for t in syntax.prep_objects(verb, AIM_PREPS + ("over",)) for a in about(t, depth)]
        for clause in syntax.children(verb, {"advcl"}):
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
                yield [a for t in syntax.own_subjects(clause) for a in about(t, depth)]
        if depth < MAX_ABOUT_DEPTH:
            for clause in syntax.complements(verb):
                yield clause_targets(clause, exclude, depth + 1)
        yield [t for head in [verb, *objects] for t in _places(head)]  # "deploy troops in Iraq"
    return _first(groups(), exclude)


def _dative_nouns(tok: Token) -> list[Token]:
    """Indirect objects: "give [Tanzania] a grant" (a "to" dative is a preposition instead)."""
    return [c for c in syntax.children(tok, {"dative"}) if c.pos_ in ("NOUN", "PROPN", "PRON")]


def _places(tok: Token) -> list[Token]:
    return [t for t in syntax.prep_objects(tok, PLACE_PREPS) if t.ent_type_ in PLACE_ENTS]


def _purposes(tok: Token) -> list[Token]:
    """Purpose clauses: "blocked roads [to press] demands", "began a strike [to protest] X"."""
    return [
        c for c in syntax.children(tok, {"advcl", "relcl", "acl"})
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def verb_fallback_targets(tok: Token, objects: list[Token], sources: list[Token]) -> list[Token]:
    """A target for a verb whose pattern found none, from the clause around it (see AIM_PREPS).

    Only for an event with a source: a target alone never makes an event up.
    """
    if not sources:
        return []
    exclude = {t.i for t in sources}

    def groups():
        yield [a for t in objects for a in about(t)]
        yield [a for t in _dative_nouns(tok) for a in about(t)]
        aimed = [p for prt in syntax.children(tok, {"prt"}) for p in syntax.prep_objects(prt, AIM_PREPS)]
        aimed += syntax.prep_objects(tok, AIM_PREPS + ("over",))  # "kidnapped up to 16 advisers"
        yield [a for t in aimed for a in about(t)]
        for clause in syntax.complements(tok) + _purposes(tok):
            yield clause_targets(clause, exclude)
        yield [a for t in syntax.prep_objects(tok, ("in", "as")) for a in about(t, 1)]
        yield [t for head in [tok, *objects] for t in _places(head)]
        for clause in syntax.complements(tok):
            yield _places(clause)
    return _first(groups(), exclude)


def noun_fallback_targets(
    phrase: Token, verb: Token | None, sources: list[Token], targets: list[Token]
) -> list[Token]:
    """A target for a noun trigger: its aimed prepositions, its clause ("demands that Y…"), the
    purpose of the verb carrying it ("began a strike to protest X"), else a place."""
    if not sources:
        return []
    exclude = {t.i for t in sources}
    carrier = verb if verb is not None else (phrase.head.head if phrase.dep_ == "pobj" else None)

    def groups():
        yield [a for t in targets for a in about(t)]
        yield [a for t in syntax.prep_objects(phrase, AIM_PREPS + ("over",)) for a in about(t)]
        for clause in syntax.children(phrase, {"acl", "ccomp", "relcl"}):
            yield clause_targets(clause, exclude)
        yield [a for t in syntax.prep_objects(phrase, ("in", "as")) for a in about(t, 1)]
        if carrier is not None and carrier.pos_ in ("VERB", "AUX"):
            yield [a for t in syntax.prep_objects(carrier, AIM_PREPS) for a in about(t)]
            for clause in _purposes(carrier):
                yield clause_targets(clause, exclude)
            yield [a for t in syntax.prep_objects(carrier, ("in", "as")) for a in about(t, 1)]
            yield _places(carrier)
        yield _places(phrase)
    return _first(groups(), exclude)


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
