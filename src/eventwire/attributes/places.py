"""Where an event happened: the place tied to it in its sentence, else the article's main place.

``ArticlePlaces`` is built once per article: it finds every place mention (NER GPE/LOC/FAC spans
and proper-noun runs the gazetteer knows), resolves each on its own (one unknown name never
hides the others) and notes its role — *locative* ("in Doha"), *actor* ("Islamabad demanded",
"talks between Pakistan and …") or *other* ("the Doha talks"). ``locate`` then picks, for one
event candidate, the nearest locative or neutral place of its sentence, else the article's
dominant place (most named outside actor roles), else the article's most named place in any role
(an article that names places only as actors still says where it is about).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.attributes.anchors import overlaps, trigger_token, tree_distance
from eventwire.attributes.cues import Cues, default_cues
from eventwire.attributes.gazetteer import Gazetteer, GazetteerEntry
from eventwire.records import EventCandidate, Place

# Designator words dropped when the full name is unknown ("Khyber Pakhtunkhwa province").
_DESIGNATORS = ("province", "region", "district", "state", "city", "county", "governorate", "oblast",
                "area", "areas", "capital")
# Proper-noun runs outside NER entities are trusted only for places this prominent, because a
# bare capitalised word is as often a surname or an organisation.
_RUN_MIN_POPULATION = 100_000
# Entity labels the small model gives place names by mistake; trusted only in a locative phrase.
_NAME_LABELS = frozenset({"ORG", "NORP", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT"})


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    entry: GazetteerEntry
    role: str  # locative | actor | other
    root: int  # index of the mention's head token in the Doc


class ArticlePlaces:
    """The place mentions of one article, resolved once; ``locate`` answers per event."""

    def __init__(self, gazetteer: Gazetteer, doc: Doc, cues: Cues | None = None):
        cues = cues or default_cues()
        self._gazetteer = gazetteer
        self._locative = cues.words("places", "locative_preps")
        self._actor_preps = cues.words("places", "actor_preps")
        self._actor_deps = cues.words("places", "actor_deps")
        self._features = cues.words("places", "feature_words")
        self._not_places = cues.words("places", "not_places")
        self._in_actor_country = {w.upper() for w in cues.words("places", "in_actor_country_events")}
        spans = self._place_spans(doc, cues.words("places", "entity_labels"))
        context = self._context_countries(spans)
        mentions = (self._mention(span, context) for span in spans)
        self.mentions: tuple[PlaceMention, ...] = tuple(m for m in mentions if m is not None)
        self.dominant: PlaceMention | None = _most_named(self.mentions)
        self.most_named: PlaceMention | None = _most_named(self.mentions, with_actors=True)

    def locate(self, doc: Doc, cand: EventCandidate) -> Place | None:
        """The event's place: its sentence's own, else (for events that happen where their actors
        are) the main place in a country the sentence names, else the article's main place."""
        in_sentence = [m for m in self.mentions if cand.sentence_start <= m.start < cand.sentence_end]
        roles = cand.source_spans + cand.target_spans
        free = [m for m in in_sentence if m.role == "locative"
                or (m.role == "other" and not overlaps(m.start, m.end, roles))]
        if free:
            trigger = trigger_token(doc, cand)
            best = min(free, key=lambda m: (m.role != "locative",
                                            tree_distance(doc[m.root], trigger) if trigger else 0, m.start))
            return _place(best.entry, best.text, best.start, best.end)
        if cand.event.upper() in self._in_actor_country:
            found = self._in_named_country(doc, cand, in_sentence)
            if found is not None:
                return found
        best = self.dominant or _acted_on(doc, in_sentence, cand) or self.most_named
        return _place(best.entry, best.text, best.start, best.end) if best else None

    def _in_named_country(self, doc: Doc, cand: EventCandidate, in_sentence: list[PlaceMention]) -> Place | None:
        """The article's most named place inside a country this sentence names (as a place, an
        actor or a nationality word); else the place the sentence acts on; else the country of a
        nationality word."""
        named = [(m.entry.country, m.text, m.start, m.end) for m in in_sentence if m.entry.country]
        sentence = doc.char_span(cand.sentence_start, cand.sentence_end, alignment_mode="expand")
        words = [*(sentence.ents if sentence else ()), *(t for t in sentence or () if t.pos_ in ("ADJ", "PROPN", "NOUN"))]
        for word in words:  # "Sri Lankan" (an entity) or "Afghan" (a word)
            iso3 = self._gazetteer.demonym_country(word.text)
            if iso3:
                start = word.idx if hasattr(word, "idx") else word.start_char
                named.append((iso3, word.text, start, start + len(word.text)))
        countries = {c for c, *_ in named}
        if not countries or (self.dominant is not None and self.dominant.entry.country in countries):
            return None
        inside = _most_named([m for m in self.mentions if m.entry.country in countries and m.entry.kind != "country"])
        if inside is not None:
            return _place(inside.entry, inside.text, inside.start, inside.end)
        acted_on = _acted_on(doc, in_sentence, cand)
        if acted_on is not None:
            return _place(acted_on.entry, acted_on.text, acted_on.start, acted_on.end)
        iso3, text, start, end = min(named, key=lambda n: n[2])  # a nationality word ("Afghan")
        entry = self._gazetteer.country(iso3)
        return _place(entry, text, start, end) if entry else None

    def _context_countries(self, spans: list[Span]) -> frozenset[str]:
        """Countries the article places things in below country level, from names that can only
        mean one country ("Atlanta", "Peshawar"); they settle ambiguous names ("Georgia")."""
        found = set()
        for span in spans:
            cands = self._gazetteer.candidates(span.text)
            countries = {c.country for c in cands}
            if cands and len(countries) == 1 and all(c.kind != "country" for c in cands):
                found |= countries - {None}
        return frozenset(found)

    def _mention(self, span: Span, context: frozenset[str]) -> PlaceMention | None:
        entry = self._resolve(span, context)
        if entry is None:
            return None
        return PlaceMention(span.start_char, span.end_char, span.text, entry, self._role(span.root), span.root.i)

    def _resolve(self, span: Span, context: frozenset[str]) -> GazetteerEntry | None:
        doc = span.doc
        if span.text.lower() in self._not_places:
            return None
        words = [t.lower_ for t in span]
        following = doc[span.end].lower_ if span.end < len(doc) else ""
        if following in self._features:
            # "Jordan" + "River": the feature, or a place that is no country ("Jaffna peninsula").
            entry = self._gazetteer.lookup(f"{span.text} {doc[span.end].text}", context)
            alone = self._gazetteer.lookup(span.text, context) if entry is None else None
            return entry or (alone if alone is not None and alone.kind != "country" else None)
        entry = self._gazetteer.lookup(span.text, context)
        if entry is None and words and words[-1] in _DESIGNATORS and len(span) > 1:
            entry = self._gazetteer.lookup(span[:-1].text, context)
        if entry is None and any(w in self._features for w in words):
            # "Jaffna peninsula" is about Jaffna, but "the Jordan River" is not about Jordan.
            kept = " ".join(t.text for t in span if t.lower_ not in self._features)
            entry = self._gazetteer.lookup(kept, context) if kept else None
            return entry if entry is not None and entry.kind != "country" else None
        return entry

    def _role(self, tok: Token) -> str:
        if tok.dep_ == "compound" and tok.head.lower_ in self._features:  # "the Jaffna peninsula"
            tok = tok.head
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        if tok.dep_ == "pobj":
            prep = head.lower_
            if prep == "of":
                return self._role_of_of(head)
            if prep in self._locative:
                return "locative"
            if prep in self._actor_preps:
                return "actor"
        if tok.dep_ in self._actor_deps:
            return "actor"
        return "other"


    def _role_of_of(self, of: Token) -> str:
        """"outside of Kabul", "in the town of Samarra", "in a suburb of Beirut": locative when the
        "of" phrase hangs off a locative phrase; otherwise ("the government of Iraq") neutral."""
        above = of.head
        while above.dep_ == "pobj" and above.head.lower_ == "of":  # "zones of the sector of Jaffna"
            above = above.head.head
        if above.lower_ in self._locative:
            return "locative"
        if above.dep_ == "pobj" and above.head.lower_ in self._locative:
            return "locative"
        return "other"


    def _place_spans(self, doc: Doc, labels: frozenset[str]) -> list[Span]:
        """NER place spans; other entities and proper-noun runs where the syntax says place ("in
        Soroti", "the town of Samarra": the small model tags such names ORG or NORP); and
        proper-noun runs elsewhere that name a prominent place."""
        spans = []
        not_person = {e.text for e in doc.ents if e.label_ != "PERSON"}
        for ent in doc.ents:
            if ent.label_.lower() in labels or (ent.label_ in _NAME_LABELS and (
                    self._role(ent.root) == "locative" or self._names_country(ent, not_person))):
                spans.append(ent)
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        for span in _proper_noun_runs(doc, covered):
            entry = self._gazetteer.lookup(span.text)
            if entry is not None and (self._role(span.root) == "locative" or entry.kind != "city"
                                      or entry.population >= _RUN_MIN_POPULATION):
                spans.append(span)
        return sorted(spans, key=lambda s: s.start)


    def _names_country(self, ent: Span, not_person: set[str]) -> bool:
        """A country name the model labels a person or organisation ("Mauritius conferred …" as
        PERSON, ORG elsewhere) is still the country, unless every mention of it in the article is
        a PERSON (a person called Jordan or Chad)."""
        entry = self._gazetteer.lookup(ent.text)
        return entry is not None and entry.kind == "country" and ent.text in not_person


