"""A real HTTP server on 127.0.0.1 for fetch, feed and watch tests (http.server in a thread).

Routes are set per test: a body with a content type and status, optional delay before the
answer, redirects, and "broken" answers that promise more bytes than they send.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    broken: bool = False  # declare a longer body than is sent, then hang up
    chunked_size: int = 0  # stream this many bytes without a Content-Length


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.hits.append(self.path)
                server.agents.append(self.headers.get("User-Agent", ""))
                server._answer(self, server.routes.get(self.path))

            def log_message(self, *args) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kw) -> str:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=raw, **kw)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, headers={"Location": to})
        return self.url(path)

    def _answer(self, handler: BaseHTTPRequestHandler, route: Route | None) -> None:
        if route is None:
            route = Route(body=b"not found", content_type="text/plain", status=404)
        if route.delay:
            time.sleep(route.delay)
        try:
            handler.send_response(route.status)
            handler.send_header("Content-Type", route.content_type)
            for key, value in route.headers.items():
                handler.send_header(key, value)
            if route.chunked_size:
                handler.end_headers()
                block = b"x" * 65536
                for _ in range(route.chunked_size // len(block) + 1):
                    handler.wfile.write(block)
                return
            declared = len(route.body) + (1000 if route.broken else 0)
            handler.send_header("Content-Length", str(declared))
            handler.end_headers()
            handler.wfile.write(route.body)
            if route.broken:
                handler.wfile.flush()
                handler.connection.shutdown(2)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client gave up (size cap, timeout): that is what the test checks

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
