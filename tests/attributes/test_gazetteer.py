"""The shipped gazetteer: lookups, ambiguous names, user files. No spaCy model needed."""

from __future__ import annotations

import pytest

from eventwire.attributes import Gazetteer
from eventwire.attributes.gazetteer import normalise_name
from eventwire.errors import ConfigError


def test_doha_is_the_qatari_capital(gazetteer):
    doha = gazetteer.lookup("Doha")
    assert (doha.country, doha.kind) == ("QAT", "capital")
    assert doha.lat == pytest.approx(25.29, abs=0.05) and doha.lon == pytest.approx(51.53, abs=0.05)


@pytest.mark.parametrize("name", ["Waziristan", "North Waziristan", "South Waziristan", "Khyber Pakhtunkhwa",
                                  "KPK", "FATA", "Balochistan"])
def test_pakistani_frontier_regions_resolve_to_pakistan(gazetteer, name):
    assert gazetteer.lookup(name).country == "PAK"


@pytest.mark.parametrize(("name", "country"), [
    ("Gaza Strip", "PSE"), ("Gaza", "PSE"), ("West Bank", "PSE"), ("Donbas", "UKR"), ("Donbass", "UKR"),
    ("Crimea", "UKR"), ("Kashmir", "IND"), ("Darfur", "SDN"), ("Kiev", "UKR"), ("Kyiv", "UKR"),
    ("Burma", "MMR"), ("the U.S.", "USA"), ("Britain", "GBR"), ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
])
def test_news_names_resolve(gazetteer, name, country):
    assert gazetteer.lookup(name).country == country


def test_regions_without_a_country_keep_coordinates(gazetteer):
    sahel = gazetteer.lookup("the Sahel")
    assert sahel.country is None and sahel.lat is not None


def test_georgia_is_the_country_unless_the_article_is_about_american_places(gazetteer):
    assert gazetteer.lookup("Georgia").country == "GEO"
    state = gazetteer.lookup("Georgia", prefer_countries=frozenset({"USA"}))
    assert (state.country, state.kind) == ("USA", "admin1")


def test_jordan_is_the_country_and_the_jordan_river_is_not(gazetteer):
    assert gazetteer.lookup("Jordan").country == "JOR"
    assert gazetteer.lookup("Jordan River").country is None


def test_a_main_name_beats_another_places_alternate(gazetteer):
    # GeoNames lists "Victoria" as an alternate of Hong Kong; the Australian state is meant.
    assert gazetteer.lookup("Victoria").country == "AUS"


def test_washington_is_the_capital_not_the_state(gazetteer):
    assert gazetteer.lookup("Washington").admin1 == "Washington, D.C."


def test_names_are_folded_for_lookup():
    assert normalise_name("  Qatar’s ") == "qatar"
    assert normalise_name("the Gaza Strip") == "gaza strip"
    assert normalise_name("Pākistān") == "pakistan"


def test_unknown_names_return_none(gazetteer):
    assert gazetteer.lookup("Atlantis of the North") is None
    assert gazetteer.candidates("") == []


def test_demonyms_map_to_countries(gazetteer):
    assert gazetteer.demonym_country("Afghan") == "AFG"
    assert gazetteer.demonym_country("Pakistani") == "PAK"
    assert gazetteer.demonym_country("Martian") is None


def test_shipped_file_is_versioned_and_small(gazetteer):
    from importlib import resources

    path = resources.files("eventwire.data") / "places" / "gazetteer.tsv"
    assert len(path.read_bytes()) < 3_000_000
    assert gazetteer.version.startswith("2025.1")
    assert gazetteer.country("PAK").name == "Pakistan"


def test_user_file_adds_and_overrides(tmp_path):
    user = tmp_path / "places.tsv"
    user.write_text("# version: test-1\nname\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\talternates\tdemonyms\n"
                    "Georgia\tadmin1\tUSA\tGeorgia\t33.0\t-83.6\t0\tPeach State\t\n"
                    "Camp Bastion\tcity\tAFG\tHelmand\t31.86\t64.2\t0\t\t\n", encoding="utf-8")
    gaz = Gazetteer.load([user])
    assert gaz.lookup("Camp Bastion").country == "AFG"
    assert gaz.lookup("Georgia").country == "USA"
    assert gaz.lookup("Peach State").country == "USA"
    assert gaz.version.endswith("test-1")


def test_user_file_without_version_is_refused(tmp_path):
    user = tmp_path / "places.tsv"
    user.write_text("name\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\talternates\tdemonyms\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="version"):
        Gazetteer.load([user])


def test_user_file_with_bad_row_names_the_row(tmp_path):
    user = tmp_path / "places.tsv"
    user.write_text("# version: x\nname\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\talternates\tdemonyms\n"
                    "Somewhere\tcity\tAFG\t\tnorth\t64.2\t0\t\t\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="row 2"):
        Gazetteer.load([user])