def _proper_noun_runs(doc: Doc, covered: set[int]) -> list[Span]:
    runs, run = [], []
    for tok in [*doc, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.i not in covered and tok.text[:1].isupper():
            run.append(tok)
        elif run:
            runs.append(doc[run[0].i : run[-1].i + 1])
            run = []
    return runs


def _acted_on(doc: Doc, in_sentence: list[PlaceMention], cand: EventCandidate) -> PlaceMention | None:
    """Last resort when the article names places only as actors ("Russia attacked Ukraine."): the
    place acted on (a target, then any non-subject), since the event happens there more often."""
    if not in_sentence:
        return None
    return min(in_sentence, key=lambda m: (not overlaps(m.start, m.end, cand.target_spans),
                                           doc[m.root].dep_ in ("nsubj", "nsubjpass", "poss"), m.start))


def _most_named(mentions, with_actors: bool = False) -> PlaceMention | None:
    """The place named most often outside actor roles, or in any role ``with_actors`` (ties: most
    named overall, then first)."""
    counted = [m for m in mentions if with_actors or m.role != "actor"]
    free = Counter(_key(m.entry) for m in counted)
    if not free:
        return None
    total = Counter(_key(m.entry) for m in mentions)
    first: dict[tuple, PlaceMention] = {}
    for m in counted:
        first.setdefault(_key(m.entry), m)
    best = max(first, key=lambda k: (free[k], total[k], -first[k].start))
    return first[best]


def _key(entry: GazetteerEntry) -> tuple:
    return (entry.name, entry.kind, entry.country)


def _place(entry: GazetteerEntry, text: str, start: int | None, end: int | None) -> Place:
    return Place(text=text, name=entry.name, admin1=entry.admin1, country=entry.country,
                 lat=entry.lat, lon=entry.lon, start=start, end=end)
