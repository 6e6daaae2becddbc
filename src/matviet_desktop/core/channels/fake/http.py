"""A tiny threaded HTTP/1.1 server for the fake providers, with fault hooks.

A route handler returns a `Reply`, or `DROP` to close the connection after the request was
processed and before any answer is written ("accepted then dropped").
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"{}")

    def form(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(self.body.decode("utf-8"), keep_blank_values=True)


@dataclass
class Reply:
    body: Any
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


DROP = object()
Handler = Callable[[Request], "Reply | object"]


class FakeHttpServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: list[tuple[str, str, Handler]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _serve(self) -> None:
                parsed = urllib.parse.urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = {
                    k: v[-1] for k, v in urllib.parse.parse_qs(parsed.query, keep_blank_values=True).items()
                }
                req = Request(
                    self.command, parsed.path, query, {k.lower(): v for k, v in self.headers.items()}, body
                )
                handler = server.find(self.command, parsed.path)
                reply = handler(req) if handler else Reply({"error": "Not found"}, 404)
                if reply is DROP:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                assert isinstance(reply, Reply)
                payload = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _serve

        class _Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients killed mid-request are part of the fault tests

        self.httpd = _Server((host, port), _Handler)
        self._thread: threading.Thread | None = None

    def add(self, method: str, prefix: str, handler: Handler) -> None:
        self.routes.append((method, prefix.lower(), handler))

    def find(self, method: str, path: str) -> Handler | None:
        path = path.lower().rstrip("/")
        for m, prefix, handler in self.routes:
            if m == method and (path == prefix.rstrip("/") or path.startswith(prefix.rstrip("/") + "/")):
                return handler
        return None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        host_text = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{host_text}:{port}"

    def start(self) -> FakeHttpServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="fake-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
