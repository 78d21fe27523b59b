"""The actor dictionary files: shipped content, user overrides and errors (no language model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorDictionary
from eventwire.actors.dictionary import SHIPPED_FILES, default_code, read_entries
from eventwire.errors import ConfigError


def _user_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "my_actors.tsv"
    path.write_text(body, encoding="utf-8")
    return path


def test_every_shipped_file_declares_a_supported_version():
    from importlib import resources

    folder = resources.files("eventwire.data").joinpath("actors")
    for name in SHIPPED_FILES:
        assert "# version: 1" in folder.joinpath(name).read_text(encoding="utf-8"), name


def test_shipped_knowledge_covers_the_required_classes(dictionary):
    expect = {
        "Pakistan": ("country", "PAK", None),
        "Burma": ("country", "MMR", None),
        "Ivory Coast": ("country", "CIV", None),
        "Soviet Union": ("country", "RUS", None),
        "Pakistani": ("adjective", "PAK", None),
        "Islamabad": ("seat", "PAK", "GOV"),
        "Kremlin": ("seat", "RUS", "GOV"),
        "White House": ("seat", "USA", "GOV"),
        "Downing Street": ("seat", "GBR", "GOV"),
        "TTP": ("org", "PAK", "REB"),
        "Taliban": ("org", "AFG", "GOV"),
        "Hamas": ("org", "PSE", "REB"),
        "Houthis": ("org", "YEM", "REB"),
        "al-Shabaab": ("org", "SOM", "REB"),
        "M23": ("org", "COD", "REB"),
        "RSF": ("org", "SDN", "REB"),
        "ISI": ("org", "PAK", "SPY"),
        "national security adviser": ("role", None, "GOV"),
        "police": ("role", None, "COP"),
        "rebels": ("role", None, "REB"),
        "journalists": ("role", None, "JRN"),
    }
    for phrase, (kind, country, sector) in expect.items():
        entry = dictionary.lookup(phrase)
        assert entry is not None, phrase
        assert (entry.kind, entry.country, entry.sector) == (kind, country, sector), phrase


def test_igos_and_ngos_use_prefix_codes(dictionary):
    assert dictionary.lookup("United Nations").code == "IGOUNO"
    assert dictionary.lookup("UN").country is None
    assert dictionary.lookup("NATO").code == "IGONATO"
    assert dictionary.lookup("Amnesty International").code.startswith("NGO")
    assert dictionary.lookup("Islamic State").country == "~"


def test_codes_join_country_and_sector():
    assert default_code("PAK", "GOV") == "PAKGOV"
    assert default_code("PAK", None) == "PAK"
    assert default_code(None, "REB") == "---REB"
    assert default_code(None, "NGO") == "NGO"


def test_user_file_extends_and_overrides(tmp_path):
    path = _user_file(
        tmp_path,
        "# version: 1\n"
        "org\tTTP|Tehreek-e-Taliban Pakistan\tPAK\tINS\tPakistani Taliban\n"
        "org\tAcme Liberation Front\tAFG\tREB\tAcme Liberation Front\n",
    )
    loaded = ActorDictionary.load([path])
    assert loaded.lookup("TTP").sector == "INS"
    assert loaded.lookup("Acme Liberation Front").code == "AFGREB"
    assert ActorDictionary.load([]).lookup("TTP").sector == "REB"


def test_a_dash_sector_deletes_a_shipped_phrase(tmp_path):
    path = _user_file(tmp_path, "role\tpolice\t\t-\n")
    assert ActorDictionary.load([path]).lookup("police") is None


@pytest.mark.parametrize(
    ("body", "problem", "line"),
    [
        ("org\tOnly three\tPAK\n", "columns", 3),
        ("org\tFine\tPAK\tGOV\tx\norg\tBad Country\tPAKISTAN\tGOV\tx\n", "ISO alpha-3", 4),
        ("org\tBad Sector\tPAK\tXYZ\tx\n", "sector", 3),
        ("tribe\tSomething\tPAK\tGOV\tx\n", "kind", 3),
        ("# version: 9\norg\tX\tPAK\tGOV\tx\n", "version", 3),
    ],
)
def test_malformed_user_file_names_file_and_line(tmp_path, body, problem, line):
    path = _user_file(tmp_path, "# my file\n\n" + body)
    with pytest.raises(ConfigError) as err:
        ActorDictionary.load([path])
    message = str(err.value)
    assert f"{path}:" in message and problem in message
    assert "\n" not in message
    assert f"{path}:{line}:" in message


def test_missing_or_binary_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        ActorDictionary.load([tmp_path / "nope.tsv"])
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\xff\xfe\x00org")
    with pytest.raises(ConfigError, match="UTF-8"):
        ActorDictionary.load([binary])


def test_read_entries_splits_alternative_phrases():
    entries = read_entries("country\tBurma|Myanmar\tMMR\t\tMyanmar\n", "inline")
    assert [e.phrase for e in entries] == ["Burma", "Myanmar"]
    assert {e.code for e in entries} == {"MMR"}


DOCS = Path(__file__).resolve().parents[2] / "docs" / "actors.md"


def test_docs_example_file_loads_and_overrides(tmp_path):
    text = DOCS.read_text(encoding="utf-8")
    example = text.split("Example `my_actors.tsv`:")[1].split("```")[1].strip("\n")
    loaded = ActorDictionary.load([_user_file(tmp_path, example + "\n")])
    assert loaded.lookup("TTP").code == "PAKINS"
    assert loaded.lookup("ECO").code == "IGOECO"
    assert loaded.lookup("authorities") is None


def test_docs_name_every_sector_and_shipped_file():
    from eventwire.actors import SECTORS

    text = DOCS.read_text(encoding="utf-8")
    assert all(f"`{sector}`" in text for sector in SECTORS)
    assert all(f"`{name}`" in text for name in SHIPPED_FILES)
