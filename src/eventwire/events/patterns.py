"""Trigger patterns as data: the TOML format of ``data/events/*.toml`` and user ``--patterns`` files.

A pattern file holds ``version``, ``[[pattern]]`` entries (or ``pattern = [ {...}, ... ]``),
optional ``[[mode_cue]]`` / ``[[context_cue]]`` entries, a ``[lexicon]`` of named word lists
(referenced from patterns as ``"@name"``) and ``[maps]`` of complement rules. Later files
override earlier ones entry by entry (same ``id``) and key by key (lexicon, maps). The format is
described for users in ``docs/patterns.md``; every check below names the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.events.codebook import Codebook

POS_TAGS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "AUX"})
FRAMES = frozenset({"", "intent", "content", "report"})
ROLE_CHOICES = frozenset({"target", "source", "none", "partner", "owner"})
# Types whose trigger frames the content of a complement ("urged X to release") instead of
# reporting a second event: the complement is folded into them, never coded on its own.
CONTENT_EVENTS = frozenset({"REQUEST", "REJECT", "THREATEN"})

_LIST_FIELDS = (
    "lemma", "pos", "contexts", "particle", "object", "not_object", "prep", "prep_object",
    "not_prep_object", "subject", "not_subject", "modifier", "not_modifier", "head",
    "not_head", "not_complement", "target_preps", "source_preps", "not_prep", "not_particle",
    "dep", "not_sentence", "predicate",
)  # fmt: skip
_STR_FIELDS = ("id", "event", "cameo", "mode", "frame", "object_role", "of_role", "note")
_BOOL_FIELDS = ("symmetric", "swap", "complement", "no_object", "requires_fold", "no_agent",
                "no_predicate", "bare")
_NUM_FIELDS = ("priority", "weight")
PATTERN_FIELDS = frozenset(_LIST_FIELDS + _STR_FIELDS + _BOOL_FIELDS + _NUM_FIELDS)


@dataclass(frozen=True)
class Pattern:
    """One trigger: words and syntax that must hold, and the event they code."""

    id: str
    event: str
    cameo: str
    lemma: tuple[str, ...]
    pos: tuple[str, ...] = ("VERB",)
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    particle: tuple[str, ...] = ()  # a prt/prep child: "call on", "pull out"
    object: tuple[str, ...] = ()  # the direct object (or passive subject, or particle's object)
    not_object: tuple[str, ...] = ()
    no_object: bool = False  # fires only without a direct object ("workers struck")
    no_agent: bool = False  # fires only in a passive without a doer: "passengers were freed"
    no_predicate: bool = False  # not when naming its object: "called her [a traitor]"
    bare: bool = False  # no object, complement, clause, preposition or coordinated subject
    dep: tuple[str, ...] = ()  # the trigger's own dependency label: "acl" ("those [backing] X")
    not_sentence: tuple[str, ...] = ()  # words whose presence in the sentence rules it out
    predicate: tuple[str, ...] = ()  # what the object is called: "labelled X [a dictator]"
    prep: tuple[str, ...] = ()  # some prep child must be one of these
    not_prep: tuple[str, ...] = ()  # no prep child may be one of these: "talk [about] X"
    not_particle: tuple[str, ...] = ()  # "sign [off]", "call [off]" are other verbs
    prep_object: tuple[str, ...] = ()  # some prep's object must be one of these
    not_prep_object: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    not_subject: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()  # compound/amod children: "air strike", "joint exercise"
    not_modifier: tuple[str, ...] = ()
    head: tuple[str, ...] = ()  # governing verb of a noun: "reach" an agreement
    not_head: tuple[str, ...] = ()
    complement: bool = False  # needs an xcomp/ccomp: "declined to ..."
    requires_fold: bool = False  # an intent that codes nothing unless its complement is a trigger
    not_complement: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    object_role: str = "target"
    of_role: str = "none"  # nouns: what "the arrest of X" / "the visit of X" gives X
    symmetric: bool = False
    swap: bool = False  # "X hosted Y": the visitor Y is the actor
    frame: str = ""
    priority: int = 0
    weight: float = 1.0
    note: str = ""

    @property
    def specificity(self) -> int:
        """More constraints = more specific = preferred when several patterns match a word."""
        constrained = (
            self.particle, self.object, self.prep, self.prep_object, self.subject,
            self.modifier, self.head, self.not_object, self.not_subject, self.not_modifier,
            self.not_prep, self.not_particle, self.dep, self.not_sentence, self.predicate,
        )  # fmt: skip
        flags = int(self.complement) + int(self.no_agent) + int(self.no_predicate) + int(self.bare)
        return self.priority * 10 + sum(1 for c in constrained if c) + flags


@dataclass(frozen=True)
class Cue:
    """Words that select a mode (per event type) or add a context, in file order of priority."""

    id: str
    value: str  # the mode or context
    event: str | None
    words: tuple[str, ...]


@dataclass
class PatternSet:
    version: str = ""
    patterns: dict[str, Pattern] = field(default_factory=dict)
    mode_cues: dict[str, Cue] = field(default_factory=dict)
    context_cues: dict[str, Cue] = field(default_factory=dict)
    lexicon: dict[str, frozenset[str]] = field(default_factory=dict)
    maps: dict[str, dict[str, str]] = field(default_factory=dict)


def _entry_line(raw_text: str, entry_id: str) -> int | None:
    match = re.search(r"id\s*=\s*[\"']" + re.escape(entry_id) + r"[\"']", raw_text)
    return raw_text.count("\n", 0, match.start()) + 1 if match else None


def _where(path: Path, raw_text: str, entry: dict, index: int) -> str:
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    line = _entry_line(raw_text, entry_id) if isinstance(entry_id, str) else None
    label = f"entry {entry_id!r}" if entry_id else f"entry #{index + 1}"
    return f"{path}:{line} ({label})" if line else f"{path} ({label})"


def _check_types(entry: dict, where: str) -> None:
    unknown = set(entry) - PATTERN_FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; see docs/patterns.md")
    for key in _LIST_FIELDS:
        value = entry.get(key, [])
        if isinstance(value, str):
            entry[key] = [value]
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: field {key!r} must be a string or a list of strings")
    for key in _STR_FIELDS:
        if key in entry and not isinstance(entry[key], str):
            raise ConfigError(f"{where}: field {key!r} must be a string")
    for key in _BOOL_FIELDS:
        if key in entry and not isinstance(entry[key], bool):
            raise ConfigError(f"{where}: field {key!r} must be true or false")
    for key in _NUM_FIELDS:
        if key in entry and not isinstance(entry[key], int | float):
            raise ConfigError(f"{where}: field {key!r} must be a number")


def _check_meaning(entry: dict, where: str, book: Codebook) -> None:
    for key in ("id", "event", "cameo", "lemma"):
        if not entry.get(key):
            raise ConfigError(f"{where}: missing required field {key!r}")
    event = entry["event"]
    if event not in book.event_names:
        raise ConfigError(f"{where}: unknown event type {event!r}; use one of the 16 PLOVER types")
    if entry.get("mode") and entry["mode"] not in book.modes(event):
        raise ConfigError(f"{where}: {entry['mode']!r} is not a mode of {event}")
    if not book.has_cameo(entry["cameo"]):
        raise ConfigError(f"{where}: unknown CAMEO code {entry['cameo']!r}")
    bad = [c for c in entry.get("contexts", []) if c not in book.context_names]
    if bad:
        raise ConfigError(f"{where}: unknown context(s) {bad}")
    bad_pos = [p for p in entry.get("pos", []) if p not in POS_TAGS]
    if bad_pos:
        raise ConfigError(f"{where}: unknown part of speech {bad_pos}; use {sorted(POS_TAGS)}")
    if entry.get("frame", "") not in FRAMES:
        raise ConfigError(f"{where}: frame must be one of {sorted(FRAMES)}")
    for key in ("object_role", "of_role"):
        if entry.get(key, "none") not in ROLE_CHOICES:
            raise ConfigError(f"{where}: {key} must be one of {sorted(ROLE_CHOICES)}")


def _lower_tuple(values: list[str]) -> tuple[str, ...]:
    return tuple(v.lower() for v in values)


def build_pattern(entry: dict, where: str, book: Codebook) -> Pattern:
    entry = dict(entry)
    _check_types(entry, where)
    _check_meaning(entry, where, book)
    kwargs: dict = {}
    for key, value in entry.items():
        if key in ("pos", "contexts"):
            kwargs[key] = tuple(value)
        elif key in _LIST_FIELDS:
            kwargs[key] = _lower_tuple(value)
        else:
            kwargs[key] = value
    kwargs["mode"] = entry.get("mode") or None
    if not entry.get("frame") and entry["event"] in CONTENT_EVENTS:
        kwargs["frame"] = "content"
    return Pattern(**kwargs)


def _build_cue(entry: dict, where: str, kind: str, book: Codebook) -> Cue:
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get(kind):
        raise ConfigError(f"{where}: a {kind}_cue needs 'id', '{kind}' and 'words'")
    words = entry.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise ConfigError(f"{where}: 'words' must be a non-empty list of strings")
    event = entry.get("event")
    if kind == "mode":
        if event not in book.event_names or entry["mode"] not in book.modes(event):
            raise ConfigError(f"{where}: {entry['mode']!r} is not a mode of {event!r}")
    elif entry["context"] not in book.context_names:
        raise ConfigError(f"{where}: unknown context {entry['context']!r}")
    return Cue(entry["id"], entry[kind], event, tuple(w.lower() for w in words))


def _merge_tables(raw: dict, where: str, into: PatternSet) -> None:
    lexicon = raw.get("lexicon", {})
    maps = raw.get("maps", {})
    if not isinstance(lexicon, dict) or not isinstance(maps, dict):
        raise ConfigError(f"{where}: [lexicon] and [maps] must be tables")
    for name, words in lexicon.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"{where}: lexicon list {name!r} must be a list of strings")
        into.lexicon[name] = frozenset(w.lower() for w in words)
    for name, table in maps.items():
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f"{where}: map {name!r} must be a table of strings")
        into.maps.setdefault(name, {}).update(table)


def merge_file(path: Path, into: PatternSet, book: Codebook) -> None:
    """Read one pattern file into ``into``; entries with an existing id replace the old ones."""
    try:
        raw_text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(raw_text)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read pattern file ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: pattern file is not UTF-8 text") from err
    except tomllib.TOMLDecodeError as err:
        where = "" if "line" in str(err) else f" (line {raw_text.count(chr(10)) + 1})"
        raise ConfigError(f"{path}: not valid TOML: {err}{where}") from err
    if "version" not in raw:
        raise ConfigError(f"{path}: missing top-level 'version'; see docs/patterns.md")
    into.version = into.version or str(raw["version"])
    _merge_tables(raw, str(path), into)
    for kind, target in (("mode", into.mode_cues), ("context", into.context_cues)):
        for i, entry in enumerate(raw.get(f"{kind}_cue", [])):
            cue = _build_cue(entry, _where(path, raw_text, entry, i), kind, book)
            target[cue.id] = cue
    entries = raw.get("pattern", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 'pattern' must be an array of tables")
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = _where(path, raw_text, entry, i)
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: a pattern must be a table")
        if entry.get("id") in seen:
            raise ConfigError(f"{where}: duplicate pattern id in the same file")
        pattern = build_pattern(entry, where, book)
        seen.add(pattern.id)
        into.patterns[pattern.id] = pattern


def check_lexicon_refs(patterns: PatternSet) -> None:
    """Every ``@name`` a pattern uses must be a lexicon list (checked after all files merged)."""
    for pattern in patterns.patterns.values():
        for key in _LIST_FIELDS:
            for value in getattr(pattern, key):
                if value.startswith("@") and value[1:] not in patterns.lexicon:
                    raise ConfigError(
                        f"pattern {pattern.id!r}: {key} refers to unknown lexicon list {value!r}"
                    )
