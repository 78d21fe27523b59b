"""code_articles(): the one place where the stages are composed (articles in, events out).

text.prepare -> nlp.parse -> events.candidates -> actors.resolve (roles) ->
attributes (place, date, factuality, attribution) -> Event records.

Every stage below is independent of the others; this module passes records between them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire import actors, attributes, events, text
from eventwire.nlp import irregular_forms, parse
from eventwire.text.prefilter import Prefilter, word_forms
from eventwire.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventCandidate,
    Evidence,
)


@dataclass
class Coder:
    """Everything loaded once per process: the knowledge files of each stage."""

    actor_dictionary: actors.ActorDictionary
    event_coder: events.EventCoder
    gazetteer: attributes.Gazetteer
    prefilter: Prefilter | None = None  # None parses every sentence

    @classmethod
    def load(
        cls,
        actor_files: Iterable[Path] = (),
        pattern_files: Iterable[Path] = (),
        prefilter: bool = True,
    ) -> Coder:
        event_coder = events.EventCoder.load(list(pattern_files))
        forms = word_forms(event_coder.trigger_lemmas(), irregular_forms()) if prefilter else None
        return cls(
            actor_dictionary=actors.ActorDictionary.load(list(actor_files)),
            event_coder=event_coder,
            gazetteer=attributes.Gazetteer.load(),
            prefilter=Prefilter(forms) if prefilter else None,
        )

    def parse_text(self, prepared: text.PreparedText) -> str:
        """What the parser reads: the prepared text, less the sentences that hold no trigger."""
        if self.prefilter is None:
            return prepared.coding_text
        return self.prefilter.select(prepared.coding_text)


_DEFAULT: Coder | None = None


def default_coder() -> Coder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder.load()
    return _DEFAULT


def event_id(article_id: str, cand: EventCandidate, sources, targets) -> str:
    """Stable across runs: the same article, trigger, type and actors give the same id."""
    key = "|".join(
        [
            article_id,
            cand.event,
            str(cand.trigger_start),
            str(cand.trigger_end),
            ",".join(a.code for a in sources),
            ",".join(a.code for a in targets),
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _resolve_roles(spans, article_actors) -> tuple[Actor, ...]:
    found: list[Actor] = []
    for start, end in spans:
        for actor in article_actors.resolve_span(start, end):
            if all(a.code != actor.code for a in found):
                found.append(actor)
    return tuple(found)


def _build_event(article: Article, doc, cand, article_actors, places) -> Event:
    sources = _resolve_roles(cand.source_spans, article_actors)
    targets = _resolve_roles(cand.target_spans, article_actors)
    # An actor is not its own recipient ("Pakistan's attacks on Pakistan" stays possible only
    # when the codes differ by sector).
    targets = tuple(t for t in targets if all(t.code != s.code for s in sources))
    evidence = Evidence(
        sentence=article.text[cand.sentence_start : cand.sentence_end],
        start=cand.sentence_start,
        end=cand.sentence_end,
        trigger=article.text[cand.trigger_start : cand.trigger_end],
        trigger_start=cand.trigger_start,
        trigger_end=cand.trigger_end,
    )
    return Event(
        event_id=event_id(article.id, cand, sources, targets),
        article_id=article.id,
        event=cand.event,
        mode=cand.mode,
        contexts=cand.contexts,
        cameo=cand.cameo,
        goldstein=cand.goldstein,
        quad_class=cand.quad_class,
        sources=sources,
        targets=targets,
        location=places.locate(doc, cand),
        date=attributes.resolve_date(doc, cand, article.published),
        factuality=attributes.factuality(doc, cand),
        attribution=attributes.attribution(doc, cand),
        evidence=evidence,
        confidence=cand.confidence,
        symmetric=cand.symmetric,
    )


def _code_doc(article: Article, prepared, doc, coder: Coder) -> CodedArticle:
    article_actors = actors.ArticleActors(coder.actor_dictionary, doc)
    places = attributes.ArticlePlaces(coder.gazetteer, doc)
    built: dict[str, Event] = {}
    for cand in coder.event_coder.candidates(doc):
        ev = _build_event(article, doc, cand, article_actors, places)
        built.setdefault(ev.event_id, ev)
    return CodedArticle(
        article=article,
        events=tuple(built.values()),
        passages=prepared.passages,
        dropped=prepared.dropped,
    )


def code_articles(
    articles: Iterable[Article], coder: Coder | None = None, batch_size: int = 32
) -> Iterator[CodedArticle]:
    """Code articles in order, parsing them in batches. Yields one CodedArticle per article."""
    coder = coder or default_coder()
    pending: list[tuple[Article, text.PreparedText]] = []

    def flush() -> Iterator[CodedArticle]:
        if not pending:
            return
        docs = parse((coder.parse_text(p) for _, p in pending), batch_size=batch_size)
        for (article, prepared), doc in zip(pending, docs):
            yield _code_doc(article, prepared, doc, coder)
        pending.clear()

    for article in articles:
        prepared = text.prepare(article)
        if prepared.skipped_reason:
            yield from flush()  # keep output in input order
            yield CodedArticle(article=article, events=(), skipped_reason=prepared.skipped_reason)
            continue
        pending.append((article, prepared))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def code_article(article: Article, coder: Coder | None = None) -> CodedArticle:
    return next(code_articles([article], coder=coder))
