"""The recipient of an action whose text names none: the state it is done in.

CAMEO codes a one-sided event without a named recipient as aimed at the country where it
happens, its government and people ("protesters rioted in Lagos" -> Nigeria).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import syntax

PLACE_PREPS = ("in", "inside", "throughout", "across")


def domestic_targets(sources: list[Token]) -> list[Token]:
    """A place the sentence puts the action in, else the state named inside the source phrase
    ("Egyptian demonstrators rioted" -> Egypt). Coding drops a target that resolves to the
    source's own code, so "Cairo's police" does not become its own recipient."""
    sent = sources[0].sent
    inside = {t.i for s in sources for t in s.subtree}
    places = [
        t for t in sent
        if t.i not in inside and t.ent_type_ == "GPE" and t.dep_ == "pobj"
        and t.head.lower_ in PLACE_PREPS and not syntax.is_time(t)
    ]
    if places:
        return places[:1]
    own = [
        t for t in sent
        if t.i in inside and t.ent_type_ in ("GPE", "NORP") and t.head.ent_type_ != t.ent_type_
    ]
    return own[:1]
