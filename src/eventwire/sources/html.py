"""Web pages: the main text and metadata (title, date, outlet, author) via trafilatura."""

from __future__ import annotations

import logging
import re
from datetime import date

import trafilatura

from eventwire.records import Article, InputError
from eventwire.sources.published import parse_published

_LINE_BREAKS = re.compile(r"\n+")

# trafilatura logs every page it cannot parse at WARNING; the InputError already says so.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def article_from_html(
    origin: str, html: str, default_date: date | None = None, url: str | None = None
) -> Article | InputError:
    """The article in a page, or an error when the page has no main text."""
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as err:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        return InputError(origin, f"cannot parse the HTML ({type(err).__name__}); check the page")
    meta = found.as_dict() if found is not None else {}
    body = (meta.get("text") or "").strip()
    if not body:
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
