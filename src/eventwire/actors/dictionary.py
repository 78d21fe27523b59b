"""The actor dictionary: every phrase eventwire knows, read from versioned TSV files.

The shipped files live in ``eventwire/data/actors/`` and are read in ``SHIPPED_FILES`` order; a
user's files (``--actors FILE``) are read after them. An entry's key is its phrase, so a later
entry for the same phrase replaces an earlier one (user entries override shipped ones), and a role
entry with sector ``-`` deletes the phrase. The format is described in ``docs/actors.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import ConfigError

SUPPORTED_VERSION = "1"

# Kept in sync with docs/actors.md ("Sectors"); users may not invent sectors silently.
SECTORS = frozenset(
    "GOV MIL COP JUD LEG REB INS UAF SPY PTY OPP CVL REF MED JRN NGO IGO BUS REL EDU HLH "
    "LAB AGR CRM ELI ENV IMG".split()
)
KINDS = ("country", "adjective", "people", "seat", "org", "person", "role", "place")
CONTEXT_COUNTRY = "~"
DELETE = "-"

# Order matters: later files override earlier ones, so eventwire's own role words beat the
# converted CAMEO list, and places (never actors) cannot shadow a name listed as an actor elsewhere
# only because they come last and are rarely the same phrase.
SHIPPED_FILES = (
    "roles_plover.tsv",
    "roles.tsv",
    "places.tsv",
    "countries.tsv",
    "organisations.tsv",
    "leaders_past.tsv",
    "leaders.tsv",
)

_VERSION = re.compile(r"^#\s*version:\s*(\S+)\s*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z0-9-]{3,12}$")
# Short all-capital phrases (US, UN, IS, TTP) are matched with their case: "us" and "is" are words.
_ACRONYM = re.compile(r"^[A-Z0-9.\-+&/]{1,6}$")


@dataclass(frozen=True)
class Entry:
    """One phrase and what it names. ``country`` is ISO alpha-3, ``~`` (from context) or None."""

    phrase: str
    kind: str
    country: str | None
    sector: str | None
    name: str
    code: str

    @property
    def case_sensitive(self) -> bool:
        return bool(_ACRONYM.match(self.phrase)) and any(c.isalpha() for c in self.phrase)

    @property
    def key(self) -> str:
        return self.phrase if self.case_sensitive else self.phrase.lower()


def default_code(country: str | None, sector: str | None) -> str:
    """CAMEO-style code: country then sector ("PAKGOV"); "---" stands for an unknown country.

    An unnamed NGO or IGO ("a human rights group") is coded "NGO"/"IGO": it is non-state.
    """
    if country in (None, CONTEXT_COUNTRY):
        if sector in ("NGO", "IGO"):
            return sector
        return f"---{sector}" if sector else "---"
    return country + (sector or "")


def _problem(origin: str, lineno: int, message: str) -> ConfigError:
    return ConfigError(f"{origin}:{lineno}: {message} (see docs/actors.md for the format)")


def _check_fields(kind, country, sector, code, origin, lineno) -> None:
    if kind not in KINDS:
        raise _problem(origin, lineno, f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if country and country != CONTEXT_COUNTRY and not _ISO3.match(country):
        raise _problem(origin, lineno, f"country {country!r} is not an ISO alpha-3 code or '~'")
    if sector and sector != DELETE and sector not in SECTORS:
        raise _problem(origin, lineno, f"unknown sector {sector!r}")
    if code and not _CODE.match(code):
        raise _problem(origin, lineno, f"code {code!r} must be 3-12 capital letters or digits")


def parse_line(line: str, origin: str, lineno: int) -> list[Entry]:
    """Entries of one data line (one per phrase). Raises ConfigError naming file and line."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) < 4 or len(fields) > 6:
        raise _problem(origin, lineno, f"expected 4 to 6 tab-separated columns, found {len(fields)}")
    fields += [""] * (6 - len(fields))
    kind, phrases, country, sector, name, code = (f.strip() for f in fields)
    _check_fields(kind, country, sector, code, origin, lineno)
    words = [p.strip() for p in phrases.split("|") if p.strip()]
    if not words:
        raise _problem(origin, lineno, "no phrase in the second column")
    country_or_none = country or None
    sector_or_none = sector or None
    code = code or default_code(country_or_none, sector_or_none if sector != DELETE else None)
    return [
        Entry(w, kind, country_or_none, sector_or_none, name or w, code) for w in words
    ]


def read_entries(text: str, origin: str) -> list[Entry]:
    """All entries of one file's text. A ``# version:`` line, when present, must be supported."""
    entries: list[Entry] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            version = _VERSION.match(line)
            if version and version.group(1) != SUPPORTED_VERSION:
                raise _problem(origin, lineno, f"unsupported version {version.group(1)!r}")
            continue
        entries.extend(parse_line(line, origin, lineno))
    return entries


def _read_user_file(path: Path) -> list[Entry]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise ConfigError(f"{path}: actor file not found; check the --actors path") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}:1: actor file is not UTF-8 text") from err
    return read_entries(text, str(path))


def shipped_entries() -> list[Entry]:
    folder = resources.files("eventwire.data").joinpath("actors")
    entries: list[Entry] = []
    for name in SHIPPED_FILES:
        entries.extend(read_entries(folder.joinpath(name).read_text(encoding="utf-8"), name))
    return entries


class ActorDictionary:
    """Every phrase eventwire knows, keyed by phrase; loaded once per process.

    The spaCy matchers are built lazily on the first Doc (see ``matching.PhraseIndex``) so that
    loading the dictionary does not need the language model.
    """

    def __init__(self, entries: list[Entry]):
        by_key: dict[str, Entry] = {}
        for entry in entries:
            by_key.pop(entry.key, None)  # keep file order for the override
            if entry.sector != DELETE:
                by_key[entry.key] = entry
        self.entries: dict[str, Entry] = by_key
        self._country_names: dict[str, str] = {}
        for entry in by_key.values():
            if entry.kind == "country" and entry.country:
                self._country_names.setdefault(entry.country, entry.name)
        self._index = None

    @classmethod
    def load(cls, extra_files: list[Path] | None = None) -> ActorDictionary:
        """Shipped files, then each user file in order (later entries win)."""
        entries = shipped_entries()
        for path in extra_files or []:
            entries.extend(_read_user_file(path))
        return cls(entries)

    def lookup(self, phrase: str) -> Entry | None:
        return self.entries.get(phrase) or self.entries.get(phrase.lower())

    def country_name(self, iso3: str) -> str:
        return self._country_names.get(iso3, iso3)

    def index_for(self, vocab):
        """The phrase matcher for this vocabulary (built once, reused for every Doc)."""
        from eventwire.actors.matching import PhraseIndex

        if self._index is None or self._index.vocab is not vocab:
            self._index = PhraseIndex(self, vocab)
        return self._index
