"""Role-span resolution and coreference on parsed text (loads the spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorDictionary, ArticleActors

SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed" / "doha_talks.txt"


def _resolve(nlp, dictionary, text: str, phrase: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    actors = ArticleActors(dictionary, nlp(text))
    return actors.resolve_span(start, start + len(phrase))


def _codes(actors):
    return [a.code for a in actors]


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article_role_spans(nlp, dictionary):
    text = SEED.read_text(encoding="utf-8").replace("\u2019", "'")
    article = ArticleActors(dictionary, nlp(text))

    def at(phrase):
        i = text.index(phrase)
        return article.resolve_span(i, i + len(phrase))

    assert _codes(at("Pakistan and the Taliban")) == ["PAK", "AFGGOV"]
    malik = at(
        "Pakistan's National Security Adviser and Director-General of the Inter-Services "
        "Intelligence (ISI), Lt. Gen. Asim Malik"
    )
    assert len(malik) == 1 and malik[0].code in {"PAKGOV", "PAKSPY", "PAKMIL"}
    yaqoob = at("Afghan Taliban Defense Minister Mullah Yaqoob")
    assert len(yaqoob) == 1 and yaqoob[0].code in {"AFGGOV", "AFGMIL"}
    ttp = at("the Tehreek-e-Taliban Pakistan (TTP)")
    assert ttp[0].country == "PAK" and ttp[0].sector in {"REB", "INS", "UAF"}
    assert ttp[0].name == "Tehreek-e-Taliban Pakistan"
    assert _codes(at("the Taliban government")) == ["AFGGOV"]
    assert _codes(at("Islamabad")) == ["PAKGOV"]
    assert all(a.start is not None and text[a.start : a.end] == a.text for a in article.mentions)


@pytest.mark.parametrize(
    ("text", "phrase", "codes"),
    [
        ("Portuguese President Mario Soares said on Tuesday.", "Portuguese President Mario Soares", ["PRTGOV"]),
        ("Witnesses said police in Lagos fired tear gas.", "police in Lagos", ["NGACOP"]),
        ("French and Egyptian warships began exercises.", "French and Egyptian warships", ["FRAMIL", "EGYMIL"]),
        ("Rebels attacked a village near Goma, Congo, on Monday.", "Rebels", ["CODREB"]),
        ("Rebels attacked a border post, officials said.", "Rebels", ["---REB"]),
        ("The Kremlin rejected the proposal.", "The Kremlin", ["RUSGOV"]),
        ("Pakistan's ambassador to the UN spoke.", "Pakistan's ambassador to the UN", ["PAKGOV"]),
        ("UN Secretary-General Antonio Guterres urged calm.", "UN Secretary-General Antonio Guterres", ["IGOUNO"]),
        ("Human Rights Watch criticised the ruling.", "Human Rights Watch", ["NGOHRW"]),
        ("Militants of the Islamic State attacked Syrian troops.", "Militants of the Islamic State", ["SYRREB"]),
        ("The anti-Syria journalist was killed in Beirut.", "The anti-Syria journalist", ["LBNJRN"]),
        ("Former prime minister Nawaz Sharif of Pakistan returned.", "Former prime minister Nawaz Sharif of Pakistan", ["PAKELI"]),
        ("Palestinians protested in Ramallah.", "Palestinians", ["PSECVL"]),
    ],
)
def test_role_spans(nlp, dictionary, text, phrase, codes):
    assert _codes(_resolve(nlp, dictionary, text, phrase)) == codes


def test_lowercase_common_words_and_pronoun_us_are_not_actors(nlp, dictionary):
    text = "They served us turkey on china plates."
    assert ArticleActors(dictionary, nlp(text)).mentions == []


def test_pronoun_and_definite_role_refer_back(nlp, dictionary):
    text = (
        "Indian Foreign Minister Subrahmanyam Jaishankar arrived in Dhaka on Monday. "
        "He met officials there. The minister later criticised the rebels."
    )
    assert _codes(_resolve(nlp, dictionary, text, "He")) == ["INDGOV"]
    assert _codes(_resolve(nlp, dictionary, text, "The minister")) == ["INDGOV"]


def test_surname_refers_back_to_the_titled_person(nlp, dictionary):
    text = (
        "Kenyan Interior Minister Kipchumba Murkomen visited the border. "
        "Later, Murkomen said the operation would continue."
    )
    assert _codes(_resolve(nlp, dictionary, text, "Murkomen", occurrence=1)) == ["KENGOV"]


def test_references_look_only_backwards(nlp, dictionary):
    text = "He said talks would resume. Later Nigerian President Bola Tinubu arrived."
    assert _resolve(nlp, dictionary, text, "He") == []


def test_user_override_changes_resolution(nlp, tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("org\tTTP\tPAK\tINS\tPakistani Taliban\n", encoding="utf-8")
    custom = ActorDictionary.load([path])
    assert _codes(_resolve(nlp, custom, "The TTP attacked a checkpoint.", "The TTP")) == ["PAKINS"]


def test_nameless_group_takes_the_state_it_is_placed_in(nlp, dictionary):
    text = "Security forces in Guinea have tortured scores of Liberian refugees."
    assert _codes(_resolve(nlp, dictionary, text, "Security forces")) == ["GINMIL"]


def test_past_leader_is_an_elite_unless_titled(nlp, dictionary):
    titled = "President Reagan welcomed the statement."
    assert _codes(_resolve(nlp, dictionary, titled, "President Reagan")) == ["USAGOV"]
    bare = "Reagan welcomed the statement."
    assert _codes(_resolve(nlp, dictionary, bare, "Reagan")) == ["USAELI"]


def test_capital_after_a_preposition_of_place_is_the_city(nlp, dictionary):
    text = "The president threatened to impose a curfew in Algiers."
    assert _codes(_resolve(nlp, dictionary, text, "Algiers")) == ["DZA"]
    seat = "Algiers rejected the demand."
    assert _codes(_resolve(nlp, dictionary, seat, "Algiers")) == ["DZAGOV"]


def test_name_with_its_of_phrase_feeds_coreference(nlp, dictionary):
    text = "King Hassan of Morocco said he would host a meeting between the two sides."
    assert [a.country for a in _resolve(nlp, dictionary, text, "he")] == ["MAR"]
