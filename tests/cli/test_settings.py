"""Settings layers: defaults, then the TOML file, then EVENTWIRE_* variables, then CLI options."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.settings import Settings, load_settings


def test_defaults_without_file_or_env(tmp_path: Path) -> None:
    settings = load_settings(environ={}, cwd=tmp_path)
    assert settings == Settings()
    assert settings.db == Path("eventwire.duckdb")
    assert settings.batch_size == 64


def test_later_layers_win_field_by_field(tmp_path: Path) -> None:
    (tmp_path / "eventwire.toml").write_text(
        'db = "from_file.duckdb"\nbatch_size = 8\nactor_files = ["mine.jsonl"]\n'
    )
    env = {"EVENTWIRE_BATCH_SIZE": "16"}
    settings = load_settings(environ=env, cwd=tmp_path, overrides={"db": Path("cli.duckdb")})
    assert settings.db == Path("cli.duckdb")  # CLI beats file
    assert settings.batch_size == 16  # env beats file
    # Relative paths in the file are relative to the file, not to where eventwire runs.
    assert settings.actor_files == (tmp_path / "mine.jsonl",)


def test_unset_cli_options_keep_lower_layers(tmp_path: Path) -> None:
    env = {"EVENTWIRE_DB": "env.duckdb", "EVENTWIRE_PATTERN_FILES": "a.jsonl:b.jsonl"}
    settings = load_settings(environ=env, cwd=tmp_path, overrides={"db": None, "batch_size": None})
    assert settings.db == Path("env.duckdb")
    assert settings.pattern_files == (Path("a.jsonl"), Path("b.jsonl"))


def test_explicit_config_file_is_used_instead_of_cwd(tmp_path: Path) -> None:
    (tmp_path / "eventwire.toml").write_text('db = "cwd.duckdb"\n')
    other = tmp_path / "conf" / "other.toml"
    other.parent.mkdir()
    other.write_text('db = "/abs/other.duckdb"\n')
    assert load_settings(config=other, environ={}, cwd=tmp_path).db == Path("/abs/other.duckdb")


@pytest.mark.parametrize(
    ("content", "env", "words"),
    [
        ("dbb = 'x'\n", {}, ["dbb", "unknown"]),
        ("batch_size = 0\n", {}, ["batch_size"]),
        ("db = [\n", {}, ["not valid TOML"]),
        ("", {"EVENTWIRE_BATCH_SIZE": "many"}, ["batch_size", "many"]),
        ("actor_files = 3\n", {}, ["actor_files"]),
    ],
)
def test_bad_settings_name_the_problem(
    tmp_path: Path, content: str, env: dict, words: list[str]
) -> None:
    (tmp_path / "eventwire.toml").write_text(content)
    with pytest.raises(ConfigError) as err:
        load_settings(environ=env, cwd=tmp_path)
    for word in words:
        assert word in str(err.value)
