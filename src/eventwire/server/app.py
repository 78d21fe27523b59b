"""create_app(): the JSON API under ``/api``-less paths, the dashboard pages, static files, map data.

Layout of the URL space:
- JSON API: ``/events``, ``/events/{id}``, ``/series``, ``/dyads``, ``/dyads/{a}/{b}/series``,
  ``/alerts``, ``/network``, ``/actors``, ``/countries``, ``/talks/{a}/{b}``, ``/articles``,
  ``/articles/{id}``, ``/export``, ``/health``; OpenAPI at ``/docs`` and ``/openapi.json``.
- Pages: ``/`` (overview), ``/dyad``, ``/talks``, ``/graph`` (network), ``/library`` (articles),
  ``/article/{id}``.
- Files: ``/static/…`` (our JS/CSS and plotly.min.js from the installed plotly package) and
  ``/geo/world_110m.json`` (Natural Earth outlines that plotly's ``topojsonURL`` points at).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import plotly
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from eventwire.records import Article, CodedArticle
from eventwire.server.access import StoreAccess
from eventwire.server.api import events as events_api
from eventwire.server.api import exports as exports_api
from eventwire.server.api import ingest as ingest_api
from eventwire.server.api import trends as trends_api
from eventwire.server.api.ingest import Coder
from eventwire.server.errors import ApiError, install_error_handlers
from eventwire.server.web import pages

TOKEN_ENV = "EVENTWIRE_API_TOKEN"
STATIC = Path(__file__).parent / "static"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _geo_dir() -> Path:
    return Path(str(resources.files("eventwire.data") / "geo"))


def _default_coder(article: Article) -> CodedArticle:
    # Imported here: loading the coder pulls in spaCy, which only POST /articles needs.
    from eventwire.coding import code_article

    return code_article(article)


def create_app(db_path: Path | str, token: str | None = None, coder: Coder | None = None) -> FastAPI:
    """The API and dashboard over the store at ``db_path``.

    ``token`` enables ``POST /articles`` (bearer auth); without it the ``EVENTWIRE_API_TOKEN``
    environment variable is used, and without that ingest over HTTP is off (401).
    ``coder`` turns an Article into a CodedArticle (default: ``eventwire.coding.code_article``).
    """
    app = FastAPI(
        title="eventwire",
        summary="Coded geopolitical events with their evidence: query, monitor, track talks.",
        version="0.1.0",
    )
    app.state.access = StoreAccess(Path(db_path))
    app.state.token = token or os.environ.get(TOKEN_ENV) or None
    app.state.coder = coder or _default_coder
    install_error_handlers(app)
    for router in (events_api.router, exports_api.router, ingest_api.router, trends_api.router,
                   pages.router):
        app.include_router(router)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(PLOTLY_JS, media_type="text/javascript")

    @app.get("/geo/{name}", include_in_schema=False)
    def geo(name: str) -> FileResponse:
        path = _geo_dir() / name
        if name != path.name or not path.is_file() or not name.endswith(".json"):
            raise ApiError(404, "not_found", f"no map file {name!r}")
        return FileResponse(path, media_type="application/json")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def serve(db: Path | str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the app with uvicorn until interrupted. Loopback only unless ``host`` says otherwise."""
    import uvicorn

    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")
