"""Precision and recall cues added for article gold (issue 3), each written from a PLOVER
definition or ambiguity rule (loads the model). Sentences are invented, not taken from gold."""

from __future__ import annotations

import pytest


def coded(nlp, coder, text: str) -> set[str]:
    return {c.event for c in coder.candidates(nlp(text))}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an interview with the press is no consultation
        ("With Reuters, the candidate discussed the economy and immigration.", "CONSULT"),
        ("The senator talked with reporters outside the Capitol.", "CONSULT"),
        # naming someone is no phone call
        ("The president called his rival a traitor.", "CONSULT"),
        # a visit to someone in prison, or by a ship, is not diplomatic
        ("The activist visited the detained journalists in prison.", "CONSULT"),
        ("The rally was visited by thousands of people.", "CONSULT"),
        # a danger to lives is not a threat made
        ("Rising seas threaten the livelihoods of fishermen.", "THREATEN"),
        # regretting another's decision is disapproval, not an apology
        ("The court regrets the decision of Kenya to boycott the hearing.", "CONCEDE"),
        # acceding to independence or a treaty concedes nothing
        ("Mauritius acceded to independence in 1968.", "CONCEDE"),
        # coordinated complements of a threat are folded into it
        ("Ankara threatened to close or suspend operations at the base.", "RETREAT"),
        # hostages freed with no releaser named were rescued, not released by their captors
        ("Security officials said 300 passengers were freed.", "RETREAT"),
        # a search for someone is no raid
        ("Families continue their search for the missing.", "COERCE"),
        # withholding aid is a sanction, not aid
        ("Lawmakers asked for records on the withholding of military aid to Ukraine.", "AID"),
        # moving relief goods and staff is no troop movement
        ("The agency struggled to move relief items and personnel to the north.", "MOBILIZE"),
        # pulling ahead in a race is no withdrawal
        ("China and the United States have pulled way out front in the race.", "RETREAT"),
    ],
)
def test_ambiguous_uses_are_not_coded(nlp, coder, text, absent):
    assert absent not in coded(nlp, coder, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # ACCUSE: objections and complaints, suing, charges, questioning suspects, court rulings
        ("The bill drew objections from opposition lawmakers.", "ACCUSE"),
        ("Parents took the school to court and won.", "ACCUSE"),
        ("Police arrested the activist on terrorism charges last week.", "ACCUSE"),
        ("The journalist was detained on espionage charges.", "ACCUSE"),
        ("The former minister faces corruption charges.", "ACCUSE"),
        ("Police questioned the suspects for several hours.", "ACCUSE"),
        ("The court regrets the decision of Kenya to boycott the hearing.", "ACCUSE"),
        # SANCTION convict: courts finding against a party, and sentences served
        ("A federal judge ruled that the policy violates the constitution.", "SANCTION"),
        ("The High Court ordered the government to reopen the schools.", "SANCTION"),
        ("The militant is serving a life sentence for the bombing.", "SANCTION"),
        ("An appeals court overturned the conviction of the opposition leader.", "CONCEDE"),
        # REJECT: barring an organisation from one's territory
        ("Germany banned the Iranian airline from flying in its airspace.", "REJECT"),
        # freed hostages with no releaser named: a rescue (AID); released by captors: RETREAT
        ("Officials said all the hostages were freed.", "AID"),
        ("The rebels freed ten hostages on Monday.", "RETREAT"),
        # core uses next to the new blockers
        ("Putin called Erdogan on Tuesday to discuss Syria.", "CONSULT"),
        ("The foreign minister visited Beijing last week.", "CONSULT"),
        ("Rebels threatened to attack the capital.", "THREATEN"),
        ("The United States suspended military aid to Egypt.", "SANCTION"),
        ("Russian troops pulled out of the town.", "RETREAT"),
    ],
)
def test_core_uses_are_coded(nlp, coder, text, present):
    assert present in coded(nlp, coder, text)
