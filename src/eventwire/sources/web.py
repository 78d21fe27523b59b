"""URLs: fetch, then read the body as a feed or a web page, whichever it turns out to be."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from eventwire.records import Article, InputError
from eventwire.sources.context import ReadContext
from eventwire.sources.feeds import feed_articles, looks_like_feed
from eventwire.sources.fetch import FEED_TYPES, HTML_TYPES
from eventwire.sources.html import article_from_html
from eventwire.sources.web_text import decode_page

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)


def looks_like_html(data: bytes) -> bool:
    return _HTML_START.match(data[:4096]) is not None


def read_url(
    url: str, default_date: date | None, ctx: ReadContext
) -> Iterator[Article | InputError]:
    """A feed's items, or a page's article; the content decides, the content type only hints."""
    fetcher = ctx.fetcher()
    fetched = fetcher.get(url)
    if isinstance(fetched, InputError):
        yield fetched
        return
    body = fetched.body
    # Sniff before trusting the label: many feeds are served as text/html or text/plain.
    if looks_like_feed(body) or (fetched.content_type in FEED_TYPES and not looks_like_html(body)):
        yield from feed_articles(url, body, fetcher, default_date)
    elif fetched.content_type in HTML_TYPES or looks_like_html(body):
        yield article_from_html(url, decode_page(fetched), default_date, url=fetched.final_url)
    else:
        yield InputError(url, "neither a web page nor an RSS/Atom feed; give a page or feed URL")
