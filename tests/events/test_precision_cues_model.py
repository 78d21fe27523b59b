"""Precision cues from the PLOVER ambiguity rules, and the recall they must not cost (loads the model)."""

from __future__ import annotations

import pytest


def coded(nlp, coder, text: str) -> set[str]:
    return {c.event for c in coder.candidates(nlp(text))}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a warning about a danger is not a threat made by the speaker
        ("Researchers warn that the disease could affect millions more people.", "THREATEN"),
        # a danger someone sees is not a threat made ("poses the biggest threat")
        ("Analysts said China poses the biggest threat to the region.", "THREATEN"),
        # deciding or planning codes nothing unless the planned act is an event
        ("The governor decided to postpone the election.", "AGREE"),
        # questions assert no event
        ("What are your views on the conflict between Armenia and Azerbaijan?", "ASSAULT"),
        # "was met with" is a reaction, not a meeting
        ("The plea for reform was met with staggering brutality by the regime.", "CONSULT"),
        # a withdrawal from a race is no military retreat
        ("Senator Klobuchar withdrew from the presidential race in March.", "RETREAT"),
        # signing a domestic bill into law is no agreement with another actor
        ("Governor Kay Ivey signed the bill into law on Wednesday.", "SUPPORT"),
        # providing information is not aid
        ("The ministry provided information about the outbreak to reporters.", "AID"),
        # restrictions on one's own population are COERCE, not SANCTION
        ("The Taliban imposed restrictions on women in Afghanistan.", "SANCTION"),
        # "locked in a standoff" is no arrest
        ("India has been locked in a border standoff with China for a year.", "COERCE"),
        # "seeks to" is an attempt, not a request
        ("The lawsuit seeks to stop officials from transferring migrants.", "REQUEST"),
    ],
)
def test_ambiguous_uses_are_not_coded(nlp, coder, text, absent):
    assert absent not in coded(nlp, coder, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Iran warned the United States of severe consequences.", "THREATEN"),
        ("Iran warned that it would attack American bases.", "THREATEN"),
        ("The government decided to bomb the rebel camps.", "THREATEN"),
        ("The protests continued for a third day in Khartoum.", "PROTEST"),
        ("Russia withdrew its troops from the border.", "RETREAT"),
        ("American troops left Iraq in 2011.", "RETREAT"),
        ("Police tightened security around the parliament in Minsk.", "MOBILIZE"),
        ("Kenyan forces operate in cooperation with Somalia's army.", "COOPERATE"),
        ("The court overturned the conviction of the opposition leader.", "CONCEDE"),
        ("The two presidents discussed the border dispute.", "CONSULT"),
        ("Mexico accepted the American proposal on tariffs.", "AGREE"),
    ],
)
def test_core_uses_are_still_coded(nlp, coder, text, present):
    assert present in coded(nlp, coder, text)
