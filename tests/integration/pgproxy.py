"""A loopback TCP proxy for fault tests (modelled on pg-boss test/halfOpenProxy.ts): `pass`,
or `blackhole` (bytes are read and dropped, nobody is told: a half-open connection)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url


class PgProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.black = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @classmethod
    @contextmanager
    def to(cls, db_url: str) -> Iterator[PgProxy]:
        url = make_url(db_url)
        proxy = cls((url.host or "127.0.0.1", int(url.port or 5432)))
        proxy.url = url.set(port=proxy.port).render_as_string(hide_password=False)
        try:
            yield proxy
        finally:
            proxy.close()

    url: str = ""

    def blackhole(self) -> None:
        self.black.set()

    def heal(self) -> None:
        self.black.clear()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            self.sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while chunk := src.recv(65536):
                if not self.black.is_set():
                    dst.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.closed = True
        self.listener.close()
        for s in self.sockets:
            try:
                s.close()
            except OSError:
                pass
