"""Hand-built coded articles with every optional part set, for tests that need no model."""

from __future__ import annotations

from datetime import date, datetime

from eventwire.records import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    DateInfo,
    Event,
    Evidence,
    Passage,
    Place,
)

PAK = Actor("Pakistan", "Pakistan", "PAKGOV", "PAK", "GOV", 0, 8)
AFG = Actor("the Taliban", "Taliban", "AFGGOV", "AFG", "GOV", 13, 24)
UN = Actor("the UN", "United Nations", "IGOUNO", None, "IGO")


def coded_article(n: int, published: date | None = date(2025, 3, 14)) -> CodedArticle:
    text = f"Pakistan met the Taliban in Doha on Friday, officials said. ({n})"
    article = Article(
        text=text, title=f"Talks {n}", url=f"https://example.org/{n}", published=published,
        outlet="Example", language="en", author="A. Writer", origin=f"news.jsonl:{n}",
    )  # fmt: skip
    event = Event(
        event_id=f"e{n}", article_id=article.id, event="CONSULT", mode="third-party",
        contexts=("diplomatic", "security"), cameo="046", goldstein=7.0, quad_class=1,
        sources=(PAK, UN), targets=(AFG,),
        location=Place("Doha", "Doha", None, "QAT", 25.29, 51.53, 28, 32),
        date=DateInfo("Friday", date(2025, 3, 14), "day", "exact"), factuality="asserted",
        attribution=Attribution("officials said", "officials", None),
        evidence=Evidence(text[:58], 0, 58, "met", 9, 12), confidence=0.8125, symmetric=False,
    )  # fmt: skip
    bare = Event(
        event_id=f"f{n}", article_id=article.id, event="ASSAULT", mode=None, contexts=(),
        cameo=None, goldstein=None, quad_class=None, sources=(), targets=(), location=None,
        date=DateInfo(None, None), factuality="negated", attribution=None,
        evidence=Evidence(text, 0, len(text), "met"), confidence=0.1, symmetric=True,
    )  # fmt: skip
    return CodedArticle(
        article=article,
        events=(event, bare),
        passages=(Passage(0, 58, text[:58]),),
        dropped=(Passage(59, len(text), text[59:]),),
    )


def skipped_article(n: int) -> CodedArticle:
    article = Article(text=f"Ein Artikel auf Deutsch ({n}).", published=datetime(2025, 1, 2, 3, 4))
    return CodedArticle(article=article, events=(), skipped_reason="language: de")
