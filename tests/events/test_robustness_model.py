"""Robustness rules for article gold (issue 3, third pass): each test names a class of English
news usage, written from the PLOVER definitions; sentences are invented (loads the model)."""

from __future__ import annotations

import pytest

from eventwire.events import EventCoder


def coded(nlp, coder: EventCoder, text: str) -> set[str]:
    return {c.event for c in coder.candidates(nlp(text))}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # natural forces have no human agent: no attack, no criticism
        ("Storm Ana was deadly. Two villages were struck by Ana on Sunday.", "ASSAULT"),
        ("Hurricane Lee slammed into the coast of Maine overnight.", "ACCUSE"),
        # a definition or a figure of speech is no event
        ("Leaders said an attack on one member is an attack on all.", "ASSAULT"),
        ("The minister said this is a demonstration of our resolve.", "PROTEST"),
        ("We must demonstrate the value of the single market, she said.", "PROTEST"),
        # a person struggling against nobody in particular is not fighting a battle
        ("She is still fighting, her lawyer said.", "ASSAULT"),
        # concurring with an opinion is no agreement
        ("The mayor agreed, saying the fire could have been prevented.", "AGREE"),
        # opinions about what others should do are not requests
        ("Analysts said voters should think carefully before the referendum.", "REQUEST"),
        ("The governor said citizens must understand the risks of the storm.", "REQUEST"),
        ("The new regulation says fishing boats should register with the port.", "REQUEST"),
        ("He says traditional methods of farming should be taken seriously.", "REQUEST"),
        ("The policy requires pupils to wear a uniform.", "REQUEST"),
        # advisories to the public
        ("Health officials urged residents to wash their hands and stay indoors.", "REQUEST"),
        # seeking ways is an attempt
        ("Farmers are seeking ways to cope with the drought.", "REQUEST"),
        # a warning about what others may do is no threat by the warner
        ("The minister warned that other airlines could decide to leave the market.", "THREATEN"),
        ("Reform is not optional, he warned at the start of the negotiations.", "THREATEN"),
        # blaming causes, not actors
        ("Traders blamed the heavy rains for the poor harvest.", "ACCUSE"),
        # standing disputes and reassurance are not rejections
        ("Chile and Peru have been disputing the islands for decades.", "REJECT"),
        ("The finance minister rebuffed fears of a recession.", "REJECT"),
        # a participle describing a standing view
        ("Lawmakers opposing the reform walked out of the chamber.", "REJECT"),
        ("Residents backing the plan gathered at the town hall.", "SUPPORT"),
        # searching for things is no raid; sending money home is no aid
        ("Police searched the station for explosives.", "COERCE"),
        ("She said providing food for her four children is hard.", "AID"),
        # emergencies and alerts over a disease are no coercion or mobilization
        ("The president declared a national emergency over the coronavirus outbreak.", "COERCE"),
        ("Kenya went on high alert after new mpox cases were reported.", "MOBILIZE"),
        # figurative retreats and regaining one's own
        ("Critics fear a retreat of the country from global leadership.", "RETREAT"),
        ("The deal restores its sovereignty over the port, the minister said.", "RETREAT"),
    ],
)
def test_not_coded(nlp, coder, text, absent):
    assert absent not in coded(nlp, coder, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # news reports criticism without a classic trigger
        ("Critics say the new law will silence the opposition.", "ACCUSE"),
        ("The senator questioned the legitimacy of the vote count.", "ACCUSE"),
        ("The opposition leader labelled the president a dictator.", "ACCUSE"),
        ("The foreign minister called the sanctions illegal.", "ACCUSE"),
        ("The embassy described the raid as a barbaric act.", "ACCUSE"),
        ("The prime minister blasted the opposition over the budget.", "ACCUSE"),
        ("The envoy condemned Russia's aggression against its neighbour.", "ACCUSE"),
        # prosecution: someone tries the accused
        ("The consulate employee is on trial on espionage charges.", "ACCUSE"),
        ("Two former ministers face trial on corruption charges.", "ACCUSE"),
        # harm by poison and sexual abuse are assaults
        ("Doctors said the dissident was poisoned with a nerve agent.", "ASSAULT"),
        ("The report documented sexual abuse of children by clergy.", "ASSAULT"),
        # standing with an actor is support; a population barred from activities is coerced
        ("The president said Poland stands with Ukraine.", "SUPPORT"),
        ("The junta barred women from education and work.", "COERCE"),
        # bans on imports hit another state's trade
        ("Canada has banned importation of hunting trophies.", "SANCTION"),
        # distributing relief is aid; rescuing people is aid
        ("The agency distributed relief items to flood victims in the district.", "AID"),
        # a real demand is still a request; a political call to the public too
        ("The minister said Israel must withdraw its troops from the border.", "REQUEST"),
        ("The opposition urged people to vote against the referendum.", "REQUEST"),
        ("The council defied calls by the United Nations to end the violence.", "REJECT"),
        # a threat of one's own action stays a threat
        ("Iran warned that it would strike back at any aggressor.", "THREATEN"),
        # an agreement between parties stays an agreement
        ("The two sides agreed on a new border.", "AGREE"),
    ],
)
def test_coded(nlp, coder, text, present):
    assert present in coded(nlp, coder, text)
