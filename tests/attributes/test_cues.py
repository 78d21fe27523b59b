"""The cue files: versioned, complete, overridable."""

from __future__ import annotations

import pytest

from eventwire.attributes import default_cues, load_cues
from eventwire.errors import ConfigError


def test_every_shipped_file_has_a_version():
    cues = default_cues()
    assert len(cues.versions) == 4 and all("unversioned" not in v for v in cues.versions)


def test_a_user_key_replaces_the_shipped_list_and_leaves_others(tmp_path):
    user = tmp_path / "cues.toml"
    user.write_text('version = "mine-1"\n[factuality]\nfuture_aux = ["shall"]\n', encoding="utf-8")
    cues = load_cues([user])
    assert cues.words("factuality", "future_aux") == {"shall"}
    assert "could" in cues.words("factuality", "hypothetical_aux")
    assert cues.version.endswith("mine-1")


def test_a_broken_user_file_is_named(tmp_path):
    user = tmp_path / "cues.toml"
    user.write_text("[factuality\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cues.toml"):
        load_cues([user])


def test_a_missing_list_is_a_config_error():
    with pytest.raises(ConfigError, match="nonexistent"):
        default_cues().words("factuality", "nonexistent")
