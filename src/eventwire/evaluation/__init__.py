"""Gold readers, scorers and pinned floors: how eventwire measures its own accuracy.

* ``evaluate(gold_path, news_paths, coder)`` codes a gold file with the real pipeline and returns
  a report (``.render()``, ``.figures``); the format (sentence or article gold) is detected.
* ``score_sentences`` / ``score_articles`` score event dicts (``event_to_dict`` shape) without
  running the model, so the scorers are testable on hand-made events.
* ``check_seed(expected, events, level)`` checks one article against an analyst's expectations.
* ``load_gate`` / ``below`` read pinned floors and say which figures fall under them.
"""

from eventwire.evaluation.articles import ArticleReport, score_articles
from eventwire.evaluation.floors import Gate, below, load_gate
from eventwire.evaluation.gold import (
    GoldArticle,
    GoldEvent,
    GoldSentence,
    default_news_paths,
    detect_gold_format,
    read_article_gold,
    read_news,
    read_sentence_gold,
)
from eventwire.evaluation.run import Report, code_events, evaluate
from eventwire.evaluation.scores import TypeScore, macro_f1, type_scores
from eventwire.evaluation.seed import SeedReport, check_seed, mismatch
from eventwire.evaluation.sentences import SentenceReport, score_sentences, top_event

__all__ = [
    "ArticleReport",
    "Gate",
    "GoldArticle",
    "GoldEvent",
    "GoldSentence",
    "Report",
    "SeedReport",
    "SentenceReport",
    "TypeScore",
    "below",
    "check_seed",
    "code_events",
    "default_news_paths",
    "detect_gold_format",
    "evaluate",
    "load_gate",
    "macro_f1",
    "mismatch",
    "read_article_gold",
    "read_news",
    "read_sentence_gold",
    "score_articles",
    "score_sentences",
    "top_event",
    "type_scores",
]
