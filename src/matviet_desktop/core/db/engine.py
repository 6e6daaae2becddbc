"""Engines and units of work.

Every engine uses psycopg 3 with libpq keepalives, so a vanished server is noticed, and a
statement timeout, so no call can hang a worker forever.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

CONNECT_ARGS = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "application_name": "matviet-desktop",
}


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` URLs and route them to psycopg 3."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.drivername in ("postgresql", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, *, pool_size: int = 5, statement_timeout_ms: int | None = None) -> Engine:
    args = dict(CONNECT_ARGS)
    if statement_timeout_ms:
        args["options"] = f"-c statement_timeout={int(statement_timeout_ms)}"
    return create_engine(
        normalise_url(url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        connect_args=args,
    )


@lru_cache(maxsize=8)
def shared_engine(url: str) -> Engine:
    """One engine per URL for the whole process (connection pools are expensive)."""
    return make_engine(url)


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session
