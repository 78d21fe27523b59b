"""Hand-made events in the public dict shape, built from real records via ``event_to_dict``."""

from __future__ import annotations

from eventwire.records import Actor, Attribution, DateInfo, Event, Evidence, Place, event_to_dict

_ORGS = ("IGO", "NGO", "IMG")


def actor(code: str) -> Actor:
    """``"PAKGOV"`` -> Pakistan, sector GOV; ``"IGOUNO"`` -> no country; ``"AFG"`` -> no sector."""
    head, sector = code[:3], code[3:6] or None
    if head in _ORGS:
        return Actor(text=code, name=code, code=code, country=None, sector=head)
    return Actor(text=code, name=code, code=code, country=head, sector=sector)


def event(
    kind: str,
    sources: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    sentence: str = "Something happened.",
    *,
    mode: str | None = None,
    confidence: float = 0.5,
    factuality: str = "asserted",
    located_in: str | None = None,  # country code of the event location
    attribution: tuple[str | None, str | None] | None = None,
    article_id: str = "a1",
    symmetric: bool = False,
) -> dict:
    location = None
    if located_in:
        location = Place(located_in, located_in, None, country=located_in, lat=None, lon=None)
    said = None
    if attribution:
        said = Attribution(text=" ".join(filter(None, attribution)), speaker=attribution[0],
                           outlet=attribution[1])
    ev = Event(
        event_id=f"{article_id}-{kind}-{sentence[:12]}",
        article_id=article_id,
        event=kind,
        mode=mode,
        contexts=(),
        cameo=None,
        goldstein=None,
        quad_class=None,
        sources=tuple(actor(c) for c in sources),
        targets=tuple(actor(c) for c in targets),
        location=location,
        date=DateInfo(text=None, date=None),
        factuality=factuality,
        attribution=said,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=""),
        confidence=confidence,
        symmetric=symmetric,
    )
    return event_to_dict(ev)
