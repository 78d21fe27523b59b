"""Role assignment and type decisions on hand-written sentences (loads the spaCy model).

Each case states one rule of docs/patterns.md: passive agents, coordination, symmetric events,
control and raising (xcomp), light verbs, folding of complements, negative cues.
"""

from __future__ import annotations

import pytest


def code(nlp, coder, text):
    doc = nlp(text)
    out = []
    for c in coder.candidates(doc):
        sources = [text[a:b] for a, b in c.source_spans]
        targets = [text[a:b] for a, b in c.target_spans]
        out.append((c, sources, targets))
    return out


def top(nlp, coder, text):
    found = code(nlp, coder, text)
    assert found, f"no event in {text!r}"
    return max(found, key=lambda f: f[0].confidence)


def test_passive_agent_is_source_and_subject_is_target(nlp, coder):
    cand, sources, targets = top(nlp, coder, "The rebels were attacked by government troops.")
    assert cand.event == "ASSAULT"
    assert sources == ["government troops"]
    assert targets == ["The rebels"]


def test_coordinated_subjects_are_all_sources(nlp, coder):
    cand, sources, targets = top(nlp, coder, "France and Germany condemned the coup in Mali.")
    assert cand.event == "ACCUSE"
    assert sources == ["France", "Germany"]


def test_symmetric_meeting_with_partner(nlp, coder):
    cand, sources, targets = top(nlp, coder, "France and Germany held talks with Russia on Monday.")
    assert cand.event == "CONSULT" and cand.symmetric
    assert sources == ["France", "Germany"] and targets == ["Russia"]


def test_symmetric_talks_between_two_parties(nlp, coder):
    text = "Negotiations between Pakistan and the Taliban began in Doha."
    cand, sources, targets = top(nlp, coder, text)
    assert cand.event == "CONSULT" and cand.symmetric
    assert sources == ["Pakistan"] and targets == ["the Taliban"]


def test_raising_verb_passes_its_subject_to_the_trigger(nlp, coder):
    text = "The Pakistani envoy is expected to meet the Afghan defence minister later today."
    cand, sources, targets = top(nlp, coder, text)
    assert cand.event == "CONSULT"
    assert sources == ["The Pakistani envoy"]
    assert targets == ["the Afghan defence minister"]


def test_object_control_request_folds_the_complement(nlp, coder):
    found = code(nlp, coder, "The president urged Iran to release the detained sailors.")
    assert len(found) == 1, "the release is what is asked for, not a second event"
    cand, sources, targets = found[0]
    assert cand.event == "REQUEST" and cand.mode == "yield"
    assert sources == ["The president"] and targets == ["Iran"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Syria agreed to withdraw its troops from Lebanon.", "CONCEDE"),
        ("The two countries agreed to hold talks next month.", "AGREE"),
        ("North Korea threatened to attack South Korea.", "THREATEN"),
        ("Russia refused to release the detained journalists.", "REJECT"),
        ("Japan will visit China next month to discuss trade.", "AGREE"),
        ("The minister said Iran must stop enriching uranium.", "REQUEST"),
    ],
)
def test_complements_and_future_change_the_type(nlp, coder, text, event):
    assert top(nlp, coder, text)[0].event == event


def test_threat_takes_its_target_from_the_folded_complement(nlp, coder):
    cand, sources, targets = top(nlp, coder, "North Korea threatened to attack South Korea.")
    assert cand.mode == "violence"
    assert sources == ["North Korea"] and targets == ["South Korea"]


def test_light_verb_gives_the_noun_its_source(nlp, coder):
    text = "Israeli forces launched an attack on Gaza on Tuesday."
    cand, sources, targets = top(nlp, coder, text)
    assert cand.event == "ASSAULT"
    assert sources == ["Israeli forces"] and targets == ["Gaza"]


def test_noun_sources_from_possessor_and_from_phrase(nlp, coder):
    cand, sources, _ = top(nlp, coder, "Russia's attack on Ukraine drew wide condemnation.")
    assert cand.event == "ASSAULT" and sources == ["Russia"]
    cand, sources, _ = top(nlp, coder, "Villages suffered attacks from the Islamic State group.")
    assert cand.event == "ASSAULT" and sources == ["the Islamic State group"]


def test_demand_from_gives_the_target(nlp, coder):
    text = "Islamabad is expected to demand concrete assurances from the Taliban government."
    cand, sources, targets = top(nlp, coder, text)
    assert cand.event == "REQUEST"
    assert sources == ["Islamabad"] and targets == ["the Taliban government"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The opposition leader attacked the government's budget plan.", "ACCUSE"),
        ("Britain and Ireland struck a deal on the border.", "AGREE"),
        ("Thousands of teachers went on strike in Nairobi.", "PROTEST"),
        ("Israeli jets carried out air strikes on Hamas positions.", "ASSAULT"),
        ("The Chinese government protested to Japan over the visit.", "ACCUSE"),
        ("Thousands of students protested against the new law in Dhaka.", "PROTEST"),
        ("Turkey summoned the Dutch ambassador.", "ACCUSE"),
        ("Workers blocked roads in the capital to demand higher wages.", "PROTEST"),
    ],
)
def test_negative_cues_pick_the_right_type(nlp, coder, text, event):
    assert top(nlp, coder, text)[0].event == event


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman said on Tuesday that the figures were encouraging.",
        "The company announced record profits.",
        "The team failed to meet the deadline.",
    ],
)
def test_reporting_verbs_and_blocked_readings_are_no_events(nlp, coder, text):
    assert code(nlp, coder, text) == []


