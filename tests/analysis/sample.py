"""A small hand-made store: coded articles written through the real ``Store.write``.

Stories (all dates 2025):
- Doha talks (article "doha", 2025-10-25): Pakistan and Afghanistan hold Qatar-mediated talks in
  Doha; Pakistan demands assurances on the TTP, both agree to extend the ceasefire, Kabul rejects
  recognition conditions. A second article ("doha2") reports the same round.
- Border clashes: one PAK->AFG assault a week for eight weeks from 2025-08-04, then a flare-up of
  five assaults in the week of 2025-09-29 (an alert), one of them only threatened (future).
- USA-RUS: a few verbal events; IND-PAK: one accusation.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from eventwire.records import (
    Actor,
    Article,
    CodedArticle,
    DateInfo,
    Event,
    Evidence,
    Place,
)
from eventwire.store import Store

QUAD = {"CONSULT": 1, "AGREE": 1, "REQUEST": 1, "CONCEDE": 2, "REJECT": 3, "ACCUSE": 3,
        "THREATEN": 3, "ASSAULT": 4, "COOPERATE": 2}  # fmt: skip
GOLDSTEIN = {"CONSULT": 1.0, "AGREE": 3.0, "REQUEST": -0.1, "CONCEDE": 5.0, "REJECT": -4.0,
             "ACCUSE": -2.0, "THREATEN": -6.0, "ASSAULT": -9.0, "COOPERATE": 4.0}  # fmt: skip
SECTORS = {"GOV", "MIL", "REB"}
DOHA = Place("Doha", "Doha", None, "QAT", 25.29, 51.53)
KHOST = Place("Khost", "Khost", "Khost", "AFG", 33.34, 69.92)


def actor(code: str, text: str | None = None) -> Actor:
    country, sector = (code[:3], code[3:] or None)
    if country == "IGO":
        country = None
    names = {"PAK": "Pakistan", "AFG": "Afghanistan", "QAT": "Qatar", "USA": "United States",
             "RUS": "Russia", "IND": "India", "IGO": "United Nations"}  # fmt: skip
    name = names.get(code[:3], code)
    return Actor(text or name, name, code, country, sector)


class ArticleBuilder:
    """Builds one article's text sentence by sentence, with events whose offsets are exact."""

    def __init__(self, article_id: str, published: date, title: str):
        self.id, self.published, self.title = article_id, published, title
        self.parts: list[str] = []
        self.events: list[Event] = []

    def say(self, sentence: str) -> tuple[int, int]:
        start = sum(len(p) + 1 for p in self.parts)
        self.parts.append(sentence)
        return start, start + len(sentence)

    def event(self, sentence: str, trigger: str, kind: str, sources: list[str],
              targets: list[str], **kw) -> str:  # fmt: skip
        start, end = self.say(sentence)
        t0 = start + sentence.index(trigger)
        event_id = f"{self.id}-{len(self.events)}"
        self.events.append(
            Event(
                event_id=event_id, article_id=self.id, event=kind, mode=kw.get("mode"),
                contexts=tuple(kw.get("contexts", ("diplomatic",))), cameo=kw.get("cameo", "040"),
                goldstein=GOLDSTEIN[kind], quad_class=QUAD[kind],
                sources=tuple(actor(c) for c in sources), targets=tuple(actor(c) for c in targets),
                location=kw.get("location"),
                date=DateInfo(kw.get("date_text"), kw.get("day"), "day" if kw.get("day") else None,
                              "exact" if kw.get("day") else "unresolved"),
                factuality=kw.get("factuality", "asserted"), attribution=None,
                evidence=Evidence(sentence, start, end, trigger, t0, t0 + len(trigger)),
                confidence=0.8, symmetric=kw.get("symmetric", False), source_outlet="Test Wire",
            )
        )  # fmt: skip
        return event_id

    def build(self) -> CodedArticle:
        text = " ".join(self.parts)
        article = Article(text=text, id=self.id, title=self.title, published=self.published,
                          outlet="Test Wire", language="en")  # fmt: skip
        return CodedArticle(article, tuple(self.events))


