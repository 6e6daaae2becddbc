"""Switching off the scoring facts' change marks for a bulk load (light: psycopg only, so the
demo seed can use it without importing the scoring engine)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

# Tables whose inserts mark customers for the facts (migration 0011's triggers).
MARKED_TABLES = ("customers", "orders", "order_items", "customer_engagements")


@contextmanager
def unmarked_bulk_load(conn: psycopg.Connection) -> Iterator[None]:
    """Inside the caller's transaction, load rows without the change-marking insert triggers: a
    bulk load that starts from empty tables (the demo seed, after its TRUNCATE has dropped the
    facts' state) needs no marks, and PostgreSQL would otherwise keep every loaded row in a
    transition table for them. The next run rebuilds the facts."""
    conn.execute("DELETE FROM scoring_facts_state")
    for table in MARKED_TABLES:
        conn.execute(
            sql.SQL("ALTER TABLE {} DISABLE TRIGGER scoring_mark_insert").format(sql.Identifier(table))
        )
    yield
    for table in MARKED_TABLES:
        conn.execute(
            sql.SQL("ALTER TABLE {} ENABLE TRIGGER scoring_mark_insert").format(sql.Identifier(table))
        )
