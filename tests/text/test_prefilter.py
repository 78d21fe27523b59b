from eventwire.text.prefilter import Prefilter, inflect, sentence_spans, word_forms


def test_inflect_regular_forms():
    assert {"attack", "attacks", "attacked", "attacking"} <= inflect("attack")
    assert {"denies", "denied"} <= inflect("deny")
    assert {"banned", "banning"} <= inflect("ban")


def test_word_forms_add_irregular_forms_given():
    forms = word_forms(["meet"], {"meet": {"met"}})
    assert {"meet", "meets", "met"} <= forms


def test_sentences_do_not_split_after_abbreviated_titles():
    text = "Lt. Gen. Asim Malik will meet Mullah Yaqoob. Talks follow. U.S. troops left."
    pieces = [text[s:e].strip() for s, e in sentence_spans(text)]
    assert pieces[0] == "Lt. Gen. Asim Malik will meet Mullah Yaqoob."
    assert "Talks follow." in pieces


def test_select_blanks_sentences_without_triggers_and_keeps_length():
    text = "The weather was fine. Troops attacked the town.\nA concert was held."
    out = Prefilter(word_forms(["attack"], {})).select(text)
    assert len(out) == len(text)
    assert "Troops attacked the town." in out
    assert "weather" not in out and "concert" not in out
    assert out.count("\n") == 1


def test_word_boundaries_are_respected():
    out = Prefilter({"ban"}).select("Bananas are yellow. They ban imports.")
    assert "Bananas" not in out and "They ban imports." in out


def test_empty_vocabulary_keeps_everything():
    assert Prefilter(()).select("Anything at all.") == "Anything at all."
