"""When an event happened: the date expression tied to it, resolved against the publication date.

``resolve_date`` picks the expression (NER DATE/TIME spans of the sentence, plus the relative
words the small model misses, the one nearest the trigger in the parse) and hands its text to
``resolve_expression``, a pure function of (text, publication date, direction). Granularity is
day, week, month or year; type is *exact* when the expression names that unit ("Friday",
"last week", "in 2021"), *approximate* when it is vague about it ("earlier this month", "late
March", or no expression at all and the publication date stands in), *unresolved* otherwise.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from eventwire.attributes.anchors import sentence_of, tree_distance, trigger_token
from eventwire.attributes.cues import Cues, default_cues
from eventwire.attributes.factuality import factuality
from eventwire.records import DateInfo, EventCandidate

MONTHS = {m: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
WEEKDAYS = {d: n for n, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH}(?:,? (\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?: of)?(?: (\d{{4}}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_AGO = re.compile(r"\b(\d+|" + "|".join(NUMBERS) + r") (day|week|month|year)s? ago\b")
_RELATIVE_UNIT = re.compile(r"\b(last|next|this|past|coming) (week|month|year|weekend)\b|\b(the) (weekend)\b")
_WEEKDAY = re.compile(r"\b(?:(last|next|this|coming) )?(" + "|".join(WEEKDAYS) + r")\b")
# Relative words the small NER model often leaves untagged; searched in the sentence when no
# DATE/TIME entity is found.
_UNTAGGED = re.compile(r"\b(later today|earlier today|today|tonight|yesterday|tomorrow|last night|"
                       r"(?:last|next|this|coming) (?:week|month|year|weekend)|(?:on )?(?:"
                       + "|".join(WEEKDAYS) + r"))\b", re.IGNORECASE)


def resolve_date(doc: Doc, cand: EventCandidate, published: date | None, cues: Cues | None = None) -> DateInfo:
    """The event's date. Without any expression, an asserted event takes the publication date
    (type approximate); future and hypothetical events then stay undated."""
    cues = cues or default_cues()
    fact = factuality(doc, cand, cues)
    text = _expression(doc, cand, cues)
    if text is None:
        if published is not None and fact in ("asserted", "negated"):
            return DateInfo(text=None, date=published, granularity="day", type="approximate")
        return DateInfo(text=None, date=None)
    return resolve_expression(text, published, future=fact == "future", cues=cues)


def _expression(doc: Doc, cand: EventCandidate, cues: Cues) -> str | None:
    """The date words of the sentence nearest the trigger in the parse, durations excluded."""
    sentence = sentence_of(doc, cand)
    durations = cues.words("dates", "durations")
    spans = [e for e in sentence.ents if e.label_ in ("DATE", "TIME") and not _is_duration(e, durations)]
    if not spans:
        spans = [doc.char_span(m.start() + sentence.start_char, m.end() + sentence.start_char)
                 for m in _UNTAGGED.finditer(sentence.text)]
        spans = [s for s in spans if s is not None]
    if not spans:
        return None
    trigger = trigger_token(doc, cand)
    best = min(spans, key=lambda s: tree_distance(s.root, trigger) if trigger is not None else s.start)
    return best.text


def _is_duration(span: Span, durations: frozenset[str]) -> bool:
    """"for two years", "since 2021", "decades": spans that measure time rather than date it."""
    head = span.root.head
    words = {t.lower_ for t in span}
    if span.root.dep_ == "pobj" and head.lower_ in durations:
        return True
    if words & durations:
        return True
    return bool(re.fullmatch(r"(the )?(\w+ )?(days|weeks|months|years)", span.text.lower()))


def resolve_expression(text: str, published: date | None, future: bool = False,
                       cues: Cues | None = None) -> DateInfo:
    """Resolve one date expression. Absolute dates with a year resolve without a publication
    date; relative ones ("Friday", "last week") need it and stay unresolved without it."""
    cues = cues or default_cues()
    low = " ".join(text.lower().replace(",", ", ").split())
    vague = bool(set(low.replace("-", " ").split()) & cues.words("dates", "vague")) and "later today" not in low
    future = future or any(w in low for w in cues.words("dates", "future"))
    for resolver in (_absolute_day, _relative_day, _weekday, _relative_unit, _month, _year):
        found = resolver(low, published, future)
        if found is not None:
            day, unit = found
            if day is None:  # "31 February": recognised, but names no real day
                break
            # A weekend is two days: dated by its Saturday, at day granularity, approximate.
            approximate = vague or unit == "weekend"
            return DateInfo(text=text, date=day, granularity="day" if unit == "weekend" else unit,
                            type="approximate" if approximate else "exact")
    return DateInfo(text=text, date=None, granularity=None, type="unresolved")


def _absolute_day(low: str, published: date | None, future: bool):
    m = _ISO.search(low)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3])), "day"
    m = _DAY_MONTH.search(low)
    if m:
        day, month, year = int(m[1]), MONTHS[m[2]], m[3]
    else:
        m = _MONTH_DAY.search(low)
        if not m:
            return None
        month, day, year = MONTHS[m[1]], int(m[2]), m[3]
    if year:
        return _safe_date(int(year), month, day), "day"
    return _nearest(lambda y: _safe_date(y, month, day), published, future), "day"


def _relative_day(low: str, published: date | None, future: bool):
    if published is None:
        return None
    for words, shift in (("yesterday", -1), ("last night", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0),
                         ("this morning", 0), ("this afternoon", 0), ("this evening", 0)):
        if words in low:
            return published + timedelta(days=shift), "day"
    m = _AGO.search(low)
    if m:
        n = int(m[1]) if m[1].isdigit() else NUMBERS[m[1]]
        unit = m[2]
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        return _start_of(published - timedelta(days=days), unit), unit
    return None


def _weekday(low: str, published: date | None, future: bool):
    m = _WEEKDAY.search(low)
    if not m or published is None:
        return None
    target = WEEKDAYS[m[2]]
    ahead = m[1] in ("next", "coming", "this") or (m[1] is None and future)
    # A bare weekday naming the publication day is that day: wire copy dated Tuesday reports
    # Tuesday's events "on Tuesday". "next"/"last" Tuesday never means today.
    same_day = 0 if m[1] is None else 7
    if ahead:
        days = (target - published.weekday()) % 7 or same_day
        return published + timedelta(days=days), "day"
    days = (published.weekday() - target) % 7 or same_day
    return published - timedelta(days=days), "day"


def _relative_unit(low: str, published: date | None, future: bool):
    m = _RELATIVE_UNIT.search(low)
    if not m or published is None:
        return None
    which, unit = (m[1], m[2]) if m[1] else (m[3], m[4])
    if unit == "weekend":
        return _weekend(published, which, future), "weekend"
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
    if unit == "week":
        return _start_of(published, "week") + timedelta(days=7 * step), "week"
    if unit == "month":
        month = published.month - 1 + step
        return date(published.year + month // 12, month % 12 + 1, 1), "month"
    return date(published.year + step, 1, 1), "year"


def _weekend(published: date, which: str, future: bool) -> date:
    """The Saturday of the weekend meant: the coming one for future events, else the last one."""
    on_weekend = published.weekday() >= 5
    coming = published + timedelta(days=(5 - published.weekday()) % 7)
    last = published - timedelta(days=(published.weekday() - 5) % 7)
    if which in ("next", "coming"):
        return coming + timedelta(days=7 if on_weekend else 0)
    if which in ("last", "past"):
        return last - timedelta(days=7 if on_weekend else 0)
    return coming if future else last


def _month(low: str, published: date | None, future: bool):
    m = _MONTH_YEAR.search(low)
    if not m or (m[1] == "may" and not m[2]):  # "may" alone is the modal more often than the month
        return None
    month = MONTHS[m[1]]
    if m[2]:
        return date(int(m[2]), month, 1), "month"
    if published is None:
        return None
    return _nearest(lambda y: date(y, month, 1), published, future, slack=31), "month"


def _year(low: str, published: date | None, future: bool):
    m = _YEAR.search(low)
    return (date(int(m[1]), 1, 1), "year") if m else None


def _nearest(make, published: date | None, future: bool, slack: int = 0) -> date | None:
    """A day-month (or month) without a year: the year that puts it on the event's side of the
    publication date (ahead for future events, behind otherwise), ``slack`` days allowed."""
    if published is None:
        return None
    options = [d for d in (make(published.year + k) for k in (-1, 0, 1)) if d is not None]
    if future:
        ahead = [d for d in options if d >= published - timedelta(days=slack)]
        return min(ahead) if ahead else None
    behind = [d for d in options if d <= published + timedelta(days=slack)]
    return max(behind) if behind else None


def _start_of(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
