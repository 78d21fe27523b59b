"""factuality() on parsed sentences (loads the spaCy model)."""

from __future__ import annotations

import pytest

from eventwire.attributes import factuality


@pytest.mark.parametrize(("trigger", "expected"), [
    ("negotiations", "future"),  # "is set to begin"
    ("meet", "future"),          # "is expected to meet … later today"
    ("demand", "future"),        # "is expected to demand"
    ("extension", "hypothetical"),  # "a possible extension"
    ("shape", "hypothetical"),   # "could shape"
    ("violence", "asserted"),    # "a sharp rise in TTP-led violence"
    ("curb", "hypothetical"),    # "demand assurances … to curb the TTP's freedom": a purpose
])
def test_seed_sentences(seed_doc, candidate, trigger, expected):
    assert factuality(seed_doc, candidate(seed_doc, trigger)) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Rebels attacked the base on Monday.", "attacked", "asserted"),
    ("Rebels will attack the base.", "attack", "future"),
    ("The two leaders plan to meet in Geneva next month.", "meet", "future"),
    ("An upcoming summit will gather the leaders.", "summit", "future"),
    ("The army could launch an offensive.", "launch", "hypothetical"),
    ("The ministers may sign the accord.", "sign", "hypothetical"),
    ("The government is likely to impose sanctions.", "impose", "hypothetical"),
    ("If talks fail, the rebels will resume attacks.", "resume", "hypothetical"),
    ("They discussed a proposed ceasefire.", "ceasefire", "hypothetical"),
    ("The minister did not attend the meeting.", "attend", "negated"),
    ("The army never attacked the village.", "attacked", "negated"),
    ("The army denied attacking the village.", "attacking", "negated"),
    ("The rebels failed to capture the town.", "capture", "negated"),
    ("Kenya refused to attend the summit.", "attend", "negated"),
    ("Kenya refused to attend the summit.", "refused", "asserted"),  # the refusal itself happened
    ("The president may not attend the summit.", "attend", "hypothetical"),
    ("The prime minister is due to travel to Mauritius on Tuesday.", "travel", "future"),
    ("Britain is seeking to finalize a deal with Mauritius.", "finalize", "future"),
    ("The groups announced plans to challenge the law in court.", "challenge", "future"),
    ("The rebels tried to storm the parliament.", "storm", "asserted"),  # an attempt happened
    ("The war killed thousands if not millions of people.", "killed", "asserted"),  # a hedge, no condition
    ("The army sent troops to retake the town.", "retake", "hypothetical"),
    ("The army sent troops to retake the town.", "sent", "asserted"),
    # a verb coordinated inside an infinitive shares its governor
    ("Ankara threatened to close or suspend the base.", "suspend", "hypothetical"),
    ("Kenya refused to meet or negotiate with the rebels.", "negotiate", "negated"),
    # a subject quantified by "no" denies the event
    ("No country has recognized the new government.", "recognized", "negated"),
    ("Nobody was arrested after the protest.", "arrested", "negated"),
    ("Several countries have recognized the new government.", "recognized", "asserted"),
    # a refusal or a prevention denies its complement; an allegation does not assert
    ("Its refusal to release the prisoners angered Washington.", "release", "negated"),
    ("The laws prevent aid groups to negotiate with armed groups.", "negotiate", "negated"),
    ("The men allegedly attacked a police station.", "attacked", "hypothetical"),
    ("The law authorizes firing on foreign vessels.", "firing", "hypothetical"),
    # a subjectless -ing adjunct shares its head verb's frame
    ("The group is likely to use the talks, seeking recognition.", "seeking", "hypothetical"),
    ("Troops shelled the town, killing five civilians.", "killing", "asserted"),
    ("The minister will visit Kabul, meeting Taliban leaders.", "meeting", "future"),
])
def test_sentences(nlp, candidate, text, trigger, expected):
    doc = nlp(text)
    assert factuality(doc, candidate(doc, trigger)) == expected


def test_a_coordinated_negation_stays_with_its_verb(nlp, candidate):
    doc = nlp("The envoy met the rebels but did not sign the deal.")
    assert factuality(doc, candidate(doc, "met")) == "asserted"
    assert factuality(doc, candidate(doc, "sign")) == "negated"
