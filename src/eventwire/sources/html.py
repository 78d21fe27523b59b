"""Web pages: the main text and metadata (title, date, outlet, author) via trafilatura."""

from __future__ import annotations

import logging
import re
from datetime import date

import trafilatura

from eventwire.records import Article, InputError
from eventwire.sources.published import parse_published

_LINE_BREAKS = re.compile(r"\n+")
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
# Elements that never enclose anything, so they never deepen the tree.
_VOID = frozenset(
    b"area base br col embed hr img input link meta param source track wbr".split()
)
# Real pages nest a few dozen levels, rarely over 200. libxml2 stops at 256 levels by itself, but
# a page nested 100k deep still costs lxml and trafilatura seconds of work and memory for
# nothing; refusing it up front keeps one hostile page from stalling a batch.
MAX_NESTING = 400
# trafilatura falls back to any text it finds (a menu, a cookie notice) when a page has no
# article; a handful of words is never a news story, so such pages are reported instead.
MIN_WORDS = 5

# trafilatura logs every page it cannot parse at WARNING; the InputError already says so.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def nesting_depth(html: str | bytes, limit: int = MAX_NESTING) -> int:
    """How deep the open tags nest, counted up to just past ``limit`` (a cheap scan, no parser)."""
    data = html.encode("utf-8", errors="replace") if isinstance(html, str) else html
    depth = deepest = 0
    for m in _TAG.finditer(data):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > limit:
            break
    return deepest


def article_from_html(
    origin: str, html: str, default_date: date | None = None, url: str | None = None
) -> Article | InputError:
    """The article in a page, or an error when the page has no main text."""
    if nesting_depth(html) > MAX_NESTING:
        return InputError(
            origin, f"HTML nested more than {MAX_NESTING} levels deep; not a news page, skipped"
        )
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as err:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        return InputError(origin, f"cannot parse the HTML ({type(err).__name__}); check the page")
    meta = found.as_dict() if found is not None else {}
    body = (meta.get("text") or "").strip()
    if len(body.split()) < MIN_WORDS:
        return InputError(
            origin, "no article text found in the HTML; give the article page, not an index page"
        )
    return Article(
        # trafilatura separates paragraphs by single newlines; the text stage splits paragraphs
        # at blank lines, as in the .txt and .jsonl inputs.
        text=_LINE_BREAKS.sub("\n\n", body),
        title=meta.get("title") or None,
        url=meta.get("url") or url,
        published=parse_published(meta.get("date")) or default_date,
        outlet=meta.get("sitename") or None,
        author=meta.get("author") or None,
        language=meta.get("language") or None,
        origin=origin,
    )
