"""POST /articles: code one article (text, or a URL to fetch) and store it. Needs the token.

Coding runs before the store's write lock is taken, so reads keep flowing while spaCy works;
only the short write transaction excludes them (see server/access.py).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import date
from typing import Annotated

import httpx
from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from eventwire.records import Article, CodedArticle, InputError
from eventwire.server.errors import ApiError
from eventwire.sources.html import article_from_html

router = APIRouter(tags=["articles"])
FETCH_TIMEOUT = 20.0  # seconds; a news page that takes longer is better fetched by `ingest`
MAX_TEXT = 2_000_000  # characters; one article, not a dump


class ArticleIn(BaseModel):
    """Give ``text`` (with optional metadata), or only ``url`` to have the page fetched."""

    text: str | None = Field(None, max_length=MAX_TEXT, description="Article text.")
    url: str | None = Field(None, description="Where the article is; fetched when no text.")
    title: str | None = None
    published: date | None = None
    outlet: str | None = None


Coder = Callable[[Article], CodedArticle]


def check_token(request: Request, authorization: str | None) -> None:
    expected = request.app.state.token
    if expected is None:
        raise ApiError(401, "unauthorized",
                       "ingest is disabled: start the server with an API token (EVENTWIRE_API_TOKEN)")  # fmt: skip
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), expected):
        raise ApiError(401, "unauthorized", "send the API token as 'Authorization: Bearer <token>'")


def _fetch(url: str) -> Article:
    if not url.startswith(("http://", "https://")):
        raise ApiError(422, "invalid_request", f"url {url!r} must start with http:// or https://")
    try:
        resp = httpx.get(url, timeout=FETCH_TIMEOUT, follow_redirects=True)
        resp.raise_for_status()
    except httpx.HTTPError as err:
        raise ApiError(502, "fetch_failed", f"cannot fetch {url} ({err}); send its text instead") from err
    found = article_from_html(url, resp.text, url=url)
    if isinstance(found, InputError):
        raise ApiError(422, "no_article", str(found))
    return found


def _article(body: ArticleIn) -> Article:
    if body.text and body.text.strip():
        return Article(text=body.text, title=body.title, url=body.url, published=body.published,
                       outlet=body.outlet, origin=body.url or "api")  # fmt: skip
    if body.url:
        fetched = _fetch(body.url)
        return Article(text=fetched.text, title=body.title or fetched.title, url=body.url,
                       published=body.published or fetched.published,
                       outlet=body.outlet or fetched.outlet, origin=body.url)  # fmt: skip
    raise ApiError(422, "invalid_request", "give 'text' (the article) or 'url' (to fetch it)")


@router.post("/articles", status_code=201, summary="Code and store one article (bearer token)")
def post_article(
    body: ArticleIn,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> dict:
    check_token(request, authorization)
    coded = request.app.state.coder(_article(body))
    with request.app.state.access.write() as store:
        result = store.write([coded])
    return {
        "article_id": coded.article.id,
        "stored": result.new_articles == 1,
        "already_stored": result.already_stored == 1,
        "skipped_reason": coded.skipped_reason,
        "events": [ev.to_dict() for ev in coded.events],
    }
