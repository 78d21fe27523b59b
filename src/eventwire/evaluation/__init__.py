"""Gold readers, scorers and pinned floors: how eventwire measures its own accuracy.

* ``evaluate(gold_path, news_paths, coder)`` codes a gold file with the real pipeline and returns
  a report (``.render()``, ``.figures``); the format (sentence or article gold) is detected.
* ``score_sentences`` / ``score_articles`` score event dicts (``event_to_dict`` shape) without
  running the model, so the scorers are testable on hand-made events.
* ``check_seed(expected, events, level)`` checks one article against an analyst's expectations.
* ``load_gate`` / ``below`` read pinned floors and say which figures fall under them.
* ``attribute_report(events_by_id, articles)`` gives the attribute shares of any coded corpus
  (factuality, location where a place is named, date, attribution); ``article_agreement`` and
  ``sentence_location_agreement`` compare attributes with gold. ``evaluate`` adds both to its
  report (``report.attributes``).
"""

from eventwire.evaluation.articles import ArticleReport, score_articles
from eventwire.evaluation.attribute_gold import (
    answering_event,
    article_agreement,
    sentence_location_agreement,
)
from eventwire.evaluation.attributes import (
    AttributeReport,
    Share,
    attribute_report,
    score_attributes,
    sentence_places,
)
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
    "AttributeReport",
    "Gate",
    "GoldArticle",
    "GoldEvent",
    "GoldSentence",
    "Report",
    "SeedReport",
    "SentenceReport",
    "Share",
    "TypeScore",
    "answering_event",
    "article_agreement",
    "attribute_report",
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
    "score_attributes",
    "score_sentences",
    "sentence_location_agreement",
    "sentence_places",
    "top_event",
    "type_scores",
]
