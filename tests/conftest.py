"""Shared fixtures: a real throwaway PostgreSQL, never a mock.

One cluster per test session; the schema is migrated once into a template database and every
test that asks for `db_url` gets its own copy (CREATE DATABASE … TEMPLATE), so tests are
isolated and fast. Set MATVIET_TEST_DATABASE_CLUSTER_URL to reuse an already running server
(superuser URL without a database name part other than `postgres`).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine

from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.devtools.pgcluster import PgCluster, start_throwaway_cluster

TEMPLATE_DB = "matviet_template"
_counter = itertools.count()


class ServerHandle:
    """Where the test server is, and how to make databases on it."""

    def __init__(self, base_url: str, cluster: PgCluster | None) -> None:
        self.base_url = base_url  # SQLAlchemy URL of the `postgres` maintenance database
        self.cluster = cluster

    def url(self, dbname: str) -> str:
        return self.base_url.rsplit("/", 1)[0] + "/" + dbname

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.base_url.replace("+psycopg", ""), autocommit=True)

    def create_database(self, name: str, template: str | None = None) -> str:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ServerHandle]:
    external = os.environ.get("MATVIET_TEST_DATABASE_CLUSTER_URL")
    if external:
        yield ServerHandle(external, None)
        return
    cluster = start_throwaway_cluster()
    try:
        yield ServerHandle(cluster.url(), cluster)
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def template_db(pg_server: ServerHandle) -> str:
    """A database migrated to head, used as the template for every test database."""
    url = pg_server.create_database(TEMPLATE_DB)
    engine = make_engine(url, pool_size=1)
    migrate.upgrade(engine)
    engine.dispose()
    return TEMPLATE_DB


@pytest.fixture
def db_url(pg_server: ServerHandle, template_db: str) -> Iterator[str]:
    name = f"t_{os.getpid()}_{next(_counter)}"
    url = pg_server.create_database(name, template=template_db)
    yield url
    pg_server.drop_database(name)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def empty_db_url(pg_server: ServerHandle) -> Iterator[str]:
    name = f"e_{os.getpid()}_{next(_counter)}"
    url = pg_server.create_database(name)
    yield url
    pg_server.drop_database(name)
