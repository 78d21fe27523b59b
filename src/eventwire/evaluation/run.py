"""evaluate(): code a gold set with the real pipeline and score it (``eventwire evaluate``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from eventwire.coding import Coder, code_articles, default_coder
from eventwire.evaluation.articles import ArticleReport, score_articles
from eventwire.evaluation.attribute_gold import article_agreement, sentence_location_agreement
from eventwire.evaluation.attributes import attribute_report
from eventwire.evaluation.gold import (
    SENTENCE_FORMAT,
    default_news_paths,
    detect_gold_format,
    read_article_gold,
    read_sentence_gold,
)
from eventwire.evaluation.sentences import SentenceReport, score_sentences
from eventwire.records import Article, event_to_dict

Report = SentenceReport | ArticleReport


def code_events(articles: Iterable[Article], coder: Coder | None = None) -> dict[str, list[dict]]:
    """Event dicts (public JSON shape) of each article, keyed by article id."""
    return {
        coded.article.id: [event_to_dict(ev) for ev in coded.events]
        for coded in code_articles(articles, coder=coder)
    }


def evaluate(
    gold_path: Path,
    news_paths: Iterable[Path] = (),
    coder: Coder | None = None,
    asserted_only: bool = True,
    attributes: bool = True,
) -> Report:
    """Score eventwire on a gold file, sentence or article format (detected from the file).

    Article gold needs the article texts: ``news_paths`` are news JSONL files holding them by
    ``id``; when none are given, ``<gold dir>/../news/*.jsonl`` is searched. ``asserted_only``
    applies to article gold (sentence gold has one asserted event per record). ``attributes``
    adds the attribute report (coverage and gold agreement; it parses the evidence sentences
    once more for place names).
    """
    gold_path = Path(gold_path)
    gazetteer = (coder or default_coder()).gazetteer
    if detect_gold_format(gold_path) == SENTENCE_FORMAT:
        sentences = read_sentence_gold(gold_path)
        texts = {g.id: Article(text=g.text, id=g.id) for g in sentences}
        events = code_events(texts.values(), coder)
        report = replace(score_sentences(sentences, events), name=gold_path.name)
        if not attributes:
            return report
        agreement = sentence_location_agreement(sentences, events, gazetteer)
    else:
        gold = read_article_gold(gold_path, list(news_paths) or default_news_paths(gold_path))
        texts = {g.article.id: g.article for g in gold}
        events = code_events(texts.values(), coder)
        report = score_articles(gold, events, asserted_only=asserted_only, name=gold_path.name)
        if not attributes:
            return report
        agreement = article_agreement(gold, events)
    found = attribute_report(events, texts, gazetteer)
    return replace(report, attributes=replace(found, agreement=agreement))
