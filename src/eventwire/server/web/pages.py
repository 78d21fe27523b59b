"""Dashboard pages. Charts and lists fetch the JSON API from small vanilla JS (static/app.js);
the article page is rendered on the server with every coded event highlighted in the text."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from eventwire import analysis
from eventwire.server.api.params import StoreDep
from eventwire.server.errors import ApiError
from eventwire.server.web.highlight import segments

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")

NAV = (("/", "Overview"), ("/dyad", "Dyad"), ("/talks", "Talks"), ("/graph", "Network"),
       ("/library", "Articles"))  # fmt: skip


def _page(request: Request, name: str, **context) -> HTMLResponse:
    context.update(nav=NAV, path=request.url.path)
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    return _page(request, "overview.html", title="Overview", page="overview")


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, a: str = "", b: str = "") -> HTMLResponse:
    return _page(request, "dyad.html", title="Dyad", page="dyad", a=a, b=b)


@router.get("/talks", response_class=HTMLResponse)
def talks(request: Request, a: str = "", b: str = "") -> HTMLResponse:
    return _page(request, "talks.html", title="Talks tracker", page="talks", a=a, b=b)


@router.get("/graph", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    return _page(request, "network.html", title="Actor network", page="network")


@router.get("/library", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep) -> HTMLResponse:
    listed = analysis.list_articles(store, limit=200)
    return _page(request, "articles.html", title="Articles", page="articles", articles=listed)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    found = analysis.get_article(store, article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}")
    return _page(
        request, "article.html", title=found["title"] or found["id"], page="article",
        article=found, segments=segments(found["text"], found["events"]),
    )  # fmt: skip
