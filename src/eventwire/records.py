"""Plain typed records exchanged by every stage.

Stages never hand each other their internals (spaCy objects, DuckDB cursors); they hand over
these frozen dataclasses. Offsets are always character offsets into ``Article.text`` (the
original text as read), so evidence can be shown in the article exactly where it stands.

Flow::

    Article --text--> Passage* --nlp--> (spaCy Doc, internal) --actors/events/attributes-->
    Event* (with Actor, Place, Attribution, Evidence) --store--> rows
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date

_SPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """Text as used for article ids: NFKC, collapsed whitespace, stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def text_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of the SHA-256 of its normalised form."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article as read from a source. ``id`` defaults to a hash of the normalised text."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str | None = None
    author: str | None = None
    origin: str | None = None  # where it was read: "path", "path:line", a URL

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))


@dataclass(frozen=True)
class Passage:
    """A stretch of ``Article.text`` kept for coding (boilerplate removed).

    ``text`` has exactly the length of ``article.text[start:end]`` (cleaning only swaps characters
    one for one), so an offset inside the passage plus ``start`` is an offset into the article.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """An actor as coded: CAMEO-style ``code`` = country (or IGO/NGO…) followed by the sector."""

    text: str  # the words in the article
    name: str  # canonical name ("Taliban", "Pakistan")
    code: str  # "PAKGOV", "IGOUNO", "AFG"
    country: str | None  # ISO 3166-1 alpha-3, or None for IGOs and unknowns
    sector: str | None  # GOV, MIL, REB, … or None
    start: int | None = None  # offsets of ``text`` in the article, when known
    end: int | None = None


@dataclass(frozen=True)
class Place:
    text: str
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Attribution:
    text: str  # "sources confirmed to CNN-News18"
    speaker: str | None  # "sources"
    outlet: str | None  # "CNN-News18"


@dataclass(frozen=True)
class DateInfo:
    """The date an event is tied to. ``date`` is None when it cannot be resolved."""

    text: str | None  # "Friday", "later today"
    date: date | None
    granularity: str | None = None  # day | week | month | year
    type: str = "unresolved"  # exact | approximate | unresolved


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int  # offsets of the sentence in Article.text
    end: int
    trigger: str  # the trigger words as they stand in the text
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    event: str  # one of the 16 PLOVER types
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    location: Place | None
    date: DateInfo
    factuality: str  # asserted | future | hypothetical | negated
    attribution: Attribution | None
    evidence: Evidence
    confidence: float
    symmetric: bool = False
    source_outlet: str | None = None  # the outlet that published the article ("VOA")

    def to_dict(self) -> dict:
        """The public JSON shape (README "Event record")."""
        return event_to_dict(self)


FACTUALITIES = ("asserted", "future", "hypothetical", "negated")


def _actor_dict(actor: Actor) -> dict:
    return {
        "text": actor.text,
        "name": actor.name,
        "code": actor.code,
        "country": actor.country,
        "sector": actor.sector,
    }


def event_to_dict(ev: Event) -> dict:
    loc = None
    if ev.location is not None:
        loc = {
            "text": ev.location.text,
            "name": ev.location.name,
            "admin1": ev.location.admin1,
            "country": ev.location.country,
            "lat": ev.location.lat,
            "lon": ev.location.lon,
        }
    return {
        "event_id": ev.event_id,
        "article_id": ev.article_id,
        "event": ev.event,
        "mode": ev.mode,
        "contexts": list(ev.contexts),
        "cameo": ev.cameo,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
        "sources": [_actor_dict(a) for a in ev.sources],
        "targets": [_actor_dict(a) for a in ev.targets],
        "symmetric": ev.symmetric,
        "location": loc,
        "date": ev.date.date.isoformat() if ev.date.date else None,
        "date_text": ev.date.text,
        "date_granularity": ev.date.granularity,
        "date_type": ev.date.type,
        "factuality": ev.factuality,
        "attribution": asdict(ev.attribution) if ev.attribution else None,
        "source_outlet": ev.source_outlet,
        "evidence": {
            "sentence": ev.evidence.sentence,
            "start": ev.evidence.start,
            "end": ev.evidence.end,
            "trigger": ev.evidence.trigger,
        },
        "confidence": round(ev.confidence, 3),
    }


@dataclass(frozen=True)
class CodedArticle:
    """What coding returns for one article."""

    article: Article
    events: tuple[Event, ...]
    passages: tuple[Passage, ...] = ()
    dropped: tuple[Passage, ...] = ()  # boilerplate removed, kept for inspection
    skipped_reason: str | None = None  # set when the article was not coded (e.g. language)


@dataclass(frozen=True)
class InputError:
    """One bad input: where, and what is wrong with it. Reported, never raised past the batch."""

    origin: str  # "path", "path:line", URL
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass
class IngestSummary:
    """What one ``ingest`` (or ``watch``) run did; counts of articles unless said otherwise."""

    read: int = 0
    skipped: int = 0  # repeats, near-duplicates and articles not coded
    failed: int = 0  # inputs (files, lines, URLs, articles) that could not be stored
    stored_articles: int = 0
    stored_events: int = 0
    errors: list[InputError] = field(default_factory=list)
    duplicates: int = 0  # near-duplicate copies stored as reports, not coded (also "skipped")
    new_reports: int = 0  # rows added to ``reports`` (each new article is its own first report)
    # (origin, reason) of each article stored but not coded, e.g. "language: not English (und)"
    not_coded: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class EventCandidate:
    """What the ``events`` stage finds in a sentence, before actors and attributes are attached.

    All offsets are character offsets into ``Article.text``. Role spans are the stretches of text
    that fill the source and target roles (e.g. a subject's subtree); the ``actors`` stage turns each
    into zero or more Actors. ``symmetric`` marks reciprocal events ("X and Y held talks",
    "talks between X and Y"): the first side fills the source role and the other side the target
    role, and consumers treat the two roles as interchangeable (dyad filters match either way).
    """

    event: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    source_spans: tuple[tuple[int, int], ...]
    target_spans: tuple[tuple[int, int], ...]
    symmetric: bool
    confidence: float
    pattern: str = ""  # id of the pattern that fired, for debugging and evaluation
