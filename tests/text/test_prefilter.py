from eventwire.text.prefilter import Prefilter, inflect, sentence_spans, word_forms


def test_inflect_regular_forms():
    assert {"attack", "attacks", "attacked", "attacking"} <= inflect("attack")
    assert {"denies", "denied"} <= inflect("deny")
    assert {"banned", "banning"} <= inflect("ban")
    assert {"agreeing", "agreed"} <= inflect("agree")
    assert "dying" in inflect("die")


def test_inflect_inverts_lemmatiser_suffix_rules():
    assert "buses" in inflect("bus", [("ses", "s")])
    assert "wolves" in inflect("wolf", [("ves", "f")])


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
    out = Prefilter([[word_forms(["attack"], {})]]).select(text)
    assert len(out) == len(text)
    assert "Troops attacked the town." in out
    assert "weather" not in out and "concert" not in out
    assert out.count("\n") == 1


def test_a_rule_needs_a_word_of_every_group():
    # "be" fires only with "alert" ("troops were put on alert"): "be" alone keeps nothing.
    rule = [word_forms(["be"], {"be": {"is", "was", "were"}}), word_forms(["alert"], {})]
    text = "The weather was fine. Troops were on high alert. Alert readers wrote in."
    out = Prefilter([rule]).select(text)
    assert "Troops were on high alert." in out
    assert "weather" not in out and "readers" not in out


def test_any_rule_keeps_a_sentence():
    rules = [[{"ban"}], [{"go"}, {"strike"}]]
    out = Prefilter(rules).select("They go home. Workers go on strike. They ban it.")
    assert "They go home." not in out
    assert "Workers go on strike." in out and "They ban it." in out


def test_word_boundaries_are_respected():
    out = Prefilter([[{"ban"}]]).select("Bananas are yellow. They ban imports.")
    assert "Bananas" not in out and "They ban imports." in out


def test_forms_starting_with_punctuation_match_inside_words():
    # spaCy splits "He'd" into "He" + "'d" (lemma "would"): the form "'d" follows a letter.
    out = Prefilter([[{"'d"}]]).select("He'd go. Nothing here.")
    assert "He'd go." in out and "Nothing" not in out


def test_empty_vocabulary_keeps_everything():
    assert Prefilter(()).select("Anything at all.") == "Anything at all."
