import os
import json
from pathlib import Path

import pytest

from eventwire.errors import InputFileError
from eventwire.evaluation import (
    default_news_paths,
    detect_gold_format,
    evaluate,
    read_article_gold,
    read_sentence_gold,
)

SHARED_DATA = Path(os.environ["EVENTWIRE_SHARED_DATA"])


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


SENTENCE = {
    "id": "S-1",
    "text": "Iraq accused Syria of shelling.",
    "event": "ACCUSE",
    "event_acceptable": ["ACCUSE", "THREATEN"],
    "sources": [{"text": "Iraq", "code": "IRQ", "sector": None}],
    "targets": [{"text": "Syria", "code": "SYR", "sector": None}],
}
ARTICLE = {
    "id": "7",
    "events": [
        {"event": "AID", "mode": None, "quote": "sent food", "actor": ["USA"],
         "recipient": ["SOM"], "factuality": "asserted"},
    ],
}


def test_detects_both_formats(tmp_path):
    assert detect_gold_format(write_jsonl(tmp_path / "s.jsonl", [SENTENCE])) == "sentences"
    assert detect_gold_format(write_jsonl(tmp_path / "a.jsonl", [ARTICLE])) == "articles"


def test_unknown_format_names_the_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('\n{"id": 1, "label": "AID"}\n', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"x\.jsonl:2"):
        detect_gold_format(path)


def test_malformed_json_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(SENTENCE) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"bad\.jsonl:2: not valid JSON"):
        read_sentence_gold(path)


def test_sentence_record_keeps_codes_and_acceptable_labels(tmp_path):
    (gold,) = read_sentence_gold(write_jsonl(tmp_path / "s.jsonl", [SENTENCE]))
    assert gold.id == "S-1"
    assert gold.event_acceptable == ("ACCUSE", "THREATEN")
    assert gold.sources == ("IRQ",) and gold.targets == ("SYR",)


def test_article_gold_joins_texts_by_id_as_string(tmp_path):
    news = write_jsonl(
        tmp_path / "news.jsonl",
        [{"id": 7, "text": "The US sent food to Somalia.", "title": "Aid",
          "published": "2025-03-14 20:30:26Z"}],
    )
    (gold,) = read_article_gold(write_jsonl(tmp_path / "a.jsonl", [ARTICLE]), [news])
    assert gold.article.id == "7"
    assert gold.article.text == "The US sent food to Somalia."
    assert gold.article.published.isoformat() == "2025-03-14"
    assert gold.events[0].actor == ("USA",) and gold.events[0].factuality == "asserted"


def test_article_without_text_is_an_error_naming_the_id(tmp_path):
    gold = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    with pytest.raises(InputFileError, match=r"a\.jsonl:1: no text for article '7'"):
        read_article_gold(gold, [])


def test_default_news_paths_are_the_sibling_news_folder(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "news").mkdir()
    write_jsonl(tmp_path / "news" / "n.jsonl", [])
    gold = write_jsonl(tmp_path / "gold" / "a.jsonl", [ARTICLE])
    assert default_news_paths(gold) == [(tmp_path / "news" / "n.jsonl").resolve()]


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="shared data not available")
@pytest.mark.parametrize(
    ("name", "count"),
    [("wikinews_doc_dev.jsonl", 35), ("voa_doc_dev.jsonl", 44)],
)
def test_shared_article_gold_finds_every_text(name, count):
    gold = SHARED_DATA / "gold" / name
    articles = read_article_gold(gold, default_news_paths(gold))
    assert len(articles) == count
    for g in articles:
        for ev in g.events:
            assert ev.quote in g.article.text or ev.quote in (g.article.title or "")


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="shared data not available")
def test_shared_sentence_gold_reads_all_records():
    gold = read_sentence_gold(SHARED_DATA / "gold" / "plover_gsr_dev.jsonl")
    assert len(gold) == 160
    assert all(g.event in g.event_acceptable for g in gold)


def test_evaluate_refuses_a_file_that_is_not_gold_before_coding(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "1", "title": "no labels here"}\n', encoding="utf-8")
    with pytest.raises(InputFileError, match="not a gold record"):
        evaluate(path)
