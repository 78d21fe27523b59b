import os
import json
from pathlib import Path

import pytest

from eventwire.evaluation import check_seed, mismatch

from .factory import event

EXPECTED_PATH = Path(os.environ["EVENTWIRE_SHARED_DATA"]) / "seed/doha_talks.expected.json"
needs_seed = pytest.mark.skipif(not EXPECTED_PATH.is_file(), reason="no seed expectations")

TALKS = ("A pivotal round of negotiations between Pakistan and the Taliban is set to begin in Doha "
         "on Friday, sources confirmed to CNN-News18.")
MEETING = (
    "According to senior diplomatic sources, Pakistan's National Security Adviser … Lt. Gen. "
    "Asim Malik, is expected to meet Afghan Taliban Defense Minister Mullah Yaqoob later today."
)
ATTACKS = "Facing a sharp rise in TTP-led violence across Khyber Pakhtunkhwa and Waziristan, …"
DEMAND = (
    "In return, Islamabad is expected to demand concrete assurances and concessions from the "
    "Taliban government to curb the TTP's freedom of movement and support within Afghan territory."
)
CEASEFIRE = (
    "Sources suggest that a key item on the agenda will be a possible extension of the existing "
    "ceasefire."
)
FOOTER = "Legal action will be taken for such expressions of opinion."


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))


def good_events(**changes) -> list[dict]:
    """Events that satisfy doha_talks.expected.json at the full level; ``changes`` replace one."""
    events = {
        "talks": event("CONSULT", ["AFGGOV", "PAKGOV"], (), TALKS, mode="third-party",
                       factuality="future", located_in="QAT", symmetric=True,
                       attribution=("sources", "CNN-News18")),
        "meeting": event("CONSULT", ["PAKSPY"], ["AFGGOV"], MEETING, factuality="future",
                         attribution=("senior diplomatic sources", None)),
        "attacks": event("ASSAULT", ["PAKREB"], ["PAK"], ATTACKS, located_in="PAK"),
        "demand": event("REQUEST", ["PAKGOV"], ["AFGGOV"], DEMAND, factuality="future"),
    }
    events.update(changes)
    return list(events.values())


@needs_seed
@pytest.mark.parametrize("level", ["basic", "full"])
def test_expected_events_pass(expected, level):
    report = check_seed(expected, good_events(), level=level)
    assert report.ok, report.render()
    assert len(report.matched) == 4 and not report.false_events


@needs_seed
def test_null_mode_is_acceptable_where_listed_but_another_mode_is_not(expected):
    talks = good_events()[0]
    assert mismatch(expected["required"][0], {**talks, "mode": None}) is None
    assert "mode phone" in mismatch(expected["required"][0], {**talks, "mode": "phone"})


@needs_seed
def test_symmetric_entry_accepts_either_side_but_directed_entry_does_not(expected):
    reversed_talks = event("CONSULT", ["AFGGOV"], ["PAKGOV"], TALKS)
    assert mismatch(expected["required"][0], reversed_talks) is None
    reversed_demand = event("REQUEST", ["AFGGOV"], ["PAKGOV"], DEMAND)
    assert mismatch(expected["required"][3], reversed_demand) is not None


@needs_seed
def test_wrong_sector_leaves_a_required_event_missing(expected):
    judge = event("CONSULT", ["PAKJUD"], ["AFGGOV"], MEETING, factuality="future")
    report = check_seed(expected, good_events(meeting=judge))
    assert not report.ok
    assert report.missing == ("Asim Malik to meet Mullah Yaqoob",)
    assert "no actor {'country': 'PAK'" in report.render()


@needs_seed
def test_full_level_checks_factuality_location_and_attribution(expected):
    asserted = event("CONSULT", ["PAKGOV"], ["AFGGOV"], TALKS, factuality="asserted",
                     located_in="QAT", attribution=("sources", "CNN-News18"))
    wrong_outlet = event("CONSULT", ["PAKGOV"], ["AFGGOV"], TALKS, factuality="future",
                         located_in="QAT", attribution=("sources", "Dawn"))
    no_place = event("CONSULT", ["PAKGOV"], ["AFGGOV"], TALKS, factuality="future",
                     attribution=("sources", "CNN-News18"))
    for talks in (asserted, wrong_outlet, no_place):
        assert check_seed(expected, good_events(talks=talks), level="basic").ok
        full = check_seed(expected, good_events(talks=talks), level="full")
        assert full.missing == ("Doha talks between Pakistan and the Afghan Taliban",)


@needs_seed
def test_footer_event_fails_however_few_false_events(expected):
    footer = event("THREATEN", ["IND"], [], FOOTER)
    report = check_seed(expected, [*good_events(), footer])
    assert not report.ok and report.forbidden == (footer,)
    assert not report.false_events


@needs_seed
def test_false_events_are_tolerated_up_to_the_maximum(expected):
    extras = [event("AID", ["USA"], [], f"Sentence {i}.") for i in range(3)]
    assert check_seed(expected, [*good_events(), *extras[:2]]).ok
    report = check_seed(expected, [*good_events(), *extras])
    assert not report.ok and len(report.false_events) == 3


@needs_seed
def test_acceptable_and_repeated_events_are_not_false(expected):
    ceasefire = event(
        "RETREAT", ["PAK"], [], CEASEFIRE, mode="ceasefire", factuality="hypothetical"
    )
    repeat = event("CONSULT", ["PAKGOV"], ["AFGGOV"], TALKS, confidence=0.1)
    report = check_seed(expected, [*good_events(), ceasefire, repeat])
    assert report.ok
    assert [n for n, _ in report.acceptable] == ["possible extension of the existing ceasefire"]
    assert [n for n, _ in report.duplicates] == [
        "Doha talks between Pakistan and the Afghan Taliban"
    ]


def test_each_required_entry_needs_its_own_event():
    entry = {"event": "AID", "sources": [{"country": "USA"}]}
    expected = {"required": [{**entry, "name": "first"}, {**entry, "name": "second"}]}
    report = check_seed(expected, [event("AID", ["USAGOV"])])
    assert report.missing == ("second",)
    assert "another required entry took it" in report.render()


def test_assignment_finds_a_matching_for_every_entry():
    expected = {
        "required": [
            {"name": "any aid", "event": "AID"},
            {"name": "US aid", "event": "AID", "sources": [{"country": "USA"}]},
        ]
    }
    # the first event fits both entries, the second only the first: both must be matched
    report = check_seed(expected, [event("AID", ["USA"]), event("AID", ["JPN"])])
    assert report.ok and not report.missing


def test_attribution_without_outlet_matches_speaker_substring():
    entry = {"event": "CONSULT", "attribution": "senior diplomatic sources"}
    said = event("CONSULT", attribution=("according to senior diplomatic sources", None))
    assert mismatch(entry, said, level="full") is None
    assert mismatch(entry, event("CONSULT"), level="full").startswith("attribution None")


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level"):
        check_seed({"required": []}, [], level="strict")