def doha_articles() -> list[CodedArticle]:
    day = date(2025, 10, 25)
    a = ArticleBuilder("doha", day, "Pakistan and Afghanistan hold talks in Doha")
    a.say("DOHA - Delegations met on Saturday.")
    a.event("Pakistan and Afghanistan held talks in Doha on Saturday.", "held talks", "CONSULT",
            ["PAKGOV", "AFGGOV"], [], symmetric=True, mode="third-party", location=DOHA, day=day)
    a.event("Qatar mediated the talks between Islamabad and Kabul.", "mediated", "CONSULT",
            ["QATGOV"], ["PAKGOV", "AFGGOV"], mode="third-party", location=DOHA, day=day)
    a.event("Pakistan demanded assurances that the TTP would not use Afghan soil.", "demanded",
            "REQUEST", ["PAKGOV"], ["AFGGOV"], day=day)
    a.event("The two sides agreed to extend the ceasefire.", "extend the ceasefire", "CONCEDE",
            ["PAKGOV", "AFGGOV"], [], symmetric=True, mode="ceasefire", day=day)
    a.event("Kabul rejected conditions tied to recognition.", "rejected", "REJECT",
            ["AFGGOV"], ["PAKGOV"], day=day)
    a.say("Subscribe to our newsletter.")
    b = ArticleBuilder("doha2", day, "Doha round ends")
    b.event("Afghan and Pakistani officials met in Doha.", "met", "CONSULT",
            ["AFGGOV"], ["PAKGOV"], mode="third-party", location=DOHA, day=day)
    b.event("Islamabad will not consult Delhi, officials said.", "consult", "CONSULT",
            ["PAKGOV"], ["INDGOV"], factuality="negated", day=day)
    return [a.build(), b.build()]


def clash_articles() -> list[CodedArticle]:
    out = []
    start = date(2025, 8, 4)
    for week in range(8):
        day = start + timedelta(weeks=week)
        a = ArticleBuilder(f"clash{week}", day, f"Border clash, week {week}")
        a.event("Pakistani forces shelled a village in Khost.", "shelled", "ASSAULT",
                ["PAKMIL"], ["AFG"], location=KHOST, day=day, contexts=("military",), cameo="190")
        out.append(a.build())
    flare = start + timedelta(weeks=8)  # 2025-09-29, a Monday
    a = ArticleBuilder("flare", flare, "Fighting flares on the border")
    for i in range(5):
        a.event(f"Pakistani jets struck target number {i + 1} in Khost.", "struck", "ASSAULT",
                ["PAKMIL"], ["AFGMIL"], location=KHOST, day=flare + timedelta(days=i % 3),
                contexts=("military",), cameo="195")  # fmt: skip
    a.event("Pakistan will strike again, the minister warned.", "strike", "ASSAULT",
            ["PAKGOV"], ["AFG"], day=flare, factuality="future", cameo="195")
    out.append(a.build())
    return out


def other_articles() -> list[CodedArticle]:
    day = date(2025, 10, 1)
    a = ArticleBuilder("usarus", day, "Washington and Moscow trade words")
    a.event("The United States accused Russia of violating the treaty.", "accused", "ACCUSE",
            ["USAGOV"], ["RUSGOV"], day=day)
    a.event("Russia rejected the accusation.", "rejected", "REJECT", ["RUSGOV"], ["USAGOV"], day=day)
    a.event("The UN urged both sides to talk.", "urged", "REQUEST", ["IGOUNO"], ["USAGOV", "RUSGOV"],
            day=day, location=Place("New York", "New York", "New York", "USA", 40.71, -74.0))
    b = ArticleBuilder("indpak", date(2025, 10, 20), "Delhi blames Islamabad")
    b.event("India accused Pakistan of backing militants.", "accused", "ACCUSE",
            ["INDGOV"], ["PAKGOV"])
    return [a.build(), b.build()]


def all_articles() -> list[CodedArticle]:
    return doha_articles() + clash_articles() + other_articles()


def build_store(path: Path) -> Path:
    with Store.open(path) as store:
        store.write(all_articles())
    return path
