from eventwire.nlp import parse
from eventwire.nlp.batching import parse_batched


def test_a_long_text_parsed_in_pieces_matches_the_whole_parse(nlp, news_texts):
    text = news_texts[0][:30_000]
    whole = nlp(text)
    joined = next(parse_batched(nlp, [text], batch_size=8, batch_chars=5_000))
    assert joined.text == text
    assert len(joined) == len(whole)
    same = sum(
        (a.tag_, a.dep_, a.head.i, a.ent_type_) == (b.tag_, b.dep_, b.head.i, b.ent_type_)
        for a, b in zip(whole, joined)
    )
    assert same / len(whole) > 0.995  # only the few tokens next to a cut may differ
    assert [s.start_char for s in whole.sents] == [s.start_char for s in joined.sents]


def test_parse_yields_one_doc_per_text_in_order(news_texts):
    texts = [news_texts[0][:12_000], "Short one.", "", news_texts[1][:7_000], "Last."]
    docs = list(parse(texts, batch_size=2, batch_chars=3_000))
    assert [d.text for d in docs] == texts
