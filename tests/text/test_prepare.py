from pathlib import Path

import pytest

from eventwire.records import Article
from eventwire.text import prepare
from eventwire.text.boilerplate import BoilerplateRules, boilerplate_flags, load_rules
from eventwire.text.language import detect_language
from eventwire.text.normalise import normalise_chars
from eventwire.errors import ConfigError

SEED = Path(__file__).parents[3] / "shared" / "data" / "seed" / "doha_talks.txt"


def test_normalise_keeps_length_and_swaps_quotes_and_dashes():
    raw = "Pakistan\u2019s \u201ctalks\u201d\u2014brokered\u00a0here, 2019\u20132020 \u2013 ok"
    out = normalise_chars(raw)
    assert len(out) == len(raw)
    assert out == "Pakistan's \"talks\",brokered here, 2019-2020 , ok"


def test_seed_footer_is_blanked_and_offsets_kept():
    text = SEED.read_text("utf-8")
    prepared = prepare(Article(text))
    assert len(prepared.coding_text) == len(text)
    assert len(prepared.dropped) == 2
    assert "opinions posted here" not in prepared.coding_text
    assert "Legal action will be taken" not in prepared.coding_text
    for passage in prepared.passages:
        assert normalise_chars(text[passage.start : passage.end]) == passage.text
    assert "negotiations between Pakistan" in prepared.coding_text


@pytest.mark.parametrize(
    "para",
    [
        "Copyright 2026 Example Media. All rights reserved.",
        "Follow us on Twitter and Facebook for the latest updates.",
        "We use cookies to improve your experience. Accept all cookies.",
        "Sign up for our daily newsletter.",
        "Reporting by Jane Doe; Editing by John Roe",
        "Photo: Reuters",
        "Disclaimer: This story has been published from a wire agency feed without modifications.",
    ],
)
def test_boilerplate_paragraphs_are_flagged(para):
    body = "Troops crossed the border on Monday, officials said."
    assert boilerplate_flags([body, para], load_rules()) == [False, True]


def test_news_paragraphs_are_kept():
    paras = [
        "Police arrested 40 protesters in the capital, the interior ministry said.",
        "The court said it would hear the case on Friday.",
        "The opposition accused the government of rigging the vote.",
    ]
    assert boilerplate_flags(paras, load_rules()) == [False, False, False]


def test_non_english_article_is_skipped_with_reason():
    french = (
        "Le gouvernement a annoncé mardi une nouvelle série de mesures pour lutter contre "
        "l'inflation, selon un communiqué publié par le ministère des finances à Paris. "
        "Les syndicats ont critiqué ces mesures et appelé à une grève nationale la semaine "
        "prochaine dans plusieurs villes du pays."
    )
    prepared = prepare(Article(french))
    assert prepared.skipped_reason and prepared.skipped_reason.startswith("language")
    assert detect_language(SEED.read_text("utf-8")) == "en"


def test_empty_article_is_skipped():
    assert prepare(Article("   \n  ")).skipped_reason.startswith("empty")


def test_invalid_rules_name_the_file():
    with pytest.raises(ConfigError, match="my.json"):
        BoilerplateRules.from_json("{not json", "my.json")
