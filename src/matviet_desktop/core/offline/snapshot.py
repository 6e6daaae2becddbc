"""Copy one store's slice of the central database into a local database.

The local copy has the same schema (migrated by the same Alembic scripts), so every page and query
works unchanged offline. A store's customers are those whose home store it is plus everyone who
bought there; rows owned by a customer follow the customer. Reference data (stores, products,
segments, campaigns) is copied whole; sending internals, provider secrets and import staging never
leave the central database.

The source is read in one REPEATABLE READ, read-only transaction, so the snapshot is consistent;
rows stream through binary COPY, never through Python objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from psycopg import sql
from sqlalchemy import Engine, Table

import matviet_desktop.core.db.models  # noqa: F401  (registers every table)
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.base import Base
from matviet_desktop.core.db.engine import make_engine

SNAPSHOT_SETTING_KEY = "offline.snapshot"

# Copied whole: small, and needed to read everything else.
REFERENCE_TABLES = frozenset(
    {
        "stores",
        "products",
        "app_settings",
        "segment_rules",
        "segment_size_history",
        # The rollup's rows follow their customers; its build marks hold for any customer slice.
        "segment_revenue_rollup_state",
        "campaigns",
        "campaign_costs",
        "scoring_runs",
    }
)
# Never copied: queue internals, credentials, workstation state, import staging.
CENTRAL_ONLY_TABLES = frozenset(
    {
        "workers",
        "rate_buckets",
        "oauth_tokens",
        "provider_settings",
        "send_attempts",
        "send_batches",
        "do_not_contact",
        "imports",
        "import_rejects",
        "duplicate_candidates",
        "customer_merges",
        "campaign_audience_uploads",
        # The scoring engine's cache (rebuilt from the orders whenever needed): scoring runs
        # centrally, the offline copy only reads the scores.
        "customer_order_facts",
        "scoring_dirty_customers",
        "scoring_pending_aggregates",
        "scoring_facts_state",
    }
)
# Constant SQL (no user input: the store code is a bound parameter).
STORE_CUSTOMERS = (
    "SELECT c.id FROM customers c JOIN stores s ON s.id = c.home_store_id WHERE s.code = %(store)s "
    "UNION SELECT o.customer_id FROM orders o JOIN stores s ON s.id = o.store_id WHERE s.code = %(store)s"
)

Progress = Callable[[float, str], None]


@dataclass
class SnapshotReport:
    store_code: str
    taken_at: dt.datetime
    rows: dict[str, int] = field(default_factory=dict)
    skipped_tables: list[str] = field(default_factory=list)


class UnclassifiedTableError(LookupError):
    """A new table must be placed in REFERENCE_TABLES, CENTRAL_ONLY_TABLES or get a customer_id."""


def table_filter(table: Table) -> str | None:
    """The WHERE clause that selects this table's rows for a store, or None to skip the table."""
    name = table.name
    if name in CENTRAL_ONLY_TABLES:
        return None
    if name in REFERENCE_TABLES:
        return "TRUE"
    if name == "customers":
        return "id IN (" + STORE_CUSTOMERS + ")"
    if "customer_id" in table.c:
        return "customer_id IN (" + STORE_CUSTOMERS + ")"
    if name == "order_items":
        return "order_id IN (SELECT id FROM orders WHERE customer_id IN (" + STORE_CUSTOMERS + "))"  # noqa: S608
    raise UnclassifiedTableError(f"offline/snapshot.py does not say whether table {name!r} goes offline")


def _libpq(url: str) -> str:
    return make_engine(url).url.set(drivername="postgresql").render_as_string(hide_password=False)


def take_snapshot(
    source: Engine,
    target_url: str,
    store_code: str,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SnapshotReport:
    """Replace the local database's contents with the store's current slice of the central one."""
    report = SnapshotReport(store_code=store_code, taken_at=dt.datetime.now(dt.UTC))
    target_engine = make_engine(target_url, pool_size=1)
    try:
        migrate.upgrade(target_engine)
    finally:
        target_engine.dispose()
    tables = [t for t in Base.metadata.sorted_tables]
    src_dsn = source.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(src_dsn) as src, psycopg.connect(_libpq(target_url)) as dst:
        src.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        known = src.execute("SELECT 1 FROM stores WHERE code = %s", (store_code,)).fetchone()
        if known is None:
            raise ValueError(f"Không có cửa hàng mã “{store_code}” trong cơ sở dữ liệu trung tâm.")
        # Foreign keys of skipped tables would refuse the load; the slice is consistent by construction.
        dst.execute("SET session_replication_role = replica")
        names = sql.SQL(", ").join(sql.Identifier(t.name) for t in tables)
        dst.execute(sql.SQL("TRUNCATE {} CASCADE").format(names))
        for index, table in enumerate(tables):
            if cancel and cancel():
                raise InterruptedError("snapshot cancelled")
            where = table_filter(table)
            if where is None:
                report.skipped_tables.append(table.name)
                continue
            if progress:
                progress(index / len(tables), table.name)
            columns = sql.SQL(", ").join(sql.Identifier(c.name) for c in table.columns)
            select = sql.SQL(
                "COPY (SELECT {cols} FROM {tbl} WHERE {where}) TO STDOUT (FORMAT binary)"
            ).format(
                cols=columns,
                tbl=sql.Identifier(table.name),
                where=sql.SQL(where),  # constant text from table_filter, never user input
            )
            load = sql.SQL("COPY {tbl} ({cols}) FROM STDIN (FORMAT binary)").format(
                tbl=sql.Identifier(table.name), cols=columns
            )
            with src.cursor() as out_cur, dst.cursor() as in_cur:
                with out_cur.copy(select, {"store": store_code}) as out, in_cur.copy(load) as into:
                    for block in out:
                        into.write(block)
                report.rows[table.name] = in_cur.rowcount if in_cur.rowcount >= 0 else 0
        dst.execute(
            "INSERT INTO app_settings (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
            (
                SNAPSHOT_SETTING_KEY,
                psycopg.types.json.Jsonb({"store_code": store_code, "taken_at": report.taken_at.isoformat()}),
            ),
        )
        dst.commit()
    if progress:
        progress(1.0, "done")
    return report


def snapshot_info(engine: Engine) -> dict[str, str] | None:
    """What snapshot (store, time) a local database holds, or None for a central database."""
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT value FROM app_settings WHERE key = %(key)s", {"key": SNAPSHOT_SETTING_KEY}
        ).first()
    return dict(row[0]) if row else None