def test_candidate_carries_codebook_values_and_offsets(nlp, coder):
    text = "Police arrested dozens of protesters in Cairo."
    cand, sources, targets = top(nlp, coder, text)
    assert (cand.event, cand.mode, cand.cameo) == ("COERCE", "arrest", "173")
    assert cand.goldstein == -5.0 and cand.quad_class == 4
    assert text[cand.trigger_start : cand.trigger_end] == "arrested"
    assert (cand.sentence_start, cand.sentence_end) == (0, len(text))
    assert sources == ["Police"] and targets == ["dozens of protesters"]
    assert 0.0 <= cand.confidence <= 1.0 and cand.pattern == "coerce.arrest"


def test_verb_with_both_roles_is_more_confident_than_a_bare_noun(nlp, coder):
    verb = top(nlp, coder, "Rebels attacked the army base.")[0]
    noun = top(nlp, coder, "The attack on the army base left ten dead.")[0]
    assert verb.confidence > noun.confidence


# -- targets read off the clause when the pattern names none (roles.verb_fallback_targets) -----
@pytest.mark.parametrize(
    ("text", "event", "source", "target"),
    [
        # reported demand: the subject of the "that" clause is asked
        ("The PRC demanded that the United States cancel the arms sale.", "REQUEST",
         "The PRC", "the United States"),
        # a condition in the content clause names whom a threat is aimed at
        ("Iran threatened to launch an offensive unless Baghdad accepted its conditions.",
         "THREATEN", "Iran", "Baghdad"),
        # "to" after an inanimate object: the recipient, not the thing given
        ("Uganda granted political asylum to 18 Rwandan rebels.", "AID",
         "Uganda", "18 Rwandan rebels"),
        # a noun trigger in a manner phrase: the clause subject acts, "by X" is the target
        ("Hundreds of students began a hunger strike in protest against abuses by Syrian police.",
         "PROTEST", "Hundreds of students", "Syrian police"),
        # the place an action is done in stands for its people when nothing else is named
        ("The government suspended aid deliveries in Baghdad on Wednesday.", "SANCTION",
         "The government", "Baghdad"),
    ],
)
def test_target_from_the_clause_around_the_trigger(nlp, coder, text, event, source, target):
    cand, sources, targets = top(nlp, coder, text)
    assert cand.event == event
    assert sources == [source]
    assert targets == [target]


def test_fallback_target_does_not_make_an_event_reciprocal(nlp, coder):
    cand, sources, targets = top(nlp, coder, "Israel agreed to US mediation in the talks.")
    assert sources == ["Israel"] and targets == ["US mediation"]
    assert not cand.symmetric


def test_no_target_is_made_up_without_a_named_party(nlp, coder):
    cand, sources, targets = top(nlp, coder, "The minister declined to resign.")
    assert sources == ["The minister"] and targets == []


def test_mediation_between_two_parties_targets_both(nlp, coder):
    text = "The emir launched a mediation effort between Egypt and Sudan."
    cand, sources, targets = top(nlp, coder, text)
    assert cand.event == "CONSULT" and cand.mode == "third-party"
    assert targets == ["Egypt", "Sudan"]


def test_coordinated_modifiers_stay_in_the_role_span(nlp, coder):
    text = "The Turkish and Greek sides agreed to share information on missing people."
    cand, sources, targets = top(nlp, coder, text)
    assert sources == ["The Turkish and Greek sides"]


def test_infinitive_on_an_occasion_is_done_by_those_attending(nlp, coder):
    text = "Thousands of farmers gathered for a rally in Lagos to protest the new tax."
    found = code(nlp, coder, text)
    protests = [(s, t) for c, s, t in found if c.trigger == "protest"]
    assert protests and protests[0][0] == ["Thousands of farmers"]


def test_nameless_target_is_the_place_the_action_happens_in(nlp, coder):
    cand, sources, targets = top(nlp, coder, "Angry students rioted in Lagos on Friday.")
    assert cand.event == "PROTEST"
    assert targets == ["Lagos"]


def test_nameless_target_of_a_domestic_action_is_the_sources_own_state(nlp, coder):
    cand, sources, targets = top(nlp, coder, "Egyptian demonstrators rioted on Friday.")
    assert cand.event == "PROTEST"
    assert sources == ["Egyptian demonstrators"]
    assert targets == ["Egyptian"]


def test_named_target_is_kept_over_the_place(nlp, coder):
    cand, sources, targets = top(nlp, coder, "Kenyan police arrested the opposition leader in Nairobi.")
    assert targets == ["the opposition leader"]


def test_adjective_complement_passes_the_copula_subject(nlp, coder):
    found = code(nlp, coder, "The Taliban leadership is likely to use the talks, seeking recognition.")
    seeking = [f for f in found if f[0].trigger == "seeking"]
    assert seeking and seeking[0][1] == ["The Taliban leadership"]
