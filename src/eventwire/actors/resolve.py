"""ArticleActors: every actor mention of one article, and the actor(s) behind a role span.

A role span is split into its coordinated parts ("Pakistan and the Taliban" -> two actors) unless
the parts are titles of one person ("X's National Security Adviser and Director-General of the ISI,
Lt. Gen. Asim Malik" -> one actor). Each part is then coded, in this order of evidence:

1. a named organisation (TTP -> PAKREB, UN -> IGOUNO), unless a state named before an IGO makes
   the person a state's agent ("Pakistan's ambassador to the UN" -> PAKGOV);
2. a state's name, demonym or seat of power, with the sector of the role word at the head;
3. a known office holder (leaders.tsv);
4. the context: a pronoun, a definite role ("the minister") or a surname takes the most recent
   compatible actor before it; a place in the span gives its country ("police in Lagos"); else the
   one country the sentence names; else the country stays unknown ("---REB").
"""

from __future__ import annotations

from dataclasses import replace

from collections import Counter

from spacy.tokens import Doc, Span

from eventwire.actors.coref import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    MentionLog,
    has_country,
    retext,
)
from eventwire.actors.dictionary import CONTEXT_COUNTRY, ActorDictionary, default_code
from eventwire.actors.groups import counted_people, transnational_body
from eventwire.actors.matching import Match
from eventwire.actors.references import words
from eventwire.records import Actor

