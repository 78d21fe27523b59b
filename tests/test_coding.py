from eventwire.coding import drop_unplaced
from eventwire.records import Actor


def actor(code, country, sector):
    return Actor(code, code, code, country, sector)


def test_countryless_role_word_is_dropped_when_its_sector_is_placed():
    found = [actor("---CVL", None, "CVL"), actor("AFGCVL", "AFG", "CVL")]
    assert [a.code for a in drop_unplaced(found)] == ["AFGCVL"]


def test_countryless_actors_stay_when_nothing_places_them():
    found = [actor("---REB", None, "REB"), actor("AFGCVL", "AFG", "CVL"), actor("IGOUNO", None, "IGO")]
    assert [a.code for a in drop_unplaced(found)] == ["---REB", "AFGCVL", "IGOUNO"]
