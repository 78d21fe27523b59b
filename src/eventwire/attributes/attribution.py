"""Who a sentence attributes an event to: the speaker and, when named, the news outlet.

Two shapes count, and only these (a sentence that merely mentions a speaker elsewhere does not):
the event sits in a clause reported by a speech verb ("…, sources confirmed to CNN-News18",
"X said Y attacked …"), or the sentence carries an "according to X" adjunct. Word lists live in
``data/attributes/attribution.toml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.attributes.anchors import sentence_of, trigger_token
from eventwire.attributes.cues import Cues, default_cues
from eventwire.records import Attribution, EventCandidate

# Edges by which a reporting verb holds the clause it reports.
_REPORTED = frozenset({"ccomp", "parataxis"})
# Named entities that cannot be an outlet, however they are used ("told Pakistan", "told Putin").
_NOT_OUTLET = frozenset({"PERSON", "GPE", "NORP", "LOC"})


def attribution(doc: Doc, cand: EventCandidate, cues: Cues | None = None) -> Attribution | None:
    cues = cues or default_cues()
    trigger = trigger_token(doc, cand)
    if trigger is None:
        return None
    verb = _reporting_verb(trigger, cues)
    if verb is not None:
        return _from_reporting_verb(verb, cues)
    return _according_to(sentence_of(doc, cand), cues)


def _reporting_verb(trigger: Token, cues: Cues) -> Token | None:
    """The speech verb whose reported clause holds the trigger: above it ("sources said [it
    attacked]"), or hanging off the trigger's clause ("[it attacked], sources said")."""
    verbs = cues.words("attribution", "reporting_verbs")
    tok = trigger
    for head in trigger.ancestors:
        if head.lemma_.lower() in verbs and tok.dep_ in _REPORTED:
            return head
        tok = head
    for tok in [trigger, *trigger.ancestors]:
        for child in tok.children:
            if child.dep_ in ("parataxis", "advcl") and child.lemma_.lower() in verbs and _subject(child):
                return child
    return None


def _from_reporting_verb(verb: Token, cues: Cues) -> Attribution:
    subject = _subject(verb)
    listener = _listener(verb)
    speaker = _phrase(subject) if subject is not None else None
    outlet = None
    if listener is not None and _is_outlet(listener, cues, loose=True):
        outlet = _phrase(listener)
    elif subject is not None and _is_outlet(subject, cues, loose=False):
        outlet = speaker
    # The verb stands for itself only: its subtree holds the reported clause.
    parts = [t for t in (subject, listener) if t is not None]
    start = min([verb.i] + [_edge(t, left=True) for t in parts])
    end = max([verb.i] + [_edge(t, left=False) for t in parts])
    return Attribution(text=verb.doc[start : end + 1].text, speaker=speaker, outlet=outlet)


def _according_to(sentence: Span, cues: Cues) -> Attribution | None:
    """"According to X", "as per X", "citing X" anywhere in the sentence."""
    phrases = cues.words("attribution", "according_to")
    for tok in sentence:
        pair = f"{tok.lower_} {tok.nbor().lower_}" if tok.i + 1 < len(tok.doc) else tok.lower_
        if pair in phrases:
            obj = _object_of(tok.nbor())
            lead = tok
        elif tok.lower_ in phrases:
            obj, lead = _object_of(tok), tok
        else:
            continue
        if obj is None:
            continue
        speaker = _phrase(obj)
        outlet = speaker if _is_outlet(obj, cues, loose=False) else _outlet_inside(obj, cues)
        text = tok.doc[lead.i : _edge(obj, left=False) + 1].text
        return Attribution(text=text, speaker=speaker, outlet=outlet)
    return None


def _object_of(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("pobj", "dobj"):
            return child
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _listener(verb: Token) -> Token | None:
    """Who was told: "told Reuters", "confirmed to CNN-News18", "said in an interview with the BBC"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell":
            return child
        if child.dep_ == "prep" and child.lower_ in ("to", "with"):
            obj = _object_of(child)
            if obj is not None:
                return obj
    return None


def _is_outlet(tok: Token, cues: Cues, loose: bool) -> bool:
    """A known outlet name; with ``loose`` (someone was *told*), also any organisation name."""
    outlets = cues.words("attribution", "outlets")
    if _phrase(tok).lower() in outlets or _phrase(tok, drop_det=True).lower() in outlets:
        return True
    if tok.ent_type_ in _NOT_OUTLET or not loose:
        return False
    return tok.ent_type_ == "ORG" or (tok.pos_ == "PROPN" and not tok.ent_type_)


def _outlet_inside(tok: Token, cues: Cues) -> str | None:
    """An outlet named inside a longer phrase ("a Reuters report")."""
    outlets = cues.words("attribution", "outlets")
    for sub in tok.subtree:
        if sub.lower_ in outlets and sub.pos_ == "PROPN":
            return sub.text
    return None


def _phrase(tok: Token, drop_det: bool = False) -> str:
    """The words of a noun phrase, trimmed of edge punctuation (and a leading article)."""
    words = [t for t in tok.subtree]
    while words and (words[0].is_punct or (drop_det and words[0].dep_ == "det")):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words:
        return tok.text
    return tok.doc[words[0].i : words[-1].i + 1].text


def _edge(tok: Token, left: bool) -> int:
    words = [t for t in tok.subtree if not t.is_punct] or [tok]
    return words[0].i if left else words[-1].i
