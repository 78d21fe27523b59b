"""RSS and Atom feeds (feedparser): each item becomes an article.

An item that carries the full text (``content:encoded``, Atom ``content``) is used as it is; one
that only carries a summary is fetched from its link and extracted like any web page. The
item's title, date and source (the feed's title) are kept in preference to the page's own,
because feeds state them explicitly while pages leave them to extraction heuristics.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import feedparser

from eventwire.records import Article, InputError
from eventwire.sources.fetch import Fetcher
from eventwire.sources.html import article_from_html
from eventwire.sources.published import parse_published
from eventwire.sources.web_text import decode_page

# An item whose own content has fewer words than this is a teaser; its page is fetched instead.
# Wire teasers run 30-80 words and full stories 250+, so 150 keeps both cases apart.
FULL_TEXT_MIN_WORDS = 150

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|tr)\s*>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"\n\s*\n\s*")


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's guid, else its link: what ``watch`` remembers
    link: str | None
    title: str | None
    published: date | None
    outlet: str | None
    author: str | None
    content: str | None  # the item's HTML content or summary, whichever is longer


def looks_like_feed(data: bytes) -> bool:
    """True when the first kilobytes hold an RSS, Atom or RDF root element."""
    return _FEED_ROOT.search(data[:4096]) is not None


def parse_feed(origin: str, data: bytes) -> list[FeedItem] | InputError:
    """The items of a feed document, or an error when it is not a feed."""
    if not looks_like_feed(data):
        return InputError(origin, "not an RSS or Atom feed; give the feed URL, or a page URL")
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = type(parsed.get("bozo_exception")).__name__
        return InputError(origin, f"broken feed ({reason}) with no readable items; check the URL")
    outlet = parsed.feed.get("title") or None
    return [_item(origin, n, entry, outlet) for n, entry in enumerate(parsed.entries, start=1)]


def _item(origin: str, n: int, entry, outlet: str | None) -> FeedItem:
    link = entry.get("link") or None
    contents = [c.get("value", "") for c in entry.get("content", [])]
    contents.append(entry.get("summary", ""))
    source = entry.get("source", {}).get("title") if entry.get("source") else None
    return FeedItem(
        key=entry.get("id") or link or f"{origin}#{n}",
        link=link,
        title=entry.get("title") or None,
        published=_entry_date(entry),
        outlet=source or outlet,
        author=entry.get("author") or None,
        content=max(contents, key=len) or None,
    )


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    return parse_published(entry.get("published") or entry.get("updated"))


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    return _BLANKS.sub("\n\n", text).strip()


def item_article(
    item: FeedItem, fetcher: Fetcher | None, default_date: date | None = None
) -> Article | InputError:
    """The article of one item: its own full text, else its page fetched from the link."""
    origin = item.link or item.key
    text = fragment_text(item.content or "")
    if len(text.split()) >= FULL_TEXT_MIN_WORDS or (not item.link and text):
        found: Article | InputError = Article(text=text, url=item.link, origin=origin)
    elif not item.link:
        return InputError(origin, "feed item has neither a link nor any text; skipped")
    elif fetcher is None:
        return InputError(origin, "feed item has no full text and fetching is off; skipped")
    else:
        found = _fetch_page(item.link, fetcher, default_date)
    if isinstance(found, InputError):
        return found
    return replace(
        found,
        title=item.title or found.title,
        published=item.published or found.published or default_date,
        outlet=item.outlet or found.outlet,
        author=item.author or found.author,
    )


def _fetch_page(url: str, fetcher: Fetcher, default_date: date | None) -> Article | InputError:
    fetched = fetcher.get(url)
    if isinstance(fetched, InputError):
        return fetched
    page = decode_page(fetched)
    return article_from_html(url, page, default_date, url=fetched.final_url)


def feed_articles(
    origin: str, data: bytes, fetcher: Fetcher | None, default_date: date | None = None
) -> Iterator[Article | InputError]:
    items = parse_feed(origin, data)
    if isinstance(items, InputError):
        yield items
        return
    for item in items:
        yield item_article(item, fetcher, default_date)
