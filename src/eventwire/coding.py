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
from eventwire.nlp import BATCH_CHARS, irregular_forms, parse, suffix_rules, text_size
from eventwire.text.prefilter import Prefilter, word_forms
from eventwire.errors import ConfigError
from eventwire.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventCandidate,
    Evidence,
    InputError,
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
        return cls(
            actor_dictionary=actors.ActorDictionary.load(list(actor_files)),
            event_coder=event_coder,
            gazetteer=attributes.Gazetteer.load(),
            prefilter=_prefilter(event_coder.patterns) if prefilter else None,
        )

    def parse_text(self, prepared: text.PreparedText) -> str:
        """What the parser reads: the prepared text, less the sentences that hold no trigger."""
        if self.prefilter is None:
            return prepared.coding_text
        return self.prefilter.select(prepared.coding_text)


# Pattern fields naming words that must be in the sentence for the pattern to fire (matched
# against a token's lemma or lower-case text); the prefilter requires one word of each.
_REQUIRED_WORDS = ("particle", "object", "prep", "prep_object", "subject", "modifier", "head")


def _prefilter(patterns: events.PatternSet) -> Prefilter:
    """A prefilter that keeps a sentence when some pattern has all its required words there."""
    irregular, suffixes = irregular_forms(), suffix_rules()
    rules = []
    for pattern in patterns.patterns.values():
        groups = [pattern.lemma]
        for name in _REQUIRED_WORDS:
            words = {
                w for word in getattr(pattern, name)
                for w in (patterns.lexicon.get(word[1:], ()) if word.startswith("@") else (word,))
            }
            # "ent:gpe" names an entity label, which no word list can stand for: not required.
            if words and not any(w.startswith("ent:") for w in words):
                groups.append(words)
        rules.append([word_forms(g, irregular, suffixes) for g in groups])
    return Prefilter(rules)


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
    return drop_unplaced(found)


def drop_unplaced(found: list[Actor]) -> tuple[Actor, ...]:
    """Drop a country-less role word ("---CVL") when the role already has that sector placed.

    "villages in Afghanistan and their residents" gives AFGCVL and ---CVL for one party.
    """
    placed = {a.sector for a in found if a.country}
    return tuple(a for a in found if a.country or a.sector not in placed or not a.code.startswith("-"))


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
        source_outlet=article.outlet,
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
    articles: Iterable[Article],
    coder: Coder | None = None,
    batch_size: int = 32,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[CodedArticle]:
    """Code articles in order, parsing them in batches. Yields one CodedArticle per article.

    A batch ends at ``batch_size`` articles or ``batch_chars`` characters to parse, whichever
    comes first: memory follows the text of a batch (``nlp/batching.py``), and Docs live only
    while their batch is coded.
    """
    coder = coder or default_coder()
    pending: list[tuple[Article, text.PreparedText, str]] = []
    chars = 0

    def flush() -> Iterator[CodedArticle]:
        nonlocal chars
        if not pending:
            return
        batch = pending.copy()
        pending.clear()
        chars = 0
        docs = parse((t for _, _, t in batch), batch_size=len(batch), batch_chars=batch_chars)
        for (article, prepared, _), doc in zip(batch, docs):
            yield _code_doc(article, prepared, doc, coder)

    for article in articles:
        prepared = text.prepare(article)
        if prepared.skipped_reason:
            yield from flush()  # keep output in input order
            yield CodedArticle(article=article, events=(), skipped_reason=prepared.skipped_reason)
            continue
        parse_text = coder.parse_text(prepared)
        size = text_size(parse_text)
        if pending and chars + size > batch_chars:
            yield from flush()
        pending.append((article, prepared, parse_text))
        chars += size
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def code_article(article: Article, coder: Coder | None = None) -> CodedArticle:
    return next(code_articles([article], coder=coder))


def code_isolated(
    articles: list[Article], coder: Coder | None = None, batch_size: int = 32
) -> tuple[list[CodedArticle], dict[str, InputError]]:
    """Code a batch; if one article breaks it, code one by one so only that article is lost.

    Failures are keyed by article id; ``ingest`` and the backfill workers store the same error
    rows from them. A ConfigError (a broken installation or data file) is raised: every article
    would fail alike.
    """
    if not articles:
        return [], {}
    coder = coder or default_coder()  # outside the guard: a coder that cannot load is fatal
    try:
        return list(code_articles(articles, coder=coder, batch_size=batch_size)), {}
    except ConfigError:
        raise
    except Exception:  # noqa: BLE001 - isolate the article below
        pass
    coded: list[CodedArticle] = []
    failures: dict[str, InputError] = {}
    for article in articles:
        try:
            coded.append(code_article(article, coder=coder))
        except ConfigError:
            raise
        except Exception as err:  # noqa: BLE001 - one article must not stop the batch
            message = " ".join(str(err).split())[:200]
            failures[article.id] = InputError(
                article.origin or article.id,
                f"coding failed ({type(err).__name__}: {message}); please report "
                "this article as an eventwire bug",
            )
    return coded, failures
