"""One JSON error shape for every failure: ``{"error": {"code": str, "message": str}}``.

``code`` is a stable machine word (``not_found``, ``invalid_request``, ``unauthorized``,
``database_busy``, ``no_database``, ``internal``); ``message`` is one line that says what to do.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.analysis import FilterError
from eventwire.errors import EventwireError, StoreError

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_request",
    503: "unavailable",
}


class ApiError(Exception):
    """Raised by routes: rendered as the error shape with this status and code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _store_error(err: StoreError) -> JSONResponse:
    text = str(err)
    if "in use" in text:
        return error_response(503, "database_busy", text, {"Retry-After": "2"})
    if "no such database" in text:
        return error_response(503, "no_database", text)
    return error_response(500, "database_error", text)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, err: ApiError) -> JSONResponse:
        return error_response(err.status, err.code, err.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, err: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(err.status_code, "http_error")
        message = err.detail if isinstance(err.detail, str) else str(err.detail)
        return error_response(err.status_code, code, message, getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, err: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _validation_message(err))

    @app.exception_handler(FilterError)
    async def _filter(_: Request, err: FilterError) -> JSONResponse:
        return error_response(422, "invalid_filter", str(err))

    @app.exception_handler(StoreError)
    async def _store(_: Request, err: StoreError) -> JSONResponse:
        return _store_error(err)

    @app.exception_handler(EventwireError)
    async def _eventwire(_: Request, err: EventwireError) -> JSONResponse:
        return error_response(503 if err.retryable else 422, "eventwire_error", str(err))

    @app.exception_handler(Exception)
    async def _crash(_: Request, err: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error_response(500, "internal", f"internal error ({type(err).__name__}); see the server log")
