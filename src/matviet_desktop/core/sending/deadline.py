"""Application-level deadline on every database call (research §5.6).

Keepalives and `statement_timeout` cannot unblock a call whose packets are silently swallowed
(a half-open connection behind a NAT or proxy whose kernel still ACKs). A watchdog thread shuts
the connection's socket when a call outlives its deadline; psycopg then raises
`OperationalError` and the connection is discarded and reopened with backoff.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import psycopg

log = logging.getLogger(__name__)
T = TypeVar("T")


class DbUnavailable(Exception):
    """The database call failed or timed out; the caller backs off and tries again later."""


def _shutdown_socket(conn: psycopg.Connection) -> None:
    try:
        dup = socket.socket(fileno=os.dup(conn.fileno()))
    except (OSError, psycopg.Error):
        return
    try:
        dup.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        dup.close()


class Watchdog:
    """One daemon thread per session; `guard` arms a deadline around one call."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._conn: psycopg.Connection | None = None
        self.fired = 0
        threading.Thread(target=self._run, name="db-deadline", daemon=True).start()

    def _run(self) -> None:
        with self._cond:
            while True:
                if self._deadline is None:
                    self._cond.wait()
                    continue
                remaining = self._deadline - time.monotonic()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                conn, self._deadline = self._conn, None
                if conn is not None:
                    self.fired += 1
                    log.warning("database call exceeded its deadline: closing the socket")
                    _shutdown_socket(conn)

    @contextmanager
    def guard(self, conn: psycopg.Connection, seconds: float) -> Iterator[None]:
        with self._cond:
            self._conn, self._deadline = conn, time.monotonic() + seconds
            self._cond.notify()
        try:
            yield
        finally:
            with self._cond:
                self._conn, self._deadline = None, None


def libpq_conninfo(url: str) -> str:
    """SQLAlchemy URL (postgresql+psycopg://…) → libpq URL."""
    from sqlalchemy.engine import make_url

    from matviet_desktop.core.db.engine import normalise_url

    return make_url(normalise_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


class DbSession:
    """One connection owned by one sending thread; every call runs in its own short transaction
    under a deadline, and a broken connection is replaced on the next call."""

    def __init__(
        self,
        url: str,
        *,
        application_name: str = "matviet-sender",
        deadline_s: float = 10.0,
        connect_timeout_s: int = 5,
        idle_tx_timeout_s: float = 15.0,
    ) -> None:
        self.conninfo = libpq_conninfo(url)
        self.application_name = application_name
        self.deadline_s = deadline_s
        self.connect_timeout_s = connect_timeout_s
        self.idle_tx_timeout_ms = max(1, int(idle_tx_timeout_s * 1000))
        self.watchdog = Watchdog()
        self._conn: psycopg.Connection | None = None
        self.reconnects = 0

    def _connect(self) -> psycopg.Connection:
        # Server-side limits so that a dead client never holds locks for long (research §5.6).
        options = (
            "-c synchronous_commit=on -c statement_timeout=30s -c lock_timeout=5s "
            f"-c idle_in_transaction_session_timeout={self.idle_tx_timeout_ms}"
        )
        return psycopg.connect(
            self.conninfo,
            autocommit=True,
            connect_timeout=self.connect_timeout_s,
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
            tcp_user_timeout=int(self.deadline_s * 1000),
            application_name=self.application_name,
            options=options,
        )

    def run(self, fn: Callable[[psycopg.Connection], T], *, deadline_s: float | None = None) -> T:
        """Run `fn(conn)` in one transaction; raise DbUnavailable on any connection trouble."""
        try:
            if self._conn is None or self._conn.closed:
                self._conn = self._connect()
                self.reconnects += 1
            conn = self._conn
            with self.watchdog.guard(conn, deadline_s or self.deadline_s), conn.transaction():
                return fn(conn)
        except psycopg.Error as exc:
            # A session the server ended (e.g. IdleInTransactionSessionTimeout, SQLSTATE 25P03) is
            # not an OperationalError, but it leaves the connection closed all the same.
            lost = self._conn is None or self._conn.closed or self._conn.broken
            if not (lost or isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))):
                raise
            self.discard()
            raise DbUnavailable(str(exc).strip() or type(exc).__name__) from exc

    def discard(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                pass
        self._conn = None

    def close(self) -> None:
        self.discard()


class Backoff:
    """Full-jitter exponential backoff for reconnecting (0.2 s → 10 s)."""

    def __init__(self, base: float = 0.2, cap: float = 10.0) -> None:
        self.base, self.cap, self.failures = base, cap, 0

    def next_delay(self) -> float:
        self.failures += 1
        return random.uniform(self.base / 2, min(self.cap, self.base * 2 ** (self.failures - 1)))

    def reset(self) -> None:
        self.failures = 0
