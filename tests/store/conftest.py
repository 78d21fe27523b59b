"""Hand-built coded articles, so store tests do not depend on the coding pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    DateInfo,
    Event,
    Evidence,
    Place,
)

PAK = Actor("Pakistan", "Pakistan", "PAKGOV", "PAK", "GOV", 10, 18)
AFG = Actor("the Taliban", "Taliban", "AFGGOV", "AFG", "GOV", 40, 51)
QAT = Actor("Qatar", "Qatar", "QATGOV", "QAT", "GOV")
UN = Actor("the UN", "United Nations", "IGOUNO", None, "IGO")
DOHA = Place("Doha", "Doha", None, "QAT", 25.29, 51.53, 60, 64)


def make_event(
    article_id: str,
    n: int = 0,
    event: str = "CONSULT",
    sources: tuple[Actor, ...] = (PAK,),
    targets: tuple[Actor, ...] = (AFG,),
    day: date | None = None,
    factuality: str = "asserted",
    symmetric: bool = False,
    location: Place | None = DOHA,
    attribution: Attribution | None = None,
) -> Event:
    sentence = f"Pakistan met the Taliban in Doha ({n})."
    return Event(
        event_id=f"{article_id}-ev{n}",
        article_id=article_id,
        event=event,
        mode="third-party" if event == "CONSULT" else None,
        contexts=("diplomatic",),
        cameo="046",
        goldstein=7.0,
        quad_class=1,
        sources=sources,
        targets=targets,
        location=location,
        date=DateInfo("Friday", day, "day", "exact") if day else DateInfo(None, None),
        factuality=factuality,
        attribution=attribution,
        evidence=Evidence(sentence, 0, len(sentence), "met", 9, 12),
        confidence=0.83456,
        symmetric=symmetric,
    )


def make_coded(
    text: str, published: date | None = None, events_of=lambda aid: (), **article
) -> CodedArticle:
    art = Article(text=text, published=published, origin="test.txt", **article)
    return CodedArticle(article=art, events=tuple(events_of(art.id)))


@pytest.fixture
def factory():
    """``factory.event(...)`` and ``factory.coded(...)`` build records by hand."""

    class Factory:
        event = staticmethod(make_event)
        coded = staticmethod(make_coded)
        actors = {"PAK": PAK, "AFG": AFG, "QAT": QAT, "UN": UN}

    return Factory
