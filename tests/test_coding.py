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


def test_one_article_that_breaks_coding_is_isolated_from_its_batch():
    import dataclasses

    import pytest

    from eventwire.coding import Coder, code_isolated
    from eventwire.errors import ConfigError
    from eventwire.records import Article

    real = Coder.load()

    # The one seam faked: no real input is known to crash the coder, so one article is made to.
    @dataclasses.dataclass
    class Breaking(Coder):
        def parse_text(self, prepared):
            if "BREAK" in prepared.coding_text:
                raise ValueError("boom\nsecond line")
            return super().parse_text(prepared)

    coder = Breaking(**{f.name: getattr(real, f.name) for f in dataclasses.fields(Coder)})
    good = Article("Police arrested forty protesters in Lagos on Monday, officials said.", origin="a.txt")
    bad = Article("BREAK the coder here, please.", origin="b.txt")
    coded, failures = code_isolated([good, bad], coder)
    assert [c.article.id for c in coded] == [good.id]
    assert list(failures) == [bad.id]
    assert str(failures[bad.id]) == (
        "b.txt: coding failed (ValueError: boom second line); please report this article as an "
        "eventwire bug"
    )

    @dataclasses.dataclass
    class Broken(Coder):
        def parse_text(self, prepared):
            raise ConfigError("patterns.toml: broken")

    broken = Broken(**{f.name: getattr(real, f.name) for f in dataclasses.fields(Coder)})
    with pytest.raises(ConfigError):
        code_isolated([good], broken)