_UNSET = object()
STATE_KINDS = frozenset({"country", "adjective", "people", "seat"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_FORMER = words("former")
_LOCATING_PREPS = frozenset({"in", "inside", "of"})
_PLACE_PREPS = frozenset({"in", "inside", "near", "across", "throughout", "around", "outside"})
# "the country", "the kingdom": a state named before, as the state itself.
_STATE_NOUNS = words("state_nouns")
# "both sides", "the two countries": the two parties named last. Nouns that name governments
# give the government sector.
_PAIR_NOUNS = words("pair_nouns")
_PAIR_GOV_NOUNS = words("pair_government_nouns")
_COORD_GLUE = frozenset({"and", "or", ",", "&", "as", "well"})
# Entities that name an actor or a place; a bare proper noun ("January", "Research") does not.
_ENTITY_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"})


class ArticleActors:
    """Actors of one article. Build once per article; resolve any number of role spans."""

    def __init__(self, dictionary: ActorDictionary, doc: Doc):
        self._dictionary = dictionary
        self._doc = doc
        self._matches = dictionary.index_for(doc.vocab).matches(doc)
        self._match_at = {i: m for m in self._matches for i in range(m.start, m.end)}
        self._person_at = {t.i: e for e in doc.ents if e.label_ == "PERSON" for t in e}
        self._sentence_cache: dict[int, str | None] = {}
        self._main_country: str | None | object = _UNSET
        self._log = MentionLog()
        self._in_apposition = False
        self._logging = True  # only mentions found in text order feed coreference
        self.mentions: list[Actor] = self._find_mentions()
        self._logging = False

    # -- public -------------------------------------------------------------------------
    def resolve_span(self, start: int, end: int) -> list[Actor]:
        """The actor(s) named by the text between character offsets ``start`` and ``end``."""
        span = self._doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return []
        actors = self._resolve(span)
        if not any(has_country(a) for a in actors):
            actors = self._through_apposition(span) or actors
        return actors

    # -- mentions -----------------------------------------------------------------------
    def _find_mentions(self) -> list[Actor]:
        spans = [_with_of_phrase(chunk) for chunk in self._doc.noun_chunks]
        covered = {t.i for s in spans for t in s}
        spans += [self._doc[m.start : m.end] for m in self._matches if m.start not in covered]
        found: list[Actor] = []
        for span in sorted(spans, key=lambda s: s.start):
            found.extend(a for a in self._resolve(span) if a.country or a.sector)
        return found

    # -- one span -----------------------------------------------------------------------
    def _resolve(self, span: Span) -> list[Actor]:
        actors: list[Actor] = []
        for group in self._groups(span):
            for actor in self._resolve_group(group, span):
                if all(actor.code != a.code for a in actors):
                    actors.append(actor)
        return actors

    def _groups(self, span: Span) -> list[list[int]]:
        """Token indices of each coordinated part of the span (one part when none)."""
        root = span.root
        heads = [root] + [c for c in root.conjuncts if span.start <= c.i < span.end and c.i > root.i]
        if len(heads) == 1:
            return [list(range(span.start, span.end))]
        others = {h.i for h in heads[1:]}
        groups = []
        for head in heads:
            tokens = {t.i for t in head.subtree if span.start <= t.i < span.end}
            for other in heads:
                if other.i != head.i and other.i in tokens:
                    tokens -= {t.i for t in other.subtree}
            tokens -= {t.i for t in span if t.dep_ == "cc" and t.head.i in others | {root.i}}
            groups.append(sorted(tokens))
        if self._titles_of_one_person(span, groups):
            return [list(range(span.start, span.end))]
        return [g for g in groups if g]

    def _titles_of_one_person(self, span: Span, groups: list[list[int]]) -> bool:
        people = {id(self._person_at[t.i]) for t in span if t.i in self._person_at}
        if len(people) != 1:
            return False
        for group in groups:
            if any(i in self._person_at for i in group):
                continue
            head = _group_root(self._doc, group)
            match = self._match_at.get(head.i) if head is not None else None
            if match is None or match.kind != "role":
                return False
        return True

    def _resolve_group(self, group: list[int], span: Span) -> list[Actor]:
        if not group:
            return []
        matches = self._group_matches(group)
        root = _group_root(self._doc, group)
        sector = self._role_sector(matches, root)
        orgs = [m for m in matches if m.kind == "org"]
        states = [m for m in matches if m.kind in STATE_KINDS and m.entry.country != CONTEXT_COUNTRY]
        if orgs and not (orgs[0].entry.country is None and states and states[0].start < orgs[0].start):
            return [self._org_actor(orgs[0], sector, group, span)]
        if states:
            return self._state_actors(states, sector, root, group, span)
        persons = [m for m in matches if m.kind == "person"]
        if persons:
            entry = persons[0].entry
            if entry.sector == "ELI" and entry.country and sector is not None:
                # a past leader named by the office held then: "President Reagan" is USAGOV
                return [self._make(group, entry.name, entry.country, sector)]
            return [self._entry_actor(persons[0], group)]
        return self._from_context(group, matches, sector, span)

    def _group_matches(self, group: list[int]) -> list[Match]:
        seen: list[Match] = []
        for i in group:
            m = self._match_at.get(i)
            if m is not None and m not in seen:
                seen.append(m)
        return seen

    def _role_sector(self, matches: list[Match], root) -> str | None:
        """The sector of the role word at the head of the group, else the nearest one before it."""
        roles = [m for m in matches if m.kind == "role"]
        if not roles:
            return None
        at_root = [m for m in roles if root is not None and m.start <= root.i < m.end]
        before = [m for m in roles if root is not None and m.end <= root.i]
        chosen = (at_root or before[-1:] or roles)[0]
        previous = self._doc[chosen.start - 1] if chosen.start > 0 else None
        if previous is not None and previous.lower_ in _FORMER and chosen.entry.sector in ("GOV", "MIL"):
            return "ELI"  # former office holders are elites, not the government (CAMEO)
        return chosen.entry.sector

    # -- building actors ----------------------------------------------------------------
    def _text_of(self, group: list[int]) -> tuple[str, int, int]:
        first, last = self._doc[group[0]], self._doc[group[-1]]
        start, end = first.idx, last.idx + len(last.text)
        # Span.text joins only these tokens; Doc.text would rebuild the whole article per call.
        return self._doc[group[0] : group[-1] + 1].text, start, end

    def _make(self, group, name, country, sector, code=None) -> Actor:
        text, start, end = self._text_of(group)
        actor = Actor(text, name, code or default_code(country, sector), country, sector, start, end)
        self._remember(group, actor)
        return actor

    def _entry_actor(self, match: Match, group) -> Actor:
        e = match.entry
        return self._make(group, e.name, e.country, e.sector, e.code)

    def _org_actor(self, match: Match, sector, group, span) -> Actor:
        e = match.entry
        if e.country == CONTEXT_COUNTRY:
            country = self._sentence_country(span)
            if country is None:
                return self._make(group, e.name, None, e.sector, e.code)
            return self._make(group, e.name, country, e.sector)
        if e.country and e.sector == "GOV" and sector not in (None, "GOV"):
            # A governing movement's fighters or police are its state's ("Taliban fighters").
            return self._make(group, e.name, e.country, sector)
        return self._make(group, e.name, e.country, e.sector, e.code)

    def _state_actors(self, states: list[Match], sector, root, group, span) -> list[Actor]:
        chosen = [states[0]] + [
            m for prev, m in zip(states, states[1:]) if self._coordinated(prev, m)
        ]
        actors = []
        for m in chosen:
            own = sector or (m.entry.sector if m.kind == "seat" and not self._placed(m) else None)
            if own is None and m.kind == "people" and counted_people(root, m):
                own = "CVL"  # "Palestinians protested", "thousands of Nigerians": the people
            country, name = m.entry.country, m.entry.name
            if m.start > 0 and self._doc[m.start - 1].lower_ == "ethnic":
                # "ethnic Albanians in Serbia": the demonym names a people, the state is where
                # they live, as CAMEO codes it; the demonym's own state only when none other is
                # named.
                country = self._sentence_country(span, exclude=country) or country
                name = self._dictionary.country_name(country)
            actors.append(self._make(group, name, country, own))
        return actors

    def _placed(self, match: Match) -> bool:
        """"a curfew in Algiers": a capital after a preposition of place is the city, not the
        government seated there."""
        before = self._doc[match.start - 1] if match.start > 0 else None
        return before is not None and before.dep_ == "prep" and before.lower_ in _PLACE_PREPS

    def _coordinated(self, first: Match, second: Match) -> bool:
        """True for "French and Egyptian warships": only glue words between two states."""
        between = self._doc[first.end : second.start]
        return len(between) > 0 and all(t.lower_ in _COORD_GLUE for t in between)

    # -- context ------------------------------------------------------------------------
    def _from_context(self, group, matches, sector, span) -> list[Actor]:
        tokens = [self._doc[i] for i in group]
        text, start, end = self._text_of(group)
        pair = self._pair(tokens, start)
        if pair:
            return [retext(a, text, start, end) for a in pair]
        referred = self._coreference(tokens, sector, start)
        if referred is not None:
            actor = retext(referred, text, start, end)
            self._remember(group, actor)
            return [actor]
        if not (sector or matches or any(_names_something(t) for t in tokens)):
            return []
        appositive = self._through_apposition(self._doc[group[0] : group[-1] + 1])
        if appositive:
            return appositive
        places = [m for m in matches if m.kind == "place"]
        country = places[0].entry.country if places else self._located_in(group)
        if country is None and transnational_body(tokens):
            return [self._make(group, text, None, "NGO")]
        country = country or self._sentence_country(span)
        if country is None and sector is not None:
            country = self._article_country(span)
        if country is None and sector is None:
            return []
        name = self._dictionary.country_name(country) if country else (text or "unknown")
        return [self._make(group, name, country, sector)]

    def _pair(self, tokens, before: int) -> list[Actor]:
        """"both sides", "the two governments": the last two countries named, when two are."""
        words = [t.lower_ for t in tokens if not t.is_punct]
        if not (words[:1] == ["both"] and len(words) == 2 or words[:2] == ["the", "two"] and len(words) == 3):
            return []
        noun = words[-1]
        if noun not in _PAIR_NOUNS | _PAIR_GOV_NOUNS:
            return []
        parties = self._log.parties(before, self._named_together)
        if noun in _PAIR_GOV_NOUNS:
            parties = [replace(a, code=a.country + "GOV", sector="GOV") for a in parties]
        return parties

    def _named_together(self, first: Actor, second: Actor) -> bool:
        """"Pakistan and Afghanistan": only glue words between two logged mentions."""
        if first.end is None or second.start is None or first.end > second.start:
            return False
        between = self._doc.char_span(first.end, second.start, alignment_mode="expand")
        if between is None:  # the two mentions touch: "Pakistan-Afghanistan"
            return second.start - first.end <= 1
        return between.text.strip(" ,&") in ("", "and")

    def _coreference(self, tokens, sector, before: int) -> Actor | None:
        words = [t for t in tokens if not t.is_punct]
        if len(words) == 1 and words[0].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._log.pronoun(words[0].lower_, before, tokens[0].sent.start_char)
        person = next((self._person_at[t.i] for t in tokens if t.i in self._person_at), None)
        if person is not None:
            known = self._log.person(person.text, before)
            if known is not None or sector is None:
                return known
        if len(words) == 2 and words[0].lower_ in _DEFINITE and words[1].lower_ in _STATE_NOUNS:
            country = self._log.state(before)  # "the country would retaliate"
            name = self._dictionary.country_name(country) if country else ""
            return Actor("", name, country, country, None) if country else None
        if sector is not None and words and words[0].lower_ in _DEFINITE:
            # "the minister" is one person: a person named earlier beats a group of officials
            one = words[-1].lower_ in PERSON_TITLES
            return self._log.same_sector(sector, before, prefer_person=one)
        if sector is not None and words and words[0].lower_ in ("his", "her", "its", "their"):
            owner = self._log.pronoun(words[0].lower_, before)
            if owner is not None and owner.country:
                return Actor(owner.text, owner.name, owner.country + sector, owner.country, sector)
        return None

    def _located_in(self, group: list[int]) -> str | None:
        """"Security forces [in Guinea]": a nameless group takes the state it is placed in."""
        root = _group_root(self._doc, group)
        for prep in root.children if root is not None else ():
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATING_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                match = self._match_at.get(pobj.i)
                if match is not None and match.kind in STATE_KINDS | {"place"}:
                    if match.entry.country not in (None, CONTEXT_COUNTRY):
                        return match.entry.country
        return None

    def _sentence_country(self, span: Span, exclude: str | None = None) -> str | None:
        """The one country the sentence names outside the span (actors first, then places),
        not counting ``exclude``."""
        sent = span[0].sent
        outside = [m for m in self._matches if sent.start <= m.start < sent.end
                   and not (span.start <= m.start < span.end)]
        for kinds in (STATE_KINDS | {"org", "person"}, {"place"}):
            found = {m.entry.country for m in outside if m.kind in kinds}
            found -= {None, CONTEXT_COUNTRY, exclude}
            if len(found) == 1:
                return found.pop()
            if found:
                return None
        return None

    def _article_country(self, span: Span) -> str | None:
        """"The general", "security forces" in a sentence naming no single state: the article's
        main country, when one is named clearly more often than any other, and the sentence
        names no state or names that one too."""
        if self._main_country is _UNSET:
            counts = Counter(
                m.entry.country for m in self._matches
                if m.kind in STATE_KINDS | {"org", "person"}
                and m.entry.country not in (None, CONTEXT_COUNTRY)
            )
            ranked = counts.most_common(2)
            clear = ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            self._main_country = ranked[0][0] if clear else None
        main = self._main_country
        sent = span[0].sent
        named = {m.entry.country for m in self._matches
                 if sent.start <= m.start < sent.end and m.kind in STATE_KINDS}
        named -= {None, CONTEXT_COUNTRY}
        return main if main is not None and (not named or main in named) else None

    def _through_apposition(self, span: Span) -> list[Actor]:
        """"Kofi Annan, UN secretary-general": code a bare name by the title in apposition."""
        if self._in_apposition:  # one step only: two appositions must not bounce forever
            return []
        root = span.root
        candidates = [c for c in root.children if c.dep_ == "appos" and not span.start <= c.i < span.end]
        if root.dep_ == "appos" and not span.start <= root.head.i < span.end:
            candidates.append(root.head)
        for other in candidates:
            sub = self._doc[other.left_edge.i : other.right_edge.i + 1]
            if sub.start < span.end and span.start < sub.end and other is not root.head:
                continue
            self._in_apposition = True
            try:
                found = [a for a in self._resolve(sub) if has_country(a)]
            finally:
                self._in_apposition = False
            if found:
                return [retext(a, span.text, span.start_char, span.end_char) for a in found]
        return []

    def _remember(self, group: list[int], actor: Actor) -> None:
        if not self._logging:
            return
        person = next((self._person_at[i] for i in group if i in self._person_at), None)
        root = _group_root(self._doc, group)
        is_person = person is not None or (root is not None and root.lower_ in PERSON_TITLES)
        self._log.add(actor, is_person)
        if person is not None:
            self._log.add_person(person.text, person.start_char, actor)


def _group_root(doc: Doc, group: list[int]):
    """The token of the group whose head lies outside it (the first such, in text order)."""
    members = set(group)
    for i in group:
        token = doc[i]
        if token.head.i not in members or token.head.i == token.i:
            return token
    return doc[group[0]] if group else None


def _with_of_phrase(chunk: Span) -> Span:
    """"King Hassan [of Morocco]": a name or title with its "of" phrase is one mention."""
    for child in chunk.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == chunk.end:
            return chunk.doc[chunk.start : child.right_edge.i + 1]
    return chunk


def _names_something(token) -> bool:
    return token.ent_type_ in _ENTITY_LABELS
