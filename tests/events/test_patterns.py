"""Pattern files: shipped ones load, user files override by id, bad files name file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.events import EventCoder, codebook
from eventwire.events.patterns import PatternSet, merge_file


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_patterns_cover_every_type():
    coder = EventCoder.load([])
    events = {p.event for p in coder.patterns.patterns.values()}
    assert events == set(codebook().event_names)
    assert coder.patterns.version == "1"
    assert "light_verbs" in coder.patterns.lexicon


def test_user_pattern_overrides_a_shipped_id_and_adds_new_ones(tmp_path):
    path = write(
        tmp_path,
        'version = "1"\n'
        "[[pattern]]\n"
        'id = "consult.meet"\nlemma = ["meet"]\nevent = "AGREE"\ncameo = "036"\n'
        "[[pattern]]\n"
        'id = "mine.parley"\nlemma = ["powwow"]\nevent = "CONSULT"\ncameo = "040"\nsymmetric = true\n',
    )
    coder = EventCoder.load([path])
    assert coder.patterns.patterns["consult.meet"].event == "AGREE"
    assert coder.patterns.patterns["mine.parley"].symmetric is True
    assert "assault.attack" in coder.patterns.patterns


@pytest.mark.parametrize(
    "text",
    ['version = "1"\n[[pattern]]\nid = "x"\nlemma = [\n', 'version = "1"\nid = = 3\n'],
)
def test_invalid_toml_names_file_and_line(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=r"mine\.toml.*line \d"):
        EventCoder.load([path])


def test_unknown_event_names_the_entry_and_its_line(tmp_path):
    path = write(
        tmp_path,
        'version = "1"\n\n[[pattern]]\nid = "mine.bad"\nlemma = ["x"]\nevent = "HUG"\ncameo = "040"\n',
    )
    with pytest.raises(ConfigError) as err:
        merge_file(path, PatternSet(), codebook())
    message = str(err.value)
    assert "mine.toml:4" in message and "mine.bad" in message and "HUG" in message


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ('id = "a"\nlemma = ["x"]\nevent = "CONSULT"\ncameo = "999"', "CAMEO"),
        ('id = "a"\nlemma = ["x"]\nevent = "CONSULT"\ncameo = "040"\nmode = "drone"', "mode"),
        ('id = "a"\nlemma = ["x"]\nevent = "CONSULT"\ncameo = "040"\ncolour = "red"', "unknown field"),
        ('id = "a"\nevent = "CONSULT"\ncameo = "040"', "lemma"),
        ('id = "a"\nlemma = ["x"]\nevent = "CONSULT"\ncameo = "040"\nweight = "high"', "number"),
    ],
)
def test_malformed_entries_are_rejected(tmp_path, body, complaint):
    path = write(tmp_path, f'version = "1"\n[[pattern]]\n{body}\n')
    with pytest.raises(ConfigError, match=complaint):
        merge_file(path, PatternSet(), codebook())


def test_missing_version_and_unknown_lexicon_list_are_rejected(tmp_path):
    path = write(tmp_path, '[[pattern]]\nid = "a"\nlemma = ["x"]\nevent = "CONSULT"\ncameo = "040"\n')
    with pytest.raises(ConfigError, match="version"):
        EventCoder.load([path])
    path = write(
        tmp_path,
        'version = "1"\n[[pattern]]\nid = "a"\nlemma = ["x"]\nevent = "CONSULT"\ncameo = "040"\n'
        'subject = ["@nobody"]\n',
    )
    with pytest.raises(ConfigError, match="@nobody"):
        EventCoder.load([path])


def test_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        EventCoder.load([tmp_path / "absent.toml"])


DOC = Path(__file__).resolve().parents[2] / "docs" / "patterns.md"


def test_docs_example_loads_and_overrides(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    coder = EventCoder.load([write(tmp_path, example)])
    assert coder.patterns.patterns["mine.sit-down"].event == "PROTEST"
    assert coder.patterns.patterns["consult.discuss"].weight == 0


def test_every_pattern_field_is_documented():
    from eventwire.events.patterns import PATTERN_FIELDS

    text = DOC.read_text(encoding="utf-8")
    missing = [f for f in PATTERN_FIELDS if f"`{f}`" not in text]
    assert missing == []
